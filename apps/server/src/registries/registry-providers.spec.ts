import { HostMatch, ProviderType, Registry } from './registry';
import { RegistryConfigError } from './registry-error';
import { RawRegistryConfig } from './registry-provider';
import { registryProviders } from './registry-providers';

const created: Registry[] = [];
afterAll(async () => {
  await Promise.all(created.map((registry) => registry.close()));
});

function create(type: ProviderType, config: RawRegistryConfig = {}, name = 'test'): Registry {
  const registry = registryProviders[type].create(name, config);
  created.push(registry);
  return registry;
}

function configError(type: ProviderType, config: RawRegistryConfig): RegistryConfigError {
  try {
    create(type, config);
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryConfigError);
    return error as RegistryConfigError;
  }
  throw new Error('expected a RegistryConfigError');
}

describe('provider host matching', () => {
  const cases: Array<
    [ProviderType, RawRegistryConfig, string, HostMatch | undefined, string | undefined]
  > = [
    // type, config, image host, match, API origin
    ['hub', {}, 'docker.io', 'exact', 'https://registry-1.docker.io'],
    ['hub', {}, 'index.docker.io', 'exact', 'https://registry-1.docker.io'],
    ['hub', {}, 'registry-1.docker.io', 'exact', 'https://registry-1.docker.io'],
    ['hub', {}, 'ghcr.io', undefined, undefined],
    ['ghcr', {}, 'ghcr.io', 'exact', 'https://ghcr.io'],
    ['ghcr', {}, 'docker.io', undefined, undefined],
    ['quay', {}, 'quay.io', 'exact', 'https://quay.io'],
    ['lscr', {}, 'lscr.io', 'exact', 'https://lscr.io'],
    ['gitlab', {}, 'registry.gitlab.com', 'exact', 'https://registry.gitlab.com'],
    [
      'gitlab',
      { url: 'https://registry.example.org' },
      'registry.example.org',
      'exact',
      'https://registry.example.org',
    ],
    [
      'gitlab',
      { url: 'https://registry.example.org' },
      'registry.gitlab.com',
      undefined,
      undefined,
    ],
    ['gitea', { url: 'https://codeberg.org' }, 'codeberg.org', 'exact', 'https://codeberg.org'],
    [
      'gitea',
      { url: 'https://git.example.com:3000' },
      'git.example.com:3000',
      'exact',
      'https://git.example.com:3000',
    ],
    ['ecr', {}, 'public.ecr.aws', 'exact', 'https://public.ecr.aws'],
    ['ecr', {}, '123456789012.dkr.ecr.eu-west-1.amazonaws.com', undefined, undefined],
    [
      'ecr',
      { accesskeyid: 'AKIDEXAMPLE', secretaccesskey: 'secret-access-key', region: 'eu-west-1' },
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      'pattern',
      'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    ],
    [
      'ecr',
      { region: 'eu-west-1' },
      '123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com',
      'pattern',
      'https://123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com',
    ],
    [
      'ecr',
      { region: 'eu-west-1' },
      '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      undefined,
      undefined,
    ],
    ['ecr', { region: 'eu-west-1' }, 'public.ecr.aws', undefined, undefined],
    ['ecr', { region: 'eu-west-1' }, '12345.dkr.ecr.eu-west-1.amazonaws.com', undefined, undefined],
    ['gcr', {}, 'gcr.io', 'exact', 'https://gcr.io'],
    ['gcr', {}, 'eu.gcr.io', 'pattern', 'https://eu.gcr.io'],
    ['gcr', {}, 'europe-west1-docker.pkg.dev', 'pattern', 'https://europe-west1-docker.pkg.dev'],
    ['gcr', {}, 'evilgcr.io', undefined, undefined],
    ['gcr', {}, 'docker.pkg.dev.evil.com', undefined, undefined],
    [
      'acr',
      { clientid: 'app', clientsecret: 'secret-value' },
      'myregistry.azurecr.io',
      'pattern',
      'https://myregistry.azurecr.io',
    ],
    ['acr', { clientid: 'app', clientsecret: 'secret-value' }, 'azurecr.io', undefined, undefined],
    [
      'custom',
      { url: 'https://registry.example.com:5000' },
      'registry.example.com:5000',
      'exact',
      'https://registry.example.com:5000',
    ],
    [
      'custom',
      { url: 'https://registry.example.com:5000' },
      'registry.example.com',
      undefined,
      undefined,
    ],
    [
      'custom',
      { url: 'http://127.0.0.1:5000' },
      '127.0.0.1:5000',
      'exact',
      'http://127.0.0.1:5000',
    ],
    [
      'custom',
      { url: 'https://Registry.Example.com' },
      'registry.example.com',
      'exact',
      'https://registry.example.com',
    ],
  ];

  it.each(cases)('%s %j serves %s → %s', (type, config, host, match, origin) => {
    const registry = create(type, config);
    expect(registry.match(host)).toBe(match);
    if (origin !== undefined)
      expect(registry.target({ registry: host, repository: 'a/b' }).origin).toBe(origin);
  });

  it('normalises Docker Hub official images to library/', () => {
    const hub = create('hub');
    expect(hub.target({ repository: 'nginx' })).toEqual({
      origin: 'https://registry-1.docker.io',
      repository: 'library/nginx',
    });
    expect(hub.target({ registry: 'docker.io', repository: 'acme/app' }).repository).toBe(
      'acme/app',
    );
  });

  it('needs the image host for providers serving many hosts', () => {
    expect(() =>
      create('acr', { clientid: 'a', clientsecret: 'b-secret-value' }).target({ repository: 'x' }),
    ).toThrow('host is required');
  });
});

describe('provider identity', () => {
  it.each([
    ['hub', {}, 'https://registry-1.docker.io/v2'],
    ['ghcr', {}, 'https://ghcr.io/v2'],
    ['quay', {}, 'https://quay.io/v2'],
    ['lscr', {}, 'https://lscr.io/v2'],
    ['gitlab', {}, 'https://registry.gitlab.com/v2'],
    ['gitea', { url: 'https://codeberg.org/' }, 'https://codeberg.org/v2'],
    ['ecr', {}, 'https://public.ecr.aws/v2'],
    ['ecr', { region: 'eu-west-1' }, 'https://<account>.dkr.ecr.eu-west-1.amazonaws.com/v2'],
    ['gcr', {}, 'https://gcr.io/v2'],
    ['acr', { clientid: 'a', clientsecret: 'b' }, 'https://<registry>.azurecr.io/v2'],
    ['custom', { url: 'https://r.example.com' }, 'https://r.example.com/v2'],
  ] as Array<[ProviderType, RawRegistryConfig, string]>)(
    '%s %j has url %s',
    (type, config, url) => {
      const registry = create(type, config, 'mine');
      expect(registry.id).toBe(`${type}.mine`);
      expect(registry.type).toBe(type);
      expect(registry.name).toBe('mine');
      expect(registry.url).toBe(url);
    },
  );

  it('masks secrets in maskedConfiguration', () => {
    const registry = create('hub', {
      login: 'alice',
      password: 'correct-horse-battery',
      webhook_token: 'whsec-0123456789',
    });
    expect(registry.maskedConfiguration()).toEqual({
      login: 'alice',
      password: 'co****ry',
      webhook_token: 'wh****89',
    });
    expect(registry.webhookToken).toBe('whsec-0123456789');
  });

  it('declares secret keys from the schema metadata', () => {
    expect(registryProviders.hub.secretKeys).toEqual([
      'password',
      'token',
      'auth',
      'webhook_token',
    ]);
    expect(registryProviders.ecr.secretKeys).toEqual(['secretaccesskey', 'webhook_token']);
    expect(registryProviders.gcr.secretKeys).toEqual(['privatekey', 'token', 'webhook_token']);
    expect(registryProviders.acr.secretKeys).toEqual(['clientsecret', 'webhook_token']);
    expect(registryProviders.custom.secretKeys).toEqual([
      'password',
      'auth',
      'token',
      'webhook_token',
    ]);
  });

  it('describes every field for the UI', () => {
    for (const provider of Object.values(registryProviders)) {
      const schema = JSON.stringify(provider.schema.toJSONSchema());
      for (const key of Object.keys(provider.schema.shape)) expect(schema).toContain(`"${key}"`);
      expect(
        (provider.schema.toJSONSchema() as { properties: Record<string, { description?: string }> })
          .properties,
      ).toEqual(
        expect.objectContaining(
          Object.fromEntries(
            Object.keys(provider.schema.shape).map((key) => [
              key,
              expect.objectContaining({ description: expect.any(String) }),
            ]),
          ),
        ),
      );
    }
  });
});

describe('provider configuration validation', () => {
  const cases: Array<[ProviderType, RawRegistryConfig, string | undefined, string]> = [
    ['hub', { login: 'alice' }, 'PASSWORD', 'PASSWORD is required when LOGIN is set'],
    ['hub', { password: 'x' }, 'LOGIN', 'LOGIN is required when PASSWORD is set'],
    ['hub', { token: 'x' }, 'LOGIN', 'LOGIN is required when TOKEN is set'],
    ['hub', { auth: 'bm9jb2xvbg==' }, 'AUTH', 'AUTH must be base64 of login:password'],
    ['hub', { pasword: 'typo' }, 'PASWORD', 'unknown key PASWORD'],
    ['hub', { concurrency: '0' }, 'CONCURRENCY', 'CONCURRENCY'],
    ['hub', { concurrency: 'many' }, 'CONCURRENCY', 'CONCURRENCY'],
    ['quay', { namespace: 'org', token: 't' }, 'ACCOUNT', 'ACCOUNT is required'],
    ['gitlab', { url: 'registry.gitlab.com' }, 'URL', 'URL must be an http(s) URL'],
    ['gitlab', { url: 'http://registry.example.org' }, 'URL', 'plain http'],
    ['gitea', {}, 'URL', 'URL is required'],
    ['ecr', { accesskeyid: 'AKID' }, 'SECRETACCESSKEY', 'SECRETACCESSKEY is required'],
    ['ecr', { accesskeyid: 'AKID', secretaccesskey: 'secret' }, 'REGION', 'REGION is required'],
    [
      'gcr',
      { clientemail: 'sa@p.iam.gserviceaccount.com' },
      'PRIVATEKEY',
      'PRIVATEKEY is required',
    ],
    ['acr', { clientid: 'app' }, 'CLIENTSECRET', 'CLIENTSECRET is required'],
    ['custom', {}, 'URL', 'URL is required'],
    ['custom', { url: 'http://registry.lan:5000' }, 'URL', 'set INSECURE=true'],
    ['custom', { url: 'https://r.example.com', insecure: 'maybe' }, 'INSECURE', 'INSECURE'],
    [
      'custom',
      { url: 'https://r.example.com', token: 't', login: 'u', password: 'p' },
      'TOKEN',
      'cannot be combined',
    ],
  ];

  it.each(cases)('%s %j → %s', (type, config, key, message) => {
    const error = configError(type, config);
    expect(error.key).toBe(key);
    expect(error.message).toContain(`Invalid configuration for registry ${type}.test`);
    expect(error.message).toContain(message);
  });

  it('never puts a secret value in the error', () => {
    const error = configError('hub', { password: 'super-secret-value' });
    expect(error.message).not.toContain('super-secret-value');
  });

  it.each([
    ['hub', { login: 'alice', password: 'pw' }],
    ['hub', { login: 'alice', token: 'dckr_pat_x' }],
    ['hub', { auth: Buffer.from('alice:pw').toString('base64') }],
    ['hub', { LOGIN: 'alice', PASSWORD: 'pw' }],
    ['hub', { login: '', password: '' }],
    ['ghcr', { username: 'me', token: 'ghp_x' }],
    ['quay', { namespace: 'org', account: 'robot', token: 't' }],
    [
      'gitlab',
      {
        url: 'https://gitlab.example.com:5050',
        authurl: 'https://gitlab.example.com',
        token: 'glpat',
      },
    ],
    ['gitea', { url: 'https://codeberg.org', login: 'me', password: 'tok' }],
    ['ecr', { accesskeyid: 'AKID', secretaccesskey: 'secret', region: 'us-east-1' }],
    [
      'gcr',
      {
        clientemail: 'sa@p.iam.gserviceaccount.com',
        privatekey: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
      },
    ],
    ['gcr', { token: 'ya29.token' }],
    ['acr', { clientid: 'app', clientsecret: 'secret' }],
    ['custom', { url: 'http://registry.lan:5000', insecure: 'true' }],
    ['custom', { url: 'http://localhost:5000' }],
    [
      'custom',
      { url: 'https://r.example.com', token: 'tok', concurrency: '4', webhook_token: 'w' },
    ],
  ] as Array<[ProviderType, RawRegistryConfig]>)('accepts %s %j', (type, config) => {
    expect(() => create(type, config)).not.toThrow();
  });

  it('rejects an invalid instance name', () => {
    expect(() => registryProviders.hub.create('bad name!', {})).toThrow(RegistryConfigError);
  });
});
