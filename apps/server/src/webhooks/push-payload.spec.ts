import {
  MalformedPushError,
  type NormalizedPush,
  type PushHeaders,
  normalizePushPayload,
  parsePushBody,
} from './push-payload';

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

function distributionEvent(
  overrides: {
    action?: string;
    mediaType?: string;
    tag?: string;
    repository?: string;
    host?: string;
    id?: string;
  } = {},
) {
  const repository = overrides.repository ?? 'acme/app';
  return {
    id: overrides.id ?? 'evt-1',
    timestamp: '2026-11-21T10:00:00.000Z',
    action: overrides.action ?? 'push',
    target: {
      mediaType: overrides.mediaType ?? MANIFEST,
      size: 528,
      digest: 'sha256:2d8f6a3b4c0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2',
      length: 528,
      repository,
      url: `http://127.0.0.1:5000/v2/${repository}/manifests/sha256:2d8f`,
      ...(overrides.tag === undefined
        ? { tag: '1.1.0' }
        : overrides.tag === ''
          ? {}
          : { tag: overrides.tag }),
    },
    request: {
      id: 'req-1',
      addr: '127.0.0.1:51234',
      host: overrides.host ?? '127.0.0.1:5000',
      method: 'PUT',
      useragent: 'docker/20.10.24',
    },
    actor: {},
    source: { addr: 'host:5000', instanceID: 'abc' },
  };
}

const dockerHub = {
  callback_url:
    'https://registry.hub.docker.com/u/acme/app/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/',
  push_data: { pushed_at: 1417566161, pusher: 'trustedbuilder', tag: 'latest' },
  repository: {
    comment_count: 0,
    date_created: 1417494799,
    description: '',
    is_official: false,
    is_private: true,
    name: 'app',
    namespace: 'acme',
    owner: 'acme',
    repo_name: 'acme/app',
    repo_url: 'https://registry.hub.docker.com/u/acme/app/',
    star_count: 0,
    status: 'Active',
  },
};

function githubPackage(
  tag: string,
  event: 'registry_package' | 'package' = 'registry_package',
  action = 'published',
) {
  const pkg = {
    id: 1,
    name: 'app',
    namespace: 'Acme',
    ecosystem: 'CONTAINER',
    package_type: 'CONTAINER',
    owner: { login: 'Acme' },
    package_version: {
      id: 2,
      version: 'sha256:2d8f6a3b4c0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2',
      container_metadata: { tag: { name: tag, digest: 'sha256:2d8f' }, labels: {}, manifest: {} },
      package_url: `ghcr.io/acme/app${tag ? `:${tag}` : ''}`,
    },
    registry: {
      about_url: 'https://docs.github.com/packages',
      name: 'GitHub Container Registry',
      type: 'docker',
      url: 'https://ghcr.io/acme',
      vendor: 'GitHub Inc',
    },
  };
  return {
    action,
    [event]: pkg,
    repository: { full_name: 'acme/app' },
    sender: { login: 'octocat' },
  };
}

const harbor = {
  type: 'PUSH_ARTIFACT',
  occur_at: 1680000000,
  operator: 'admin',
  event_data: {
    resources: [
      {
        digest: 'sha256:2d8f',
        tag: 'v1.2.0',
        resource_url: 'harbor.example.com/library/app:v1.2.0',
      },
    ],
    repository: {
      date_created: 1680000000,
      name: 'app',
      namespace: 'library',
      repo_full_name: 'library/app',
      repo_type: 'private',
    },
  },
};

const harborCloudEvent = {
  specversion: '1.0',
  id: 'e-1',
  source: '/projects/1/webhook/policies/1',
  type: 'harbor.artifact.pushed',
  datacontenttype: 'application/json',
  data: harbor.event_data,
};

const quay = {
  repository: 'acme/app',
  namespace: 'acme',
  name: 'app',
  docker_url: 'quay.io/acme/app',
  homepage: 'https://quay.io/repository/acme/app',
  updated_tags: ['1.4.0', 'latest'],
};

function giteaPackage(version: string, action = 'created', type = 'container') {
  return {
    action,
    package: {
      id: 7,
      owner: { id: 1, login: 'acme', username: 'acme' },
      repository: null,
      creator: { login: 'ci' },
      type,
      name: 'app',
      version,
      html_url: `https://git.example.com/acme/-/packages/container/app/${version}`,
      created_at: '2026-11-21T10:00:00Z',
    },
    sender: { login: 'ci' },
  };
}

const acr = {
  id: 'cb8c3971-9adc-488b-xxxx-43cbb4974ff5',
  timestamp: '2017-11-17T16:52:01.343145347Z',
  action: 'push',
  target: {
    mediaType: MANIFEST,
    size: 524,
    digest: 'sha256:80f0d5c8786bb9e621a45ece0db56d11cdc624ad20da9fe62e9d25490f331d7d',
    length: 524,
    repository: 'hello-world',
    tag: 'v1',
  },
  request: {
    id: '3cbb6949-7549-4fa1-xxxx-a6d5451dffc7',
    host: 'myregistry.azurecr.io',
    method: 'PUT',
    useragent: 'docker/17.09.0-ce',
  },
};

interface Case {
  name: string;
  body: unknown;
  headers?: PushHeaders;
  expected: Partial<NormalizedPush>;
}

const cases: Case[] = [
  {
    name: 'distribution: tagged manifest push',
    body: { events: [distributionEvent()] },
    expected: {
      format: 'distribution',
      pushes: [{ host: '127.0.0.1:5000', repository: 'acme/app', tags: ['1.1.0'] }],
      eventIds: ['evt-1'],
    },
  },
  {
    name: 'distribution: multi-arch push = untagged children, layers, then the tagged index',
    body: {
      events: [
        distributionEvent({ id: 'a', mediaType: LAYER, tag: '' }),
        distributionEvent({ id: 'b', mediaType: MANIFEST, tag: '' }),
        distributionEvent({ id: 'c', mediaType: MANIFEST, tag: '' }),
        distributionEvent({ id: 'd', mediaType: INDEX, tag: '2.0.0' }),
      ],
    },
    expected: {
      format: 'distribution',
      pushes: [{ host: '127.0.0.1:5000', repository: 'acme/app', tags: ['2.0.0'] }],
      eventIds: ['a', 'b', 'c', 'd'],
    },
  },
  {
    name: 'distribution: several tags and repositories, duplicates merged',
    body: {
      events: [
        distributionEvent({ id: '1', tag: '1.2.0' }),
        distributionEvent({ id: '2', tag: '1.2' }),
        distributionEvent({ id: '3', tag: '1.2.0' }),
        distributionEvent({ id: '4', tag: 'latest', repository: 'acme/worker', mediaType: LIST }),
      ],
    },
    expected: {
      pushes: [
        { host: '127.0.0.1:5000', repository: 'acme/app', tags: ['1.2.0', '1.2'] },
        { host: '127.0.0.1:5000', repository: 'acme/worker', tags: ['latest'] },
      ],
    },
  },
  {
    name: 'distribution: pulls, mounts and deletes are ignored',
    body: {
      events: [
        distributionEvent({ action: 'pull' }),
        distributionEvent({ action: 'delete' }),
        distributionEvent({ action: 'mount', mediaType: LAYER, tag: '' }),
      ],
    },
    expected: {
      format: 'distribution',
      pushes: [],
      ignored: 'no tagged manifest push in the events',
    },
  },
  {
    name: 'distribution: a tagged push of a non-manifest media type is ignored',
    body: {
      events: [distributionEvent({ mediaType: 'application/vnd.cncf.helm.config.v1+json' })],
    },
    expected: { pushes: [] },
  },
  {
    name: 'distribution: empty envelope',
    body: { events: [] },
    expected: { format: 'distribution', pushes: [] },
  },
  {
    name: 'distribution: host taken from target.url when request.host is missing',
    body: { events: [{ ...distributionEvent(), request: undefined }] },
    expected: { pushes: [{ host: '127.0.0.1:5000', repository: 'acme/app', tags: ['1.1.0'] }] },
  },
  {
    name: 'distribution: media type compared case-insensitively',
    body: {
      events: [distributionEvent({ mediaType: 'application/vnd.OCI.image.manifest.v1+json' })],
    },
    expected: { pushes: [{ host: '127.0.0.1:5000', repository: 'acme/app', tags: ['1.1.0'] }] },
  },
  {
    name: 'ACR push',
    body: acr,
    expected: {
      format: 'acr',
      pushes: [{ host: 'myregistry.azurecr.io', repository: 'hello-world', tags: ['v1'] }],
      eventIds: [acr.id],
    },
  },
  {
    name: 'ACR chart push is ignored',
    body: { ...acr, action: 'chart_push' },
    expected: { format: 'acr', pushes: [] },
  },
  {
    name: 'Docker Hub',
    body: dockerHub,
    expected: {
      format: 'dockerhub',
      pushes: [{ host: 'docker.io', repository: 'acme/app', tags: ['latest'] }],
    },
  },
  {
    name: 'Docker Hub without repo_name uses namespace/name',
    body: {
      ...dockerHub,
      repository: { name: 'app', namespace: 'acme' },
      push_data: { tag: '3.1' },
    },
    expected: { pushes: [{ host: 'docker.io', repository: 'acme/app', tags: ['3.1'] }] },
  },
  {
    name: 'Docker Hub push without tag is ignored',
    body: { ...dockerHub, push_data: { pusher: 'x' } },
    expected: { format: 'dockerhub', pushes: [] },
  },
  {
    name: 'GitHub registry_package published',
    body: githubPackage('1.0.1'),
    headers: { 'x-github-event': 'registry_package' },
    expected: {
      format: 'github',
      pushes: [{ host: 'ghcr.io', repository: 'acme/app', tags: ['1.0.1'] }],
    },
  },
  {
    name: 'GitHub package event (no header)',
    body: githubPackage('edge', 'package', 'published'),
    expected: {
      format: 'github',
      pushes: [{ host: 'ghcr.io', repository: 'acme/app', tags: ['edge'] }],
    },
  },
  {
    name: 'GitHub untagged child manifest is ignored',
    body: githubPackage(''),
    headers: { 'x-github-event': 'registry_package' },
    expected: { format: 'github', pushes: [] },
  },
  {
    name: 'GitHub npm package is ignored',
    body: {
      action: 'published',
      package: { name: 'lib', package_type: 'npm', package_version: {} },
    },
    expected: { format: 'github', pushes: [] },
  },
  {
    name: 'GitHub deleted package is ignored',
    body: githubPackage('1.0.1', 'package', 'deleted'),
    expected: { format: 'github', pushes: [] },
  },
  {
    name: 'GitHub without package_url falls back to namespace/name on ghcr.io',
    body: {
      action: 'published',
      registry_package: {
        name: 'App',
        namespace: 'Acme',
        package_type: 'CONTAINER',
        package_version: { container_metadata: { tag: { name: '2.0' } } },
      },
    },
    expected: { pushes: [{ host: 'ghcr.io', repository: 'acme/app', tags: ['2.0'] }] },
  },
  {
    name: 'Harbor PUSH_ARTIFACT',
    body: harbor,
    expected: {
      format: 'harbor',
      pushes: [{ host: 'harbor.example.com', repository: 'library/app', tags: ['v1.2.0'] }],
    },
  },
  {
    name: 'Harbor CloudEvents',
    body: harborCloudEvent,
    expected: {
      format: 'harbor',
      pushes: [{ host: 'harbor.example.com', repository: 'library/app', tags: ['v1.2.0'] }],
    },
  },
  {
    name: 'Harbor other event types are ignored',
    body: { ...harbor, type: 'PULL_ARTIFACT' },
    expected: { format: 'harbor', pushes: [] },
  },
  {
    name: 'Harbor untagged (digest) push is ignored',
    body: {
      ...harbor,
      event_data: {
        ...harbor.event_data,
        resources: [
          { digest: 'sha256:1', resource_url: 'harbor.example.com/library/app@sha256:1' },
        ],
      },
    },
    expected: { format: 'harbor', pushes: [] },
  },
  {
    name: 'Quay repo_push',
    body: quay,
    expected: {
      format: 'quay',
      pushes: [{ host: 'quay.io', repository: 'acme/app', tags: ['1.4.0', 'latest'] }],
    },
  },
  {
    name: 'Quay legacy tag map',
    body: { ...quay, updated_tags: { '1.5.0': 'abc', latest: 'abc' } },
    expected: { pushes: [{ host: 'quay.io', repository: 'acme/app', tags: ['1.5.0', 'latest'] }] },
  },
  {
    name: 'Quay with no updated tags',
    body: { ...quay, updated_tags: [] },
    expected: { format: 'quay', pushes: [] },
  },
  {
    name: 'Gitea package created (with the X-GitHub-Event Gitea also sends)',
    body: giteaPackage('1.3.0'),
    headers: { 'x-gitea-event': 'package', 'x-github-event': 'package' },
    expected: {
      format: 'gitea',
      pushes: [{ host: 'git.example.com', repository: 'acme/app', tags: ['1.3.0'] }],
    },
  },
  {
    name: 'Forgejo package created (no headers)',
    body: giteaPackage('latest'),
    expected: {
      format: 'gitea',
      pushes: [{ host: 'git.example.com', repository: 'acme/app', tags: ['latest'] }],
    },
  },
  {
    name: 'Gitea digest version (multi-arch child) is ignored',
    body: giteaPackage('sha256:2d8f6a3b4c0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2'),
    expected: { format: 'gitea', pushes: [] },
  },
  {
    name: 'Gitea deleted package is ignored',
    body: giteaPackage('1.3.0', 'deleted'),
    expected: { format: 'gitea', pushes: [] },
  },
  {
    name: 'Gitea npm package is ignored',
    body: giteaPackage('1.3.0', 'created', 'npm'),
    expected: { format: 'gitea', pushes: [] },
  },
  {
    name: 'generic image:tag with host',
    body: { image: 'registry.example.com:5000/acme/app:1.2.3' },
    expected: {
      format: 'generic',
      pushes: [{ host: 'registry.example.com:5000', repository: 'acme/app', tags: ['1.2.3'] }],
    },
  },
  {
    name: 'generic image + tag, no host',
    body: { image: 'acme/app', tag: '1.2.3' },
    expected: { pushes: [{ repository: 'acme/app', tags: ['1.2.3'] }] },
  },
  {
    name: 'generic image + tags list',
    body: { image: 'localhost/acme/app', tags: ['1.2.3', '1.2', 'latest'] },
    expected: {
      pushes: [{ host: 'localhost', repository: 'acme/app', tags: ['1.2.3', '1.2', 'latest'] }],
    },
  },
  {
    name: 'generic image with digest and tag',
    body: { image: `ghcr.io/acme/app:2.0@sha256:${'a'.repeat(64)}` },
    expected: { pushes: [{ host: 'ghcr.io', repository: 'acme/app', tags: ['2.0'] }] },
  },
  {
    name: 'generic explicit host',
    body: { image: 'acme/app:1', host: '127.0.0.1:5000' },
    expected: { pushes: [{ host: '127.0.0.1:5000', repository: 'acme/app', tags: ['1'] }] },
  },
  {
    name: 'generic upper-case repository is normalised',
    body: { image: 'Acme/App:1' },
    expected: { pushes: [{ repository: 'acme/app', tags: ['1'] }] },
  },
];

describe('normalizePushPayload', () => {
  it.each(cases)('$name', ({ body, headers, expected }) => {
    expect(normalizePushPayload(body, headers)).toMatchObject(expected);
  });

  const malformed: Array<[string, unknown, RegExp]> = [
    ['not an object', 'push', /JSON object/],
    ['an array', [1, 2], /JSON object/],
    ['null', null, /JSON object/],
    ['unknown shape', { hello: 'world' }, /unrecognised/],
    ['events not an array', { events: {} }, /events must be an array/],
    ['event not an object', { events: ['x'] }, /events\[0\] must be an object/],
    ['push event without target', { events: [{ action: 'push' }] }, /target must be an object/],
    [
      'bad repository',
      { events: [distributionEvent({ repository: 'Bad Repo!' })] },
      /not a repository/,
    ],
    ['bad tag', { events: [distributionEvent({ tag: '-x' })] }, /not a tag/],
    [
      'Docker Hub without repository name',
      { push_data: { tag: '1' }, repository: {} },
      /repo_name/,
    ],
    [
      'Harbor without resources',
      { type: 'PUSH_ARTIFACT', event_data: { repository: { repo_full_name: 'a/b' } } },
      /resources/,
    ],
    [
      'Gitea without owner',
      { action: 'created', package: { type: 'container', name: 'x', version: '1' } },
      /owner/,
    ],
    ['generic without tag', { image: 'acme/app' }, /tag is required/],
    ['generic with a bad tag', { image: 'acme/app', tag: '../etc' }, /not a tag/],
    ['generic with a non-string tag', { image: 'acme/app', tags: [1] }, /not a tag/],
    ['generic with an empty image', { image: '' }, /image must be/],
    ['generic with a bad host', { image: 'acme/app:1', host: 'not a host' }, /not a registry host/],
  ];
  it.each(malformed)('rejects %s', (_name, body, message) => {
    expect(() => normalizePushPayload(body)).toThrow(MalformedPushError);
    expect(() => normalizePushPayload(body)).toThrow(message);
  });
});

describe('parsePushBody', () => {
  it('parses JSON whatever the JSON media type', () => {
    expect(
      parsePushBody(
        Buffer.from('{"events":[]}'),
        'application/vnd.docker.distribution.events.v2+json',
      ),
    ).toEqual({ events: [] });
  });
  it("parses GitHub's form encoding", () => {
    const form = new URLSearchParams({ payload: JSON.stringify({ image: 'a/b:1' }) }).toString();
    expect(parsePushBody(Buffer.from(form), 'application/x-www-form-urlencoded')).toEqual({
      image: 'a/b:1',
    });
  });
  it('parses JSON that curl labelled as a form', () => {
    expect(
      parsePushBody(Buffer.from('{"image":"a/b:1"}'), 'application/x-www-form-urlencoded'),
    ).toEqual({ image: 'a/b:1' });
  });
  it.each([
    ['empty', Buffer.alloc(0), undefined, /empty/],
    ['missing', undefined, undefined, /empty/],
    ['not JSON', Buffer.from('{nope'), 'application/json', /not valid JSON/],
    ['form without payload', Buffer.from('a=b'), 'application/x-www-form-urlencoded', /payload/],
  ])('rejects a %s body', (_name, raw, type, message) => {
    expect(() => parsePushBody(raw, type)).toThrow(message);
  });
});
