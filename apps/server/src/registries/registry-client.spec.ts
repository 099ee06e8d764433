import { createServer } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { CheckCycle } from './check-cycle';
import { basicCredentials, CredentialSource, staticCredentials } from './credentials';
import { RegistryClient, RegistryClientOptions, RepositoryTarget } from './registry-client';
import { RegistryError } from './registry-error';
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  FakeRegistry,
  FakeRegistryOptions,
  OCI_MANIFEST,
} from './testing/fake-registry';

// Protocol tests against an in-process registry on 127.0.0.1: real HTTP, real headers.

const AMD64 = { os: 'linux', architecture: 'amd64' };
const ARM64 = { os: 'linux', architecture: 'arm64', variant: 'v8' };
const FAST_RETRY = {
  retries: 3,
  retryBaseDelayMs: 5,
  retryMaxDelayMs: 2000,
  requestTimeoutMs: 2000,
  connectTimeoutMs: 1000,
};

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function fakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const registry = await new FakeRegistry(options).start();
  cleanups.push(() => registry.close());
  return registry;
}

function clientFor(options: Partial<RegistryClientOptions> = {}): RegistryClient {
  const client = new RegistryClient({
    id: 'custom.test',
    credentials: staticCredentials({ kind: 'anonymous' }),
    ...options,
    http: { ...FAST_RETRY, ...options.http },
  });
  cleanups.push(() => client.close());
  return client;
}

function target(registry: FakeRegistry, repository = 'acme/app'): RepositoryTarget {
  return { origin: registry.origin, repository };
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError);
    return error as RegistryError;
  }
  throw new Error('expected a rejection');
}

/** Pushes a BuildKit-style index: amd64, arm64/v8, arm/v7 and an attestation. */
function pushMultiArch(registry: FakeRegistry, tag: string, repository = 'acme/app') {
  const amd64 = registry.pushImage(repository, undefined, { architecture: 'amd64' });
  const arm64 = registry.pushImage(repository, undefined, { architecture: 'arm64', variant: 'v8' });
  const armv7 = registry.pushImage(repository, undefined, { architecture: 'arm', variant: 'v7' });
  const attestation = registry.pushImage(repository, undefined, {
    architecture: 'unknown',
    os: 'unknown',
  });
  const index = registry.pushIndex(repository, tag, [
    {
      mediaType: OCI_MANIFEST,
      digest: amd64.digest,
      size: 1,
      platform: { os: 'linux', architecture: 'amd64' },
    },
    {
      mediaType: OCI_MANIFEST,
      digest: arm64.digest,
      size: 1,
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    },
    {
      mediaType: OCI_MANIFEST,
      digest: armv7.digest,
      size: 1,
      platform: { os: 'linux', architecture: 'arm', variant: 'v7' },
    },
    {
      mediaType: OCI_MANIFEST,
      digest: attestation.digest,
      size: 1,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: {
        'vnd.docker.reference.type': 'attestation-manifest',
        'vnd.docker.reference.digest': amd64.digest,
      },
    },
  ]);
  return { index, amd64: amd64.digest, arm64: arm64.digest, armv7: armv7.digest };
}

describe('RegistryClient digest checks', () => {
  it('is up to date after a single HEAD when the local digest matches', async () => {
    const registry = await fakeRegistry();
    const { digest } = registry.pushImage('acme/app', 'latest');
    const client = clientFor();
    const result = await client.checkDigest(target(registry), {
      tag: 'latest',
      platform: AMD64,
      localDigests: [digest],
    });
    expect(result).toEqual({ remoteDigest: digest, platformDigest: digest, upToDate: true });
    expect(registry.requests.map((r) => r.kind)).toEqual(['manifest-head']);
    const head = registry.requests[0];
    expect(head?.method).toBe('HEAD');
  });

  it('sends all four manifest media types in Accept', async () => {
    const registry = await fakeRegistry();
    registry.pushImage('acme/app', 'latest');
    let accept = '';
    registry.interceptor = (req) => {
      accept = req.headers.accept ?? '';
      return false;
    };
    await clientFor().checkDigest(target(registry), {
      tag: 'latest',
      platform: AMD64,
      localDigests: [],
    });
    for (const type of [
      'application/vnd.oci.image.index.v1+json',
      DOCKER_LIST,
      OCI_MANIFEST,
      DOCKER_MANIFEST,
    ])
      expect(accept).toContain(type);
  });

  it('reports an update when the digest differs', async () => {
    const registry = await fakeRegistry();
    const old = registry.pushImage('acme/app', 'latest');
    const fresh = registry.pushImage('acme/app', 'latest');
    const result = await clientFor().checkDigest(target(registry), {
      tag: 'latest',
      platform: AMD64,
      localDigests: [old.digest],
    });
    expect(result).toEqual({
      remoteDigest: fresh.digest,
      platformDigest: fresh.digest,
      upToDate: false,
    });
  });

  it('resolves the platform child of a multi-arch index and GETs each digest only once', async () => {
    const registry = await fakeRegistry();
    const pushed = pushMultiArch(registry, 'latest');
    const client = clientFor();
    const amd = await client.checkDigest(target(registry), {
      tag: 'latest',
      platform: AMD64,
      localDigests: [],
    });
    expect(amd).toEqual({
      remoteDigest: pushed.index,
      platformDigest: pushed.amd64,
      upToDate: false,
    });
    const arm = await client.checkDigest(target(registry), {
      tag: 'latest',
      platform: { os: 'linux', architecture: 'aarch64' },
      localDigests: [],
    });
    expect(arm.platformDigest).toBe(pushed.arm64);
    const armhf = await client.checkDigest(target(registry), {
      tag: 'latest',
      platform: { os: 'linux', architecture: 'arm' },
      localDigests: [],
    });
    expect(armhf.platformDigest).toBe(pushed.armv7);
    expect(registry.count('manifest-head')).toBe(3);
    expect(registry.count('manifest-get')).toBe(1);
  });

  it('counts a local platform (leaf) digest as up to date when the index changed', async () => {
    const registry = await fakeRegistry();
    const pushed = pushMultiArch(registry, 'latest');
    const result = await clientFor().checkDigest(target(registry), {
      tag: 'latest',
      platform: ARM64,
      localDigests: [pushed.arm64],
    });
    expect(result).toEqual({
      remoteDigest: pushed.index,
      platformDigest: pushed.arm64,
      upToDate: true,
    });
  });

  it('is up to date when only other platforms of the local index changed', async () => {
    const registry = await fakeRegistry();
    const amd = registry.pushImage('acme/app', undefined, { architecture: 'amd64' });
    const armOld = registry.pushImage('acme/app', undefined, { architecture: 'arm64' });
    const armNew = registry.pushImage('acme/app', undefined, { architecture: 'arm64' });
    const entry = (digest: string, architecture: string) => ({
      mediaType: OCI_MANIFEST,
      digest,
      size: 1,
      platform: { os: 'linux', architecture },
    });
    const pulled = registry.pushIndex('acme/app', 'latest', [
      entry(amd.digest, 'amd64'),
      entry(armOld.digest, 'arm64'),
    ]);
    const rebuilt = registry.pushIndex('acme/app', 'latest', [
      entry(amd.digest, 'amd64'),
      entry(armNew.digest, 'arm64'),
    ]);
    const client = clientFor();
    const amdCheck = await client.checkDigest(target(registry), {
      tag: 'latest',
      platform: AMD64,
      localDigests: [pulled],
    });
    expect(amdCheck).toEqual({ remoteDigest: rebuilt, platformDigest: amd.digest, upToDate: true });
    const armCheck = await client.checkDigest(target(registry), {
      tag: 'latest',
      platform: ARM64,
      localDigests: [pulled],
    });
    expect(armCheck).toEqual({
      remoteDigest: rebuilt,
      platformDigest: armNew.digest,
      upToDate: false,
    });
    // Both indexes fetched once each, whatever the number of checks.
    expect(registry.count('manifest-get')).toBe(2);
  });

  it('ignores local digests the registry does not know', async () => {
    const registry = await fakeRegistry();
    const { digest } = registry.pushImage('acme/app', 'latest');
    const gone = 'sha256:' + '2'.repeat(64);
    const client = clientFor();
    const request = { tag: 'latest', platform: AMD64, localDigests: [gone] };
    const result = await client.checkDigest(target(registry), request);
    expect(result).toEqual({ remoteDigest: digest, platformDigest: digest, upToDate: false });
    await client.checkDigest(target(registry), request);
    // The unknown digest is asked about once, not on every check.
    expect(registry.requests.filter((r) => r.url.endsWith(gone))).toHaveLength(1);
  });

  it('compares against every local digest, not only the first', async () => {
    const registry = await fakeRegistry();
    const { digest } = registry.pushImage('acme/app', 'latest');
    const stale = 'sha256:' + '1'.repeat(64);
    const result = await clientFor().checkDigest(target(registry), {
      tag: 'latest',
      platform: AMD64,
      localDigests: [stale, digest],
    });
    expect(result.upToDate).toBe(true);
  });

  it('has no platform digest when the index lacks the platform', async () => {
    const registry = await fakeRegistry();
    const pushed = pushMultiArch(registry, 'latest');
    const result = await clientFor().checkDigest(target(registry), {
      tag: 'latest',
      platform: { os: 'linux', architecture: 's390x' },
      localDigests: [],
    });
    expect(result).toEqual({ remoteDigest: pushed.index, upToDate: false });
  });

  it('follows a nested index once', async () => {
    const registry = await fakeRegistry();
    const arm = registry.pushImage('acme/app', undefined, { architecture: 'arm64' });
    const inner = registry.pushIndex('acme/app', undefined, [
      {
        mediaType: OCI_MANIFEST,
        digest: arm.digest,
        size: 1,
        platform: { os: 'linux', architecture: 'arm64' },
      },
    ]);
    const outer = registry.pushIndex('acme/app', 'nested', [
      {
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: inner,
        size: 1,
        platform: { os: 'linux', architecture: 'arm64' },
      },
    ]);
    const result = await clientFor().checkDigest(target(registry), {
      tag: 'nested',
      platform: ARM64,
      localDigests: [],
    });
    expect(result).toEqual({ remoteDigest: outer, platformDigest: arm.digest, upToDate: false });
  });

  it('handles Docker manifest lists', async () => {
    const registry = await fakeRegistry();
    const amd = registry.pushImage('acme/app', undefined, { mediaType: DOCKER_MANIFEST });
    const list = registry.pushIndex(
      'acme/app',
      'latest',
      [
        {
          mediaType: DOCKER_MANIFEST,
          digest: amd.digest,
          size: 1,
          platform: { os: 'linux', architecture: 'amd64' },
        },
      ],
      DOCKER_LIST,
    );
    const result = await clientFor().checkDigest(target(registry), {
      tag: 'latest',
      platform: { os: 'linux', architecture: 'x86_64' },
      localDigests: [],
    });
    expect(result).toEqual({ remoteDigest: list, platformDigest: amd.digest, upToDate: false });
  });

  it('GETs and hashes the body when Docker-Content-Digest is missing', async () => {
    const registry = await fakeRegistry({ omitDigestHeader: true });
    const { digest } = registry.pushImage('acme/app', 'latest');
    const client = clientFor();
    const result = await client.checkDigest(target(registry), {
      tag: 'latest',
      platform: AMD64,
      localDigests: [],
    });
    expect(result.remoteDigest).toBe(digest);
    expect(result.platformDigest).toBe(digest);
    expect(registry.requests.map((r) => r.kind)).toEqual(['manifest-head', 'manifest-get']);
  });

  it('rejects a schema 1 manifest as unsupported', async () => {
    const registry = await fakeRegistry({ omitDigestHeader: true });
    registry.putManifest(
      'acme/app',
      'old',
      { mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws' },
      Buffer.from('{"schemaVersion":1,"name":"acme/app"}'),
    );
    const error = await rejection(
      clientFor().checkDigest(target(registry), { tag: 'old', platform: AMD64, localDigests: [] }),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('schema 1');
  });

  it('reports a malformed manifest as bad-response', async () => {
    const registry = await fakeRegistry();
    registry.putManifest(
      'acme/app',
      'broken',
      { mediaType: OCI_MANIFEST },
      Buffer.from('{"schemaVersion":2, nope'),
    );
    const error = await rejection(
      clientFor().checkDigest(target(registry), {
        tag: 'broken',
        platform: AMD64,
        localDigests: [],
      }),
    );
    expect(error.code).toBe('bad-response');
    expect(error.message).toMatch(
      /^manifest acme\/app@sha256:[0-9a-f]{64} in registry 127\.0\.0\.1:\d+ is not valid JSON$/,
    );
  });

  it('names a missing tag and a missing repository', async () => {
    const registry = await fakeRegistry();
    registry.pushImage('acme/app', 'latest');
    const client = clientFor();
    const tag = await rejection(
      client.checkDigest(target(registry), { tag: 'nope', platform: AMD64, localDigests: [] }),
    );
    expect(tag.code).toBe('not-found');
    expect(tag.message).toBe(`tag acme/app:nope not found in registry ${registry.host}`);
    const repo = await rejection(
      client.checkDigest(target(registry, 'acme/nope'), {
        tag: 'latest',
        platform: AMD64,
        localDigests: [],
      }),
    );
    expect(repo.code).toBe('not-found');
    expect(repo.message).toBe(`repository acme/nope not found in registry ${registry.host}`);
    const tags = await rejection(client.listTags(target(registry, 'acme/nope')));
    expect(tags.message).toBe(`repository acme/nope not found in registry ${registry.host}`);
  });
});

describe('RegistryClient deduplication', () => {
  it('makes one HEAD and one token request for 50 concurrent callers in a cycle', async () => {
    const registry = await fakeRegistry({ auth: 'bearer' });
    const { digest } = registry.pushImage('acme/app', 'latest');
    const client = clientFor();
    const cycle = new CheckCycle();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        client.checkDigest(
          target(registry),
          { tag: 'latest', platform: AMD64, localDigests: [digest] },
          cycle,
        ),
      ),
    );
    expect(results.every((r) => r.upToDate)).toBe(true);
    // One 401 to learn the challenge, one token, one authorised HEAD.
    expect(registry.count('manifest-head', 200)).toBe(1);
    expect(registry.count('manifest-head')).toBe(2);
    expect(registry.count('token')).toBe(1);
    // Later in the same cycle: served from the cycle.
    await client.checkDigest(
      target(registry),
      { tag: 'latest', platform: AMD64, localDigests: [digest] },
      cycle,
    );
    expect(registry.count('manifest-head', 200)).toBe(1);
  });

  it('shares in-flight requests even without a cycle, and asks again afterwards', async () => {
    const registry = await fakeRegistry();
    registry.pushImage('acme/app', 'latest');
    const client = clientFor();
    await Promise.all(
      Array.from({ length: 20 }, () => client.resolveTag(target(registry), 'latest')),
    );
    expect(registry.count('manifest-head')).toBe(1);
    await client.resolveTag(target(registry), 'latest');
    expect(registry.count('manifest-head')).toBe(2);
  });

  it('makes one HEAD per distinct tag and one tag list per repository per cycle', async () => {
    const registry = await fakeRegistry();
    registry.pushImage('acme/app', 'a');
    registry.pushImage('acme/app', 'b');
    const client = clientFor();
    const cycle = new CheckCycle();
    await Promise.all(
      ['a', 'b', 'a', 'b', 'a'].flatMap((tag) => [
        client.checkDigest(target(registry), { tag, platform: AMD64, localDigests: [] }, cycle),
        client.listTags(target(registry), cycle),
      ]),
    );
    expect(registry.count('manifest-head')).toBe(2);
    expect(registry.count('tags')).toBe(1);
  });

  it('shares a failure within the cycle instead of asking again', async () => {
    const registry = await fakeRegistry();
    const client = clientFor();
    const cycle = new CheckCycle();
    await rejection(client.listTags(target(registry, 'acme/missing'), cycle));
    await rejection(client.listTags(target(registry, 'acme/missing'), cycle));
    expect(registry.count('tags')).toBe(1);
  });
});

describe('RegistryClient authentication', () => {
  it('follows a bearer challenge, caches the challenge and the token', async () => {
    const registry = await fakeRegistry({ auth: 'bearer', tokenExpiresIn: 300 });
    registry.pushImage('acme/app', 'latest');
    const client = clientFor();
    for (let i = 0; i < 10; i++) await client.resolveTag(target(registry), 'latest');
    await client.listTags(target(registry));
    expect(registry.count('token')).toBe(1);
    // Only the very first request met a 401.
    expect(registry.requests.filter((r) => r.status === 401)).toHaveLength(1);
    const tokenRequest = registry.requests.find((r) => r.kind === 'token');
    expect(tokenRequest?.url).toBe(
      '/token?service=fake-registry&scope=repository%3Aacme%2Fapp%3Apull',
    );
    expect(tokenRequest?.authorization).toBeUndefined();
  });

  it('uses one token per repository scope', async () => {
    const registry = await fakeRegistry({ auth: 'bearer' });
    registry.pushImage('acme/app', 'latest');
    registry.pushImage('acme/other', 'latest');
    const client = clientFor();
    await client.resolveTag(target(registry), 'latest');
    await client.resolveTag(target(registry, 'acme/other'), 'latest');
    await client.resolveTag(target(registry), 'latest');
    expect(registry.count('token')).toBe(2);
  });

  it('renews a token after expires_in minus the margin, and defaults expires_in to 60 s', async () => {
    const registry = await fakeRegistry({ auth: 'bearer', tokenExpiresIn: null });
    registry.pushImage('acme/app', 'latest');
    let now = 1_000_000;
    const client = clientFor({ now: () => now });
    await client.resolveTag(target(registry), 'latest');
    now += 44_000; // 60 s default − 15 s margin = 45 s
    await client.resolveTag(target(registry), 'latest');
    expect(registry.count('token')).toBe(1);
    now += 2_000;
    await client.resolveTag(target(registry), 'latest');
    expect(registry.count('token')).toBe(2);
  });

  it('accepts access_token and sends Basic credentials to the token endpoint', async () => {
    const registry = await fakeRegistry({
      auth: 'bearer',
      tokenField: 'access_token',
      users: { alice: 's3cret-password' },
    });
    registry.pushImage('acme/app', 'latest');
    const client = clientFor({ credentials: basicCredentials('alice', 's3cret-password') });
    await client.resolveTag(target(registry), 'latest');
    const tokenRequest = registry.requests.find((r) => r.kind === 'token');
    expect(tokenRequest?.authorization).toBe(
      `Basic ${Buffer.from('alice:s3cret-password').toString('base64')}`,
    );
    expect(registry.count('manifest-head', 200)).toBe(1);
  });

  it('drops a rejected cached token and retries once', async () => {
    const registry = await fakeRegistry({ auth: 'bearer' });
    registry.pushImage('acme/app', 'latest');
    const client = clientFor();
    await client.resolveTag(target(registry), 'latest');
    registry.revokeTokens();
    await client.resolveTag(target(registry), 'latest');
    expect(registry.count('token')).toBe(2);
    expect(registry.count('manifest-head', 200)).toBe(2);
  });

  it('reports refused credentials without leaking them', async () => {
    const registry = await fakeRegistry({ auth: 'bearer', users: { alice: 'right' } });
    registry.pushImage('acme/app', 'latest');
    const client = clientFor({ credentials: basicCredentials('alice', 'wrong-password-123') });
    const error = await rejection(client.resolveTag(target(registry), 'latest'));
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain('wrong-password-123');
    expect(error.message).toContain('token server');
  });

  it('sends Basic after a Basic challenge, and directly in steady state', async () => {
    const registry = await fakeRegistry({ auth: 'basic', users: { bob: 'hunter22' } });
    registry.pushImage('acme/app', 'latest');
    const client = clientFor({ credentials: basicCredentials('bob', 'hunter22') });
    await client.resolveTag(target(registry), 'latest');
    await client.resolveTag(target(registry), 'latest');
    await client.listTags(target(registry));
    expect(registry.requests.map((r) => r.status)).toEqual([401, 200, 200, 200]);
    expect(registry.count('token')).toBe(0);
  });

  it('fails a Basic registry with wrong or no credentials as unauthorized', async () => {
    const registry = await fakeRegistry({ auth: 'basic', users: { bob: 'hunter22' } });
    registry.pushImage('acme/app', 'latest');
    const wrong = await rejection(
      clientFor({ credentials: basicCredentials('bob', 'nope-nope-nope') }).listTags(
        target(registry),
      ),
    );
    expect(wrong.code).toBe('unauthorized');
    expect(wrong.message).toBe(
      `not authorized to read repository acme/app in registry ${registry.host} (HTTP 401); check the credentials of custom.test, or whether the repository exists`,
    );
    expect(wrong.message).not.toContain('nope-nope-nope');
    const none = await rejection(clientFor().listTags(target(registry)));
    expect(none.code).toBe('unauthorized');
  });

  it('prefers Basic when a registry offers Bearer and Basic and we have a password', async () => {
    const registry = await fakeRegistry({ auth: 'bearer+basic', users: { carol: 'pw-carol-1' } });
    registry.pushImage('acme/app', 'latest');
    await clientFor({ credentials: basicCredentials('carol', 'pw-carol-1') }).resolveTag(
      target(registry),
      'latest',
    );
    expect(registry.count('token')).toBe(0);
    await clientFor().resolveTag(target(registry), 'latest');
    expect(registry.count('token')).toBe(1);
  });

  it('sends a static bearer token as is', async () => {
    const registry = await fakeRegistry({ auth: 'static-bearer', staticToken: 'tok-123' });
    registry.pushImage('acme/app', 'latest');
    await clientFor({
      credentials: staticCredentials({ kind: 'bearer', token: 'tok-123' }),
    }).resolveTag(target(registry), 'latest');
    expect(registry.requests.map((r) => r.status)).toEqual([200]);
  });

  it('re-reads dynamic credentials after a Basic 401 (rotated ECR-style password)', async () => {
    const registry = await fakeRegistry({ auth: 'basic', users: { AWS: 'new' } });
    registry.pushImage('acme/app', 'latest');
    let password = 'new';
    const source: CredentialSource = {
      get: () => Promise.resolve({ kind: 'basic', username: 'AWS', password }),
      invalidate: () => {
        password = 'new';
      },
    };
    const client = clientFor({ credentials: source });
    await client.resolveTag(target(registry), 'latest');
    expect(registry.requests.map((r) => r.status)).toEqual([401, 200]);
    password = 'old'; // the source's cached password went stale
    await client.resolveTag(target(registry), 'latest');
    expect(registry.requests.map((r) => r.status)).toEqual([401, 200, 401, 200]);
  });

  it('pings /v2/ through the auth flow', async () => {
    const registry = await fakeRegistry({ auth: 'bearer' });
    await clientFor().ping(registry.origin);
    expect(registry.requests.map((r) => `${r.kind} ${r.status}`)).toEqual([
      'ping 401',
      'token 200',
      'ping 200',
    ]);
  });
});

describe('RegistryClient tag lists', () => {
  it('follows Link pagination with opaque tokens and never synthesises last=', async () => {
    const registry = await fakeRegistry({ pageSize: 7 });
    const tags = Array.from({ length: 30 }, (_, i) => `1.0.${String(i).padStart(2, '0')}`);
    registry.setTags('acme/app', tags);
    const result = await clientFor().listTags(target(registry));
    expect(result).toEqual(tags);
    expect(registry.count('tags', 200)).toBe(5);
    expect(registry.requests[0]?.url).toBe('/v2/acme/app/tags/list?n=1000');
    expect(registry.requests.some((r) => r.url.includes('last='))).toBe(false);
  });

  it('treats tags: null as an empty list', async () => {
    const registry = await fakeRegistry();
    registry.createEmptyRepository('acme/empty');
    expect(await clientFor().listTags(target(registry, 'acme/empty'))).toEqual([]);
  });

  it('fails clearly above the tag cap', async () => {
    const registry = await fakeRegistry({ pageSize: 10 });
    registry.setTags(
      'acme/huge',
      Array.from({ length: 50 }, (_, i) => `t${i}`),
    );
    const error = await rejection(
      clientFor({ maxTags: 25 }).listTags(target(registry, 'acme/huge')),
    );
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('more than 25 tags');
  });

  it('fails clearly above the page cap', async () => {
    const registry = await fakeRegistry({ pageSize: 2 });
    registry.setTags(
      'acme/huge',
      Array.from({ length: 50 }, (_, i) => `t${i}`),
    );
    const error = await rejection(
      clientFor({ maxTagPages: 3 }).listTags(target(registry, 'acme/huge')),
    );
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('more than 3 pages');
  });

  it('detects a Link loop', async () => {
    const registry = await fakeRegistry();
    registry.interceptor = (_req, res, kind) => {
      if (kind !== 'tags') return false;
      res.writeHead(200, {
        'content-type': 'application/json',
        link: '</v2/acme/app/tags/list?n=1000>; rel="next"',
      });
      res.end('{"tags":["a"]}');
      return true;
    };
    const error = await rejection(clientFor().listTags(target(registry)));
    expect(error.code).toBe('bad-response');
  });

  it.each([
    ['not JSON', '{"tags": [', 'not valid JSON'],
    ['tags not strings', '{"tags": [1, 2]}', 'not a list of strings'],
    ['not an object', '"tags"', 'not a JSON object'],
  ])('rejects a malformed body: %s', async (_name, body, message) => {
    const registry = await fakeRegistry();
    registry.interceptor = (_req, res, kind) => {
      if (kind !== 'tags') return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
      return true;
    };
    const error = await rejection(clientFor().listTags(target(registry)));
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain(message);
  });
});

describe('RegistryClient resilience', () => {
  /** Answers the first `times` requests of a kind with `status` (+ headers), then lets them through. */
  function failFirst(
    registry: FakeRegistry,
    times: number,
    status: number,
    headers: Record<string, string> = {},
  ): void {
    let remaining = times;
    registry.interceptor = (_req, res, kind) => {
      if (kind === 'token' || remaining <= 0) return false;
      remaining--;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end('{"errors":[{"code":"TOOMANYREQUESTS"}]}');
      return true;
    };
  }

  it('retries a 429 after Retry-After seconds', async () => {
    const registry = await fakeRegistry();
    registry.setTags('acme/app', ['1']);
    failFirst(registry, 1, 429, { 'retry-after': '1' });
    const started = Date.now();
    expect(await clientFor().listTags(target(registry))).toEqual(['1']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(registry.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('retries a 429 with an HTTP-date Retry-After', async () => {
    const registry = await fakeRegistry();
    registry.setTags('acme/app', ['1']);
    failFirst(registry, 1, 429, { 'retry-after': new Date(Date.now() + 1000).toUTCString() });
    expect(await clientFor().listTags(target(registry))).toEqual(['1']);
    expect(registry.count('tags', 429)).toBe(1);
  });

  it('gives up at once on a Retry-After beyond the cap, with a typed error', async () => {
    const registry = await fakeRegistry();
    registry.setTags('acme/app', ['1']);
    failFirst(registry, 5, 429, { 'retry-after': '3600' });
    const error = await rejection(clientFor().listTags(target(registry)));
    expect(error.code).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(3600);
    expect(error.message).toBe(
      `registry ${registry.host} is rate limiting requests; retry after 3600 s`,
    );
    expect(registry.count('tags')).toBe(1);
  });

  it('does not retry a pull-limit 429 (ratelimit-remaining: 0)', async () => {
    const registry = await fakeRegistry();
    registry.pushImage('acme/app', 'latest');
    failFirst(registry, 5, 429, {
      'ratelimit-limit': '100;w=21600',
      'ratelimit-remaining': '0;w=21600',
    });
    const client = clientFor();
    const error = await rejection(client.resolveTag(target(registry), 'latest'));
    expect(error.code).toBe('rate-limited');
    expect(registry.count('manifest-head')).toBe(1);
    expect(client.rateLimit()).toMatchObject({ limit: 100, remaining: 0, windowSeconds: 21600 });
  });

  it('retries 500 then succeeds', async () => {
    const registry = await fakeRegistry();
    registry.setTags('acme/app', ['1']);
    failFirst(registry, 2, 500);
    expect(await clientFor().listTags(target(registry))).toEqual(['1']);
    expect(registry.requests.map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it('turns a lasting 503 into unavailable after the retries', async () => {
    const registry = await fakeRegistry();
    registry.setTags('acme/app', ['1']);
    failFirst(registry, 100, 503);
    const error = await rejection(clientFor().listTags(target(registry)));
    expect(error.code).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(registry.count('tags')).toBe(4);
  });

  it('retries after a reset connection', async () => {
    const registry = await fakeRegistry();
    registry.setTags('acme/app', ['1']);
    let reset = true;
    registry.interceptor = (req) => {
      if (!reset) return false;
      reset = false;
      req.socket.destroy();
      return true;
    };
    expect(await clientFor().listTags(target(registry))).toEqual(['1']);
  });

  it('times out a registry that never answers', async () => {
    const registry = await fakeRegistry();
    registry.interceptor = () => true; // accept and never answer
    const started = Date.now();
    const error = await rejection(
      clientFor({ http: { requestTimeoutMs: 200 } }).listTags(target(registry)),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('did not answer');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a registry that is down as unavailable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await rejection(
      clientFor().listTags({ origin: `http://127.0.0.1:${port}`, repository: 'acme/app' }),
    );
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe(`registry 127.0.0.1:${port} is unreachable (ECONNREFUSED)`);
  });

  it('limits concurrent requests per registry', async () => {
    const registry = await fakeRegistry();
    for (let i = 0; i < 20; i++) registry.pushImage('acme/app', `t${i}`);
    let active = 0;
    let peak = 0;
    registry.interceptor = (_req, res) => {
      active++;
      peak = Math.max(peak, active);
      res.on('finish', () => active--);
      return false;
    };
    const client = clientFor({ http: { concurrency: 3 } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.resolveTag(target(registry), `t${i}`)),
    );
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('records rate-limit headers and counts requests by kind and status', async () => {
    const registry = await fakeRegistry({ auth: 'bearer' });
    registry.pushImage('acme/app', 'latest');
    registry.interceptor = (_req, res, kind) => {
      if (kind === 'manifest-head') {
        res.setHeader('ratelimit-limit', '100;w=21600');
        res.setHeader('ratelimit-remaining', '76;w=21600');
      }
      return false;
    };
    const client = clientFor();
    expect(client.rateLimit()).toBeUndefined();
    await client.resolveTag(target(registry), 'latest');
    await client.resolveTag(target(registry, 'acme/none'), 'latest').catch(() => undefined);
    expect(client.rateLimit()).toEqual({
      limit: 100,
      remaining: 76,
      windowSeconds: 21600,
      updatedAt: expect.any(Date),
    });
    const counts = Object.fromEntries(
      client.counters().map((c) => [`${c.kind} ${c.status}`, c.count]),
    );
    expect(counts).toEqual({
      'manifest-head 401': 1,
      'token 200': 2,
      'manifest-head 200': 1,
      'manifest-head 404': 1,
      'manifest-get 404': 1,
    });
  });
});

describe('RegistryClient image config', () => {
  it('reads created and OCI labels for the platform, cached by digest', async () => {
    const registry = await fakeRegistry();
    const amd = registry.pushImage('acme/app', undefined, {
      created: '2026-02-03T04:05:06Z',
      labels: {
        'org.opencontainers.image.source': 'https://github.com/acme/app',
        'org.opencontainers.image.version': '1.2.3',
      },
    });
    const index = registry.pushIndex('acme/app', '1.2.3', [
      {
        mediaType: OCI_MANIFEST,
        digest: amd.digest,
        size: 1,
        platform: { os: 'linux', architecture: 'amd64' },
      },
    ]);
    const client = clientFor();
    const config = await client.getImageConfig(target(registry), '1.2.3', AMD64);
    expect(config).toEqual({
      digest: amd.configDigest,
      manifestDigest: amd.digest,
      created: '2026-02-03T04:05:06Z',
      labels: {
        'org.opencontainers.image.source': 'https://github.com/acme/app',
        'org.opencontainers.image.version': '1.2.3',
      },
      source: 'https://github.com/acme/app',
      version: '1.2.3',
    });
    await client.getImageConfig(target(registry), index, AMD64);
    expect(registry.count('blob')).toBe(1);
    expect(registry.count('manifest-get')).toBe(2);
  });

  it('follows a blob redirect to another origin without the Authorization header', async () => {
    const registry = await fakeRegistry({ auth: 'basic', users: { u: 'p-secret' } });
    const image = registry.pushImage('acme/app', 'latest', { labels: { a: 'b' } });
    const cdn = await fakeRegistry();
    cdn.pushImage('acme/app', 'latest'); // makes the repository exist on the CDN fake
    let cdnAuthorization: string | undefined = 'unset';
    const configBody = await (
      await fetch(`${registry.origin}/v2/acme/app/blobs/${image.configDigest}`, {
        headers: { authorization: `Basic ${Buffer.from('u:p-secret').toString('base64')}` },
      })
    ).text();
    cdn.interceptor = (req, res) => {
      cdnAuthorization = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(configBody);
      return true;
    };
    registry.interceptor = (_req, res, kind) => {
      if (kind !== 'blob' || !_req.headers.authorization) return false;
      res.writeHead(307, { location: `${cdn.origin}/blobs/sha256/${image.configDigest}?sig=abc` });
      res.end();
      return true;
    };
    const config = await clientFor({
      credentials: basicCredentials('u', 'p-secret'),
    }).getImageConfig(target(registry), 'latest', AMD64);
    expect(config.labels).toEqual({ a: 'b' });
    expect(cdnAuthorization).toBeUndefined();
  });
});

describe('RegistryClient keep-alive', () => {
  it('reuses connections', async () => {
    const registry = await fakeRegistry();
    for (let i = 0; i < 10; i++) registry.setTags(`acme/app${i}`, ['1']);
    const sockets = new Set<Socket>();
    registry.interceptor = (req) => {
      sockets.add(req.socket);
      return false;
    };
    const client = clientFor();
    for (let i = 0; i < 10; i++) await client.listTags(target(registry, `acme/app${i}`));
    // undici may open a second socket while the first is being released; never one per request.
    expect(sockets.size).toBeLessThanOrEqual(2);
  });
});
