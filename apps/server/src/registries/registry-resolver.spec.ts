import { RegistryConfigError } from './registry-error';
import { RegistryResolver } from './registry-resolver';
import { FakeRegistry } from './testing/fake-registry';

describe('RegistryResolver', () => {
  const resolvers: RegistryResolver[] = [];
  afterEach(async () => {
    await Promise.all(resolvers.splice(0).map((resolver) => resolver.close()));
  });
  function resolver(...args: ConstructorParameters<typeof RegistryResolver>): RegistryResolver {
    const created = new RegistryResolver(...args);
    resolvers.push(created);
    return created;
  }

  it.each([
    ['docker.io', 'hub.public'],
    ['index.docker.io', 'hub.public'],
    ['ghcr.io', 'ghcr.public'],
    ['quay.io', 'quay.public'],
    ['lscr.io', 'lscr.public'],
    ['gcr.io', 'gcr.public'],
    ['us-docker.pkg.dev', 'gcr.public'],
    ['public.ecr.aws', 'ecr.public'],
    ['registry.example.com', 'custom.registry.example.com'],
    ['127.0.0.1:5000', 'custom.127.0.0.1:5000'],
  ])('resolves %s to the built-in %s', (host, id) => {
    expect(resolver([]).resolve(host).id).toBe(id);
  });

  it('prefers a configured exact URL over built-ins and patterns', () => {
    const r = resolver([
      { type: 'gcr', name: 'corp', config: { token: 'ya29.x' } },
      { type: 'custom', name: 'mirror', config: { url: 'https://eu.gcr.io' } },
      { type: 'hub', name: 'private', config: { login: 'me', password: 'pw' } },
    ]);
    expect(r.resolve('eu.gcr.io').id).toBe('custom.mirror');
    expect(r.resolve('asia.gcr.io').id).toBe('gcr.corp');
    expect(r.resolve('gcr.io').id).toBe('gcr.corp');
    expect(r.resolve('docker.io').id).toBe('hub.private');
    expect(r.resolve('ghcr.io').id).toBe('ghcr.public');
  });

  it('uses plain http only for loopback fallbacks', () => {
    const r = resolver([]);
    expect(r.resolve('127.0.0.1:5000').url).toBe('http://127.0.0.1:5000/v2');
    expect(r.resolve('localhost:5000').url).toBe('http://localhost:5000/v2');
    expect(r.resolve('[::1]:5000').url).toBe('http://[::1]:5000/v2');
    expect(r.resolve('registry.lan:5000').url).toBe('https://registry.lan:5000/v2');
    expect(r.resolve('registry.lan:5000')).toBe(r.resolve('REGISTRY.lan:5000'));
  });

  it('lists configured and built-in instances, and finds them by id or name', () => {
    const r = resolver([
      { type: 'custom', name: 'home', config: { url: 'https://registry.home.arpa' } },
    ]);
    expect(r.list().map((registry) => registry.id)).toEqual([
      'custom.home',
      'hub.public',
      'ghcr.public',
      'quay.public',
      'lscr.public',
      'ecr.public',
      'gcr.public',
    ]);
    expect(r.get('custom.home')?.name).toBe('home');
    expect(r.get('home')?.id).toBe('custom.home');
    expect(r.get('nope')).toBeUndefined();
  });

  it('lets a configured <type>.public replace the built-in', () => {
    const r = resolver([
      { type: 'hub', name: 'public', config: { login: 'me', token: 'dckr_pat' } },
    ]);
    expect(r.list().filter((registry) => registry.id === 'hub.public')).toHaveLength(1);
    expect(r.resolve('docker.io').maskedConfiguration()).toEqual({ login: 'me', token: '****' });
  });

  it('can go without built-ins', () => {
    const r = resolver([], { defaults: false });
    expect(r.list()).toEqual([]);
    expect(r.resolve('docker.io').id).toBe('custom.docker.io');
  });

  it('rejects unknown types and duplicates', () => {
    expect(() => resolver([{ type: 'nexus', name: 'a', config: {} }])).toThrow(RegistryConfigError);
    expect(() => resolver([{ type: 'nexus', name: 'a', config: {} }])).toThrow(
      'Unknown registry type "nexus"',
    );
    expect(() =>
      resolver([
        { type: 'custom', name: 'a', config: { url: 'https://a.example' } },
        { type: 'custom', name: 'a', config: { url: 'https://b.example' } },
      ]),
    ).toThrow('configured twice');
  });

  it('checks an image end to end through a fallback instance, filtering RepoDigests', async () => {
    const fake = await new FakeRegistry().start();
    try {
      const { digest } = fake.pushImage('acme/app', '1.0');
      const r = resolver([], { http: { retries: 0 } });
      const registry = r.resolve(fake.host);
      const platform = { os: 'linux', architecture: 'amd64' };
      const elsewhere = await registry.checkDigest({
        registry: fake.host,
        repository: 'acme/app',
        tag: '1.0',
        platform,
        // Same digest under other repositories / registries must not count.
        localDigests: [
          `acme/app@${digest}`,
          `${fake.host}/acme/other@${digest}`,
          `ghcr.io/acme/app@${digest}`,
        ],
      });
      expect(elsewhere.upToDate).toBe(false);
      const mine = await registry.checkDigest({
        registry: fake.host,
        repository: 'acme/app',
        tag: '1.0',
        platform,
        localDigests: ['garbage', `${fake.host}/acme/app@${digest}`],
      });
      expect(mine).toEqual({ remoteDigest: digest, platformDigest: digest, upToDate: true });
      expect(await registry.listTags({ registry: fake.host, repository: 'acme/app' })).toEqual([
        '1.0',
      ]);
      await registry.ping();
      expect(registry.counters()).toEqual(
        expect.arrayContaining([
          { kind: 'manifest-head', status: '200', count: 2 },
          { kind: 'ping', status: '200', count: 1 },
        ]),
      );
    } finally {
      await fake.close();
    }
  });
});
