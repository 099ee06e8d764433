import {
  familiarRepository,
  formatImageRef,
  ImageRef,
  ImageRefError,
  isSameRepository,
  parseImageRef,
  parseRepoDigest,
  registryApiHost,
} from './image-ref';

const D = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'0123456789abcdef'.repeat(4)}`;
const D512 = `sha512:${'b'.repeat(128)}`;

describe('parseImageRef', () => {
  it.each<[string, ImageRef]>([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27' }],
    ['nginx:latest', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['library/nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    [
      'docker.io/library/nginx:1.2',
      { registry: 'docker.io', repository: 'library/nginx', tag: '1.2' },
    ],
    [
      'index.docker.io/nginx',
      { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' },
    ],
    ['index.docker.io/acme/app:v1', { registry: 'docker.io', repository: 'acme/app', tag: 'v1' }],
    [
      'registry-1.docker.io/library/redis:7',
      { registry: 'docker.io', repository: 'library/redis', tag: '7' },
    ],
    [
      'registry-1.docker.io/redis',
      { registry: 'docker.io', repository: 'library/redis', tag: 'latest' },
    ],
    ['acme/app', { registry: 'docker.io', repository: 'acme/app', tag: 'latest' }],
    ['acme/team/app:2', { registry: 'docker.io', repository: 'acme/team/app', tag: '2' }],
    ['library/foo/bar', { registry: 'docker.io', repository: 'library/foo/bar', tag: 'latest' }],
    [
      'linuxserver/sonarr:3.2.1.5070-ls105',
      { registry: 'docker.io', repository: 'linuxserver/sonarr', tag: '3.2.1.5070-ls105' },
    ],
    ['ghcr.io/acme/app:1.0.0', { registry: 'ghcr.io', repository: 'acme/app', tag: '1.0.0' }],
    ['ghcr.io/app', { registry: 'ghcr.io', repository: 'app', tag: 'latest' }],
    [
      'lscr.io/linuxserver/radarr:latest',
      { registry: 'lscr.io', repository: 'linuxserver/radarr', tag: 'latest' },
    ],
    ['quay.io/a/b/c/d:x', { registry: 'quay.io', repository: 'a/b/c/d', tag: 'x' }],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest' }],
    ['localhost:5000/app:1', { registry: 'localhost:5000', repository: 'app', tag: '1' }],
    [
      '127.0.0.1:5000/acme/app:2.0',
      { registry: '127.0.0.1:5000', repository: 'acme/app', tag: '2.0' },
    ],
    ['myhost:5000/app', { registry: 'myhost:5000', repository: 'app', tag: 'latest' }],
    ['[::1]:5000/app:1', { registry: '[::1]:5000', repository: 'app', tag: '1' }],
    ['[fe80::1]/app', { registry: '[fe80::1]', repository: 'app', tag: 'latest' }],
    [
      'registry.example.com:443/team/app:v1.2.3',
      { registry: 'registry.example.com:443', repository: 'team/app', tag: 'v1.2.3' },
    ],
    // An uppercase first component cannot be a namespace, so Docker reads it as a host.
    ['Registry/app', { registry: 'Registry', repository: 'app', tag: 'latest' }],
    ['Example.COM/app:1', { registry: 'Example.COM', repository: 'app', tag: '1' }],
    [`nginx@${D}`, { registry: 'docker.io', repository: 'library/nginx', digest: D }],
    [
      `nginx:1.27@${D}`,
      { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', digest: D },
    ],
    [
      `ghcr.io/acme/app:1@${D2}`,
      { registry: 'ghcr.io', repository: 'acme/app', tag: '1', digest: D2 },
    ],
    [`localhost:5000/app@${D}`, { registry: 'localhost:5000', repository: 'app', digest: D }],
    [`app@${D512}`, { registry: 'docker.io', repository: 'library/app', digest: D512 }],
    ['a', { registry: 'docker.io', repository: 'library/a', tag: 'latest' }],
    ['a-b', { registry: 'docker.io', repository: 'library/a-b', tag: 'latest' }],
    ['a--b', { registry: 'docker.io', repository: 'library/a--b', tag: 'latest' }],
    ['a__b', { registry: 'docker.io', repository: 'library/a__b', tag: 'latest' }],
    ['a.b', { registry: 'docker.io', repository: 'library/a.b', tag: 'latest' }],
    ['a_b/c.d', { registry: 'docker.io', repository: 'a_b/c.d', tag: 'latest' }],
    ['foo_bar:tag_1', { registry: 'docker.io', repository: 'library/foo_bar', tag: 'tag_1' }],
    ['app:V1.0-RC', { registry: 'docker.io', repository: 'library/app', tag: 'V1.0-RC' }],
    ['app:_x', { registry: 'docker.io', repository: 'library/app', tag: '_x' }],
    [
      `app:${'t'.repeat(128)}`,
      { registry: 'docker.io', repository: 'library/app', tag: 't'.repeat(128) },
    ],
    // Docker treats a bare name as familiar even when it looks like a host.
    ['localhost:5000', { registry: 'docker.io', repository: 'library/localhost', tag: '5000' }],
    ['example.com', { registry: 'docker.io', repository: 'library/example.com', tag: 'latest' }],
    ['0', { registry: 'docker.io', repository: 'library/0', tag: 'latest' }],
    ['a-1/b', { registry: 'docker.io', repository: 'a-1/b', tag: 'latest' }],
    ['x.y/z', { registry: 'x.y', repository: 'z', tag: 'latest' }],
    // A colon before the first slash is host:port, exactly as in Docker.
    ['nginx:1/2', { registry: 'nginx:1', repository: '2', tag: 'latest' }],
  ])('%s', (input, expected) => {
    expect(parseImageRef(input)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['', 'at least one component'],
    ['Nginx', 'must be lowercase'],
    ['library/Nginx', 'must be lowercase'],
    ['ghcr.io/Acme/app', 'must be lowercase'],
    ['nginx ', 'whitespace'],
    [' nginx', 'whitespace'],
    ['ngi nx', 'whitespace'],
    ['nginx:1.2 ', 'whitespace'],
    ['nginx\t', 'whitespace'],
    ['nginx:', 'tag is empty'],
    ['nginx:-1', 'must not start with'],
    ['nginx:.1', 'must not start with'],
    ['nginx:1+2', 'may only contain'],
    ['nginx:a$b', 'may only contain'],
    [`nginx:${'t'.repeat(129)}`, 'not be more than 128'],
    ['nginx@', 'algorithm:hex'],
    ['nginx@sha256', 'algorithm:hex'],
    ['nginx@sha256:abc', 'algorithm:hex'],
    [`nginx@sha256:${'a'.repeat(31)}`, 'algorithm:hex'],
    [`nginx@sha256:${'a'.repeat(63)}`, '64 lowercase hex'],
    [`nginx@sha256:${'a'.repeat(65)}`, '64 lowercase hex'],
    [`nginx@sha256:${'A'.repeat(64)}`, '64 lowercase hex'],
    [`nginx@sha256:${'g'.repeat(64)}`, 'algorithm:hex'],
    [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    [`nginx@sha512:${'a'.repeat(64)}`, '128 lowercase hex'],
    [`nginx@${D}@${D}`, 'algorithm:hex'],
    ['a'.repeat(64), '64-byte hexadecimal'],
    [`sha256:${'a'.repeat(64)}`, 'image ID'],
    ['/nginx', 'empty component'],
    ['nginx/', 'empty component'],
    ['acme//app', 'empty component'],
    [':tag', 'at least one component'],
    ['ghcr.io/', 'at least one component'],
    ['-nginx', 'component "-nginx"'],
    ['nginx-', 'component "nginx-"'],
    ['ng..inx', 'component'],
    ['ng___inx', 'component'],
    ['ng._inx', 'component'],
    ['acme/-app', 'component'],
    ['acme/app!', 'component'],
    ['my_host.com/app', 'not a valid host'],
    ['-host.com/app', 'not a valid host'],
    ['host.com:port/app', 'not a valid host'],
    ['host..com/app', 'not a valid host'],
    [`${'a'.repeat(250)}/b`, 'not be more than 255'],
    [`ghcr.io/${'a'.repeat(250)}`, 'not be more than 255'],
  ])('rejects %j (%s)', (input, problem) => {
    expect(() => parseImageRef(input)).toThrow(ImageRefError);
    expect(() => parseImageRef(input)).toThrow(problem);
  });

  it('names the input and problem on the error', () => {
    let caught: unknown;
    try {
      parseImageRef('Nginx');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImageRefError);
    const error = caught as ImageRefError;
    expect(error.input).toBe('Nginx');
    expect(error.problem).toBe('repository name must be lowercase');
    expect(error.message).toBe(
      'invalid image reference "Nginx": repository name must be lowercase',
    );
    expect(error.name).toBe('ImageRefError');
  });

  it('accepts a name of exactly 255 normalised characters', () => {
    const repo = 'a'.repeat(255 - 'ghcr.io/'.length);
    expect(parseImageRef(`ghcr.io/${repo}`).repository).toBe(repo);
  });
});

describe('formatImageRef', () => {
  it.each<[string, string]>([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27-alpine', 'docker.io/library/nginx:1.27-alpine'],
    ['acme/app:2', 'docker.io/acme/app:2'],
    ['index.docker.io/acme/app', 'docker.io/acme/app:latest'],
    ['localhost:5000/app:1', 'localhost:5000/app:1'],
    [`nginx@${D}`, `docker.io/library/nginx@${D}`],
    [`nginx:1@${D}`, `docker.io/library/nginx:1@${D}`],
    ['ghcr.io/a/b/c:v1', 'ghcr.io/a/b/c:v1'],
  ])('%s → %s', (input, expected) => {
    const formatted = formatImageRef(parseImageRef(input));
    expect(formatted).toBe(expected);
    // Canonical output must parse back to the same reference.
    expect(parseImageRef(formatted)).toEqual(parseImageRef(input));
  });
});

describe('familiarRepository', () => {
  it.each<[string, string]>([
    ['nginx', 'nginx'],
    ['docker.io/library/nginx:1', 'nginx'],
    ['index.docker.io/library/redis', 'redis'],
    ['acme/app', 'acme/app'],
    ['library/foo/bar', 'library/foo/bar'],
    ['127.0.0.1:5000/acme/app', '127.0.0.1:5000/acme/app'],
    ['localhost/app', 'localhost/app'],
    ['ghcr.io/library/app', 'ghcr.io/library/app'],
    ['lscr.io/linuxserver/sonarr', 'lscr.io/linuxserver/sonarr'],
  ])('%s → %s', (input, expected) => {
    expect(familiarRepository(parseImageRef(input))).toBe(expected);
  });
});

describe('registryApiHost', () => {
  it.each<[string, string]>([
    ['docker.io', 'registry-1.docker.io'],
    ['ghcr.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000'],
    ['quay.io', 'quay.io'],
  ])('%s → %s', (registry, expected) => {
    expect(registryApiHost(registry)).toBe(expected);
  });
});

describe('parseRepoDigest', () => {
  it.each<[string, { registry: string; repository: string; digest: string }]>([
    [`nginx@${D}`, { registry: 'docker.io', repository: 'library/nginx', digest: D }],
    [`acme/app@${D2}`, { registry: 'docker.io', repository: 'acme/app', digest: D2 }],
    [
      `127.0.0.1:5000/acme/app@${D}`,
      { registry: '127.0.0.1:5000', repository: 'acme/app', digest: D },
    ],
    [`ghcr.io/a/b@${D}`, { registry: 'ghcr.io', repository: 'a/b', digest: D }],
    [
      `docker.io/library/redis@${D}`,
      { registry: 'docker.io', repository: 'library/redis', digest: D },
    ],
  ])('%s', (entry, expected) => {
    expect(parseRepoDigest(entry)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['nginx', 'no @digest'],
    ['nginx:1.2', 'no @digest'],
    [`nginx:1.2@${D}`, 'must not carry a tag'],
    ['nginx@sha256:zz', 'algorithm:hex'],
    [`Nginx@${D}`, 'lowercase'],
  ])('rejects %s', (entry, problem) => {
    expect(() => parseRepoDigest(entry)).toThrow(problem);
  });

  it('matches RepoDigests of a repository regardless of the form Docker printed', () => {
    const running = parseImageRef('docker.io/library/nginx:1.27');
    const repoDigests = [`nginx@${D}`, `ghcr.io/nginx/nginx@${D2}`, `index.docker.io/nginx@${D2}`];
    const matching = repoDigests
      .map(parseRepoDigest)
      .filter((entry) => isSameRepository(entry, running))
      .map((entry) => entry.digest);
    expect(matching).toEqual([D, D2]);
  });
});

describe('isSameRepository', () => {
  it.each<[string, string, boolean]>([
    ['nginx', 'docker.io/library/nginx:2', true],
    ['nginx', 'ghcr.io/library/nginx', false],
    ['acme/app', 'acme/app2', false],
    ['localhost:5000/app', 'localhost/app', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(isSameRepository(parseImageRef(a), parseImageRef(b))).toBe(expected);
  });
});
