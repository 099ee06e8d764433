import { ComposeEditError, planComposeEdit, readServiceImages } from './compose-image-edit';
import { commitMessage } from './compose-file-updater';
import { locateComposeService } from './compose-locator';

const FILE = `# Production stack — keep comments!
x-defaults: &defaults
  restart: unless-stopped   # always back
  logging: { driver: json-file }

services:
  web:
    <<: *defaults
    image: "registry.example:5000/acme/web:1.0.0"   # pinned by Tidewatch
    ports: ["8080:80"]

  api:
    image: 'acme/api:2.3.4'
    environment:
      - A=1

  worker:   # no quotes
    image: acme/worker:3.0.0-alpine


  cache:
    image: redis
  db:
    image: postgres:15@sha256:${'a'.repeat(64)}
  flow: { image: acme/flow:1.0, restart: always }
`;

/** Asserts that `after` is `before` with exactly `from` replaced by `to` at one place. */
function expectOnlyReplaced(before: string, after: string, from: string, to: string): void {
  const index = before.indexOf(from);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(after).toBe(before.slice(0, index) + to + before.slice(index + from.length));
}

describe('planComposeEdit: only the tag bytes change', () => {
  it.each([
    [
      'web',
      '1.1.0',
      '"registry.example:5000/acme/web:1.0.0"',
      '"registry.example:5000/acme/web:1.1.0"',
      'registry.example:5000/acme/web:1.1.0',
    ],
    ['api', '2.4.0', "'acme/api:2.3.4'", "'acme/api:2.4.0'", 'acme/api:2.4.0'],
    [
      'worker',
      '3.1.0-alpine',
      'acme/worker:3.0.0-alpine',
      'acme/worker:3.1.0-alpine',
      'acme/worker:3.1.0-alpine',
    ],
    ['cache', '7.2', 'image: redis\n', 'image: redis:7.2\n', 'redis:7.2'],
    ['flow', '1.1', 'acme/flow:1.0,', 'acme/flow:1.1,', 'acme/flow:1.1'],
  ])('%s → %s', (service, tag, from, to, value) => {
    const plan = planComposeEdit(FILE, [{ service, tag }]);
    expectOnlyReplaced(FILE, plan.text, from, to);
    expect(plan.edits).toEqual([expect.objectContaining({ service, to: value })]);
    expect(readServiceImages(plan.text)[service]).toBe(value);
  });

  it('replaces the digest of a digest-pinned image, and refuses without one', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    const plan = planComposeEdit(FILE, [{ service: 'db', tag: '16', digest }]);
    expectOnlyReplaced(
      FILE,
      plan.text,
      `postgres:15@sha256:${'a'.repeat(64)}`,
      `postgres:16@${digest}`,
    );
    expect(() => planComposeEdit(FILE, [{ service: 'db', tag: '16' }])).toThrow(/pinned by digest/);
  });

  it('rewrites several services in one pass', () => {
    const plan = planComposeEdit(FILE, [
      { service: 'web', tag: '1.1.0' },
      { service: 'worker', tag: '3.0.1-alpine' },
    ]);
    const expected = FILE.replace('web:1.0.0', 'web:1.1.0').replace(
      'worker:3.0.0-alpine',
      'worker:3.0.1-alpine',
    );
    expect(plan.text).toBe(expected);
    expect(plan.edits.map((edit) => edit.service)).toEqual(['web', 'worker']);
  });

  it('is a no-op when the tag is already the target', () => {
    const plan = planComposeEdit(FILE, [{ service: 'api', tag: '2.3.4' }]);
    expect(plan.text).toBe(FILE);
    expect(plan.edits).toEqual([]);
  });

  it('keeps CRLF line endings', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    const plan = planComposeEdit(crlf, [{ service: 'api', tag: '9.9.9' }]);
    expectOnlyReplaced(crlf, plan.text, 'api:2.3.4', 'api:9.9.9');
  });

  it('edits the image of a service merged from an anchor when only that service uses it', () => {
    const text = 'x-app: &app\n  image: acme/app:1.0 # shared?\nservices:\n  one:\n    <<: *app\n';
    expectOnlyReplaced(
      text,
      planComposeEdit(text, [{ service: 'one', tag: '1.1' }]).text,
      'app:1.0',
      'app:1.1',
    );
  });

  it('refuses an anchored image shared with a service left alone, allows it when both change', () => {
    const text = 'services:\n  one:\n    image: &img acme/app:1.0\n  two:\n    image: *img\n';
    expect(() => planComposeEdit(text, [{ service: 'one', tag: '1.1' }])).toThrow(
      /shared with two/,
    );
    const both = planComposeEdit(text, [
      { service: 'one', tag: '1.1' },
      { service: 'two', tag: '1.1' },
    ]);
    expectOnlyReplaced(text, both.text, 'app:1.0', 'app:1.1');
  });

  it.each([['${TAG}'], ['$TAG'], ['${REGISTRY:-docker.io}/app:1.0']])(
    'refuses variable substitution: %s',
    (value) => {
      const text = `services:\n  app:\n    image: acme/app:${value}\n`;
      expect(() => planComposeEdit(text, [{ service: 'app', tag: '2.0' }])).toThrow(
        ComposeEditError,
      );
      expect(() => planComposeEdit(text, [{ service: 'app', tag: '2.0' }])).toThrow(
        /variable substitution/,
      );
    },
  );

  it('allows an escaped dollar ($$)', () => {
    const text = 'services:\n  app:\n    image: acme/app$$x:1.0\n';
    expectOnlyReplaced(
      text,
      planComposeEdit(text, [{ service: 'app', tag: '2.0' }]).text,
      ':1.0',
      ':2.0',
    );
  });

  it.each([
    ['a service that is not there', [{ service: 'nope', tag: '1' }], /"nope" is not in the file/],
    ['a service without image', [{ service: 'built', tag: '1' }], /no image/],
    ['an invalid tag', [{ service: 'api', tag: 'bad tag' }], /not a valid image tag/],
    ['an invalid digest', [{ service: 'api', digest: 'md5:1' }], /not a sha256 digest/],
  ])('refuses %s', (_what, changes, error) => {
    const text = `${FILE}  built:\n    build: .\n`;
    expect(() => planComposeEdit(text, changes)).toThrow(error);
  });

  it('refuses escaped double-quoted values and block scalars rather than guessing', () => {
    expect(() =>
      planComposeEdit('services:\n  a:\n    image: "acme/a\\x3a1.0"\n', [
        { service: 'a', tag: '2' },
      ]),
    ).toThrow(/does not edit/);
    expect(() =>
      planComposeEdit('services:\n  a:\n    image: >-\n      acme/a:1.0\n', [
        { service: 'a', tag: '2' },
      ]),
    ).toThrow(/does not edit/);
  });
});

describe('commitMessage', () => {
  it('names the service and the tag; lists a batch', () => {
    expect(commitMessage([{ service: 'web', from: 'a/web:1.0', to: 'a/web:1.1' }])).toBe(
      'chore(tidewatch): update web image to 1.1',
    );
    expect(
      commitMessage([
        { service: 'web', from: 'a/web:1.0', to: 'a/web:1.1' },
        { service: 'api', from: 'a/api:2', to: 'a/api:3' },
      ]),
    ).toBe(
      'chore(tidewatch): update images of web, api\n\n- web: a/web:1.0 -> a/web:1.1\n- api: a/api:2 -> a/api:3',
    );
  });
});

describe('locateComposeService', () => {
  const files: Record<string, string> = {
    '/stacks/shop/compose.yml':
      'services:\n  web:\n    image: acme/web:1.0\n  api:\n    image: acme/api:1.0\n    container_name: shop-api\n',
    '/stacks/shop/compose.override.yml':
      'services:\n  web:\n    image: acme/web:1.0-debug\n  api:\n    environment: [A=1]\n',
    '/other/explicit.yml': 'services:\n  solo:\n    image: acme/solo:3\n',
  };
  const io = { readFile: (file: string) => files[file], exists: (file: string) => file in files };
  const labels = {
    'com.docker.compose.project': 'shop',
    'com.docker.compose.project.working_dir': '/stacks/shop',
    'com.docker.compose.project.config_files': '/stacks/shop/compose.yml,compose.override.yml',
  };

  it('takes the last config file that sets the service image (overrides)', () => {
    expect(
      locateComposeService(
        {
          name: 'shop-web-1',
          image: 'acme/web:1.0-debug',
          labels: { ...labels, 'com.docker.compose.service': 'web' },
        },
        io,
      ),
    ).toEqual({
      file: '/stacks/shop/compose.override.yml',
      service: 'web',
      project: 'shop',
    });
    expect(
      locateComposeService(
        {
          name: 'shop-api',
          image: 'acme/api:1.0',
          labels: { ...labels, 'com.docker.compose.service': 'api' },
        },
        io,
      ).file,
    ).toBe('/stacks/shop/compose.yml');
  });

  it('uses an explicit file label (tidewatch or wud) and finds the service by container_name or repository', () => {
    expect(
      locateComposeService(
        {
          name: 'shop-api',
          image: 'acme/api:1.0',
          labels: { 'wud.compose.file': '/stacks/shop/compose.yml' },
        },
        io,
      ).service,
    ).toBe('api');
    expect(
      locateComposeService(
        {
          name: 'x',
          image: 'acme/solo:3',
          labels: { 'tidewatch.compose.file': '/other/explicit.yml' },
        },
        io,
      ),
    ).toEqual({ file: '/other/explicit.yml', service: 'solo' });
    expect(
      locateComposeService(
        { name: 'x', image: 'acme/solo:3', labels: {} },
        { ...io, file: '/other/explicit.yml' },
      ).service,
    ).toBe('solo');
  });

  it('maps host paths and explains what is missing', () => {
    const mapped = {
      readFile: (file: string) => files[file.replace('/mnt', '')],
      exists: (file: string) => file.startsWith('/mnt/stacks'),
    };
    expect(
      locateComposeService(
        {
          name: 'a',
          image: 'acme/web:1.0',
          labels: { ...labels, 'com.docker.compose.service': 'web' },
        },
        { ...mapped, pathMappings: [{ from: '/stacks', to: '/mnt/stacks' }] },
      ).file,
    ).toBe('/mnt/stacks/shop/compose.override.yml');
    expect(() => locateComposeService({ name: 'a', image: 'x', labels: {} }, io)).toThrow(
      /no compose labels/,
    );
    expect(() =>
      locateComposeService(
        { name: 'a', image: 'x', labels: { 'tidewatch.compose.file': '/nope.yml' } },
        io,
      ),
    ).toThrow(/not found/);
  });
});
