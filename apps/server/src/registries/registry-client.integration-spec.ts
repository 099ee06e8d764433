// The registry client against the real CNCF distribution registry (Debian docker-registry 2.8)
// from test/env: anonymous, htpasswd Basic, Bearer token auth, multi-arch indexes, re-pushed
// tags, tag paging, a 429-ing proxy, a registry that is down, and an engine's RepoDigests.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  MediaTypes,
  pullImage,
  pushImage,
  pushMultiArchIndex,
  pushTags,
  putImageViaApi,
  repushTag,
  startDockerEngine,
  startRegistry,
  type DockerEngine,
  type TestRegistry,
} from '../../../../test/env';
import { CheckCycle } from './check-cycle';
import { Registry } from './registry';
import { RegistryError } from './registry-error';
import { RawRegistryConfig } from './registry-provider';
import { registryProviders } from './registry-providers';
import { RegistryResolver } from './registry-resolver';

const AMD64 = { os: 'linux', architecture: 'amd64' };
const FAST = {
  retries: 2,
  retryBaseDelayMs: 20,
  retryMaxDelayMs: 5_000,
  requestTimeoutMs: 10_000,
  connectTimeoutMs: 2_000,
};

const registries: Registry[] = [];
afterAll(async () => {
  await Promise.all(registries.map((registry) => registry.close()));
});

/** A `custom` instance for a test registry (as TIDEWATCH_REGISTRY_CUSTOM_<name>_* would make). */
function customFor(url: string, config: RawRegistryConfig = {}, name = 'test'): Registry {
  const registry = registryProviders.custom.create(name, { url, ...config }, { http: FAST });
  registries.push(registry);
  return registry;
}

function repoOf(registry: TestRegistry, repository: string) {
  return { registry: registry.host, repository };
}

async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

describe('registry client against distribution: anonymous', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('checks a digest with one HEAD and lists tags', async () => {
    const image = await putImageViaApi(registry.client(), 'acme/app', '1.0.0');
    await putImageViaApi(registry.client(), 'acme/app', '1.1.0');
    const client = customFor(registry.url);
    await registry.clearAccessLog();
    const result = await client.checkDigest({
      ...repoOf(registry, 'acme/app'),
      tag: '1.0.0',
      platform: AMD64,
      localDigests: [`${registry.host}/acme/app@${image.digest}`],
    });
    expect(result).toEqual({
      remoteDigest: image.digest,
      platformDigest: image.digest,
      upToDate: true,
    });
    // distribution 2.8 without paging lists tags in storage order.
    expect((await client.listTags(repoOf(registry, 'acme/app'))).sort()).toEqual([
      '1.0.0',
      '1.1.0',
    ]);
    const counts = await registry.countByKind();
    expect(counts['manifest-head']).toBe(1);
    expect(counts['manifest-get']).toBe(0);
    expect(counts.tags).toBe(1);
  });

  it('names a missing repository and a missing tag', async () => {
    const client = customFor(registry.url);
    const repo = await rejection(client.listTags(repoOf(registry, 'acme/nope')));
    expect(repo.code).toBe('not-found');
    expect(repo.message).toBe(`repository acme/nope not found in registry ${registry.host}`);
    const tag = await rejection(
      client.checkDigest({
        ...repoOf(registry, 'acme/app'),
        tag: 'nope',
        platform: AMD64,
        localDigests: [],
      }),
    );
    expect(tag.code).toBe('not-found');
    expect(tag.message).toBe(`tag acme/app:nope not found in registry ${registry.host}`);
  });

  it('resolves the platform child of a multi-arch index (linux/amd64, linux/arm64/v8)', async () => {
    const index = await pushMultiArchIndex(
      registry,
      'acme/multi',
      'latest',
      [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
        { os: 'linux', architecture: 'arm', variant: 'v7' },
      ],
      { attestation: true },
    );
    const [amd64, arm64, armv7] = index.children.map((child) => child.digest);
    const client = customFor(registry.url);
    await registry.clearAccessLog();
    const amd = await client.checkDigest({
      ...repoOf(registry, 'acme/multi'),
      tag: 'latest',
      platform: AMD64,
      localDigests: [],
    });
    expect(amd).toEqual({ remoteDigest: index.digest, platformDigest: amd64, upToDate: false });
    const arm = await client.checkDigest({
      ...repoOf(registry, 'acme/multi'),
      tag: 'latest',
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      localDigests: [],
    });
    expect(arm.platformDigest).toBe(arm64);
    // Docker on a Raspberry Pi reports aarch64 / arm without variant.
    const aarch64 = await client.checkDigest({
      ...repoOf(registry, 'acme/multi'),
      tag: 'latest',
      platform: { os: 'linux', architecture: 'aarch64' },
      localDigests: [arm64 ?? ''],
    });
    expect(aarch64).toEqual({ remoteDigest: index.digest, platformDigest: arm64, upToDate: true });
    const armhf = await client.checkDigest({
      ...repoOf(registry, 'acme/multi'),
      tag: 'latest',
      platform: { os: 'linux', architecture: 'arm' },
      localDigests: [],
    });
    expect(armhf.platformDigest).toBe(armv7);
    // The index is fetched once and reused for every platform.
    const counts = await registry.countByKind();
    expect(counts['manifest-head']).toBe(4);
    expect(counts['manifest-get']).toBe(1);
  });

  it('resolves a Docker manifest list too', async () => {
    const list = await pushMultiArchIndex(
      registry,
      'acme/list',
      'latest',
      [AMD64, { os: 'linux', architecture: 'arm64', variant: 'v8' }],
      { format: 'docker' },
    );
    const result = await customFor(registry.url).checkDigest({
      ...repoOf(registry, 'acme/list'),
      tag: 'latest',
      platform: AMD64,
      localDigests: [],
    });
    expect(result).toEqual({
      remoteDigest: list.digest,
      platformDigest: list.children[0]?.digest,
      upToDate: false,
    });
  });

  it('sees a re-pushed latest as a new digest', async () => {
    const first = await putImageViaApi(registry.client(), 'acme/rolling', 'latest');
    const client = customFor(registry.url);
    const before = await client.checkDigest({
      ...repoOf(registry, 'acme/rolling'),
      tag: 'latest',
      platform: AMD64,
      localDigests: [first.digest],
    });
    expect(before.upToDate).toBe(true);
    const second = await putImageViaApi(registry.client(), 'acme/rolling', 'latest');
    expect(second.digest).not.toBe(first.digest);
    const after = await client.checkDigest({
      ...repoOf(registry, 'acme/rolling'),
      tag: 'latest',
      platform: AMD64,
      localDigests: [first.digest],
    });
    expect(after).toEqual({
      remoteDigest: second.digest,
      platformDigest: second.digest,
      upToDate: false,
    });
  });

  it('reads created and labels from the config blob', async () => {
    await putImageViaApi(registry.client(), 'acme/labelled', '2.0.0', {
      labels: {
        'org.opencontainers.image.source': 'https://example.com/acme/labelled',
        'org.opencontainers.image.version': '2.0.0',
      },
    });
    const config = await customFor(registry.url).getImageConfig({
      ...repoOf(registry, 'acme/labelled'),
      reference: '2.0.0',
      platform: AMD64,
    });
    expect(config.source).toBe('https://example.com/acme/labelled');
    expect(config.version).toBe('2.0.0');
    expect(new Date(config.created ?? '').getTime()).toBeGreaterThan(Date.parse('2020-01-01'));
  });

  it('makes one HEAD per distinct tag for 50 concurrent callers in a cycle', async () => {
    await pushTags(null, registry, 'acme/fanout', ['a', 'b'], { distinct: true });
    const client = customFor(registry.url);
    const cycle = new CheckCycle();
    await registry.clearAccessLog();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.checkDigest(
          {
            ...repoOf(registry, 'acme/fanout'),
            tag: i % 2 ? 'a' : 'b',
            platform: AMD64,
            localDigests: [],
          },
          cycle,
        ),
      ),
    );
    const counts = await registry.countByKind();
    expect(counts['manifest-head']).toBe(2);
  });
});

describe('registry client against distribution: htpasswd Basic auth', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'basic' });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('answers the Basic challenge once, then sends Basic directly', async () => {
    const image = await putImageViaApi(registry.client(), 'acme/private', '1.0');
    const client = customFor(registry.url, {
      login: registry.user ?? '',
      password: registry.password ?? '',
    });
    await registry.clearAccessLog();
    for (let i = 0; i < 5; i++) {
      const result = await client.checkDigest({
        ...repoOf(registry, 'acme/private'),
        tag: '1.0',
        platform: AMD64,
        localDigests: [image.digest],
      });
      expect(result.upToDate).toBe(true);
    }
    const log = await registry.accessLog();
    expect(log.map((entry) => entry.status)).toEqual([401, 200, 200, 200, 200, 200]);
  });

  it('reports wrong credentials as unauthorized, without the password', async () => {
    await putImageViaApi(registry.client(), 'acme/private', '1.0');
    const client = customFor(registry.url, {
      login: registry.user ?? '',
      password: 'definitely-wrong-pw',
    });
    const error = await rejection(client.listTags(repoOf(registry, 'acme/private')));
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain('definitely-wrong-pw');
    expect(error.message).toContain(registry.host);
  });
});

describe('registry client against distribution: Bearer token auth', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', tokenTtlSeconds: 300 });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('follows the real challenge and reuses one token per scope for its lifetime', async () => {
    const image = await putImageViaApi(registry.client(), 'acme/tokened', '1.0');
    await putImageViaApi(registry.client(), 'acme/tokened', '1.1');
    const client = customFor(registry.url, {
      login: registry.user ?? '',
      password: registry.password ?? '',
    });
    const tokensBefore = registry.tokenRequests();
    await registry.clearAccessLog();
    for (let i = 0; i < 10; i++) {
      await client.checkDigest({
        ...repoOf(registry, 'acme/tokened'),
        tag: '1.0',
        platform: AMD64,
        localDigests: [image.digest],
      });
    }
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.checkDigest({
          ...repoOf(registry, 'acme/tokened'),
          tag: i % 2 ? '1.0' : '1.1',
          platform: AMD64,
          localDigests: [],
        }),
      ),
    );
    expect((await client.listTags(repoOf(registry, 'acme/tokened'))).sort()).toEqual([
      '1.0',
      '1.1',
    ]);
    expect(registry.tokenRequests() - tokensBefore).toBe(1);
    const log = await registry.accessLog();
    expect(log.filter((entry) => entry.status === 401)).toHaveLength(1);
    const counters = Object.fromEntries(
      client.counters().map((c) => [`${c.kind} ${c.status}`, c.count]),
    );
    expect(counters['token 200']).toBe(1);
  });

  it('refuses anonymous access with a typed error', async () => {
    await putImageViaApi(registry.client(), 'acme/tokened', '1.0');
    const error = await rejection(
      customFor(registry.url, {}, 'anon').listTags(repoOf(registry, 'acme/tokened')),
    );
    expect(['unauthorized', 'forbidden']).toContain(error.code);
  });

  it('refuses wrong credentials at the token server without leaking them', async () => {
    const error = await rejection(
      customFor(
        registry.url,
        { login: registry.user ?? '', password: 'not-the-password' },
        'wrong',
      ).listTags(repoOf(registry, 'acme/tokened')),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('token server');
    expect(error.message).not.toContain('not-the-password');
  });
});

describe('registry client against distribution: tag paging', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none', maxTags: 5 });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('follows Link: rel="next" through every page', async () => {
    const tags = Array.from({ length: 23 }, (_, i) => `1.${String(i).padStart(2, '0')}.0`);
    await pushTags(null, registry, 'acme/paged', tags, { distinct: false });
    await registry.clearAccessLog();
    const client = customFor(registry.url);
    expect(await client.listTags(repoOf(registry, 'acme/paged'))).toEqual(tags);
    const log = await registry.accessLog();
    expect(log.filter((entry) => entry.kind === 'tags')).toHaveLength(5);
  });

  it('stops at the tag cap with a clear error', async () => {
    const client = registryProviders.custom.create(
      'capped',
      { url: registry.url },
      { http: FAST, client: { maxTags: 10 } },
    );
    registries.push(client);
    const error = await rejection(client.listTags(repoOf(registry, 'acme/paged')));
    expect(error.code).toBe('too-large');
  });
});

describe('registry client against distribution: rate limiting and outages', () => {
  let registry: TestRegistry;
  let proxy: http.Server;
  let proxyUrl: string;
  let throttle = 0;
  const proxied: number[] = [];

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' });
    // Answers the first `throttle` requests with 429 + Retry-After, then forwards to the registry.
    proxy = http.createServer((req, res) => {
      if (throttle > 0) {
        throttle--;
        proxied.push(429);
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}');
        return;
      }
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: registry.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (response) => {
          proxied.push(response.statusCode ?? 0);
          res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy?.closeAllConnections();
    await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
    await registry?.stop();
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const image = await putImageViaApi(registry.client(), 'acme/limited', '1.0');
    const client = customFor(proxyUrl);
    const host = new URL(proxyUrl).host;
    throttle = 2;
    proxied.length = 0;
    const started = Date.now();
    const result = await client.checkDigest({
      registry: host,
      repository: 'acme/limited',
      tag: '1.0',
      platform: AMD64,
      localDigests: [image.digest],
    });
    expect(result.upToDate).toBe(true);
    expect(proxied).toEqual([429, 429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(client.counters()).toEqual(
      expect.arrayContaining([{ kind: 'manifest-head', status: '429', count: 2 }]),
    );
  });

  it('gives a typed error, not a crash, while the registry is down, and recovers', async () => {
    const image = await putImageViaApi(registry.client(), 'acme/outage', '1.0');
    const client = customFor(registry.url, {}, 'outage');
    await registry.down();
    try {
      const error = await rejection(
        client.checkDigest({
          ...repoOf(registry, 'acme/outage'),
          tag: '1.0',
          platform: AMD64,
          localDigests: [image.digest],
        }),
      );
      expect(error.code).toBe('unavailable');
      expect(error.message).toBe(`registry ${registry.host} is unreachable (ECONNREFUSED)`);
    } finally {
      await registry.up();
    }
    const result = await client.checkDigest({
      ...repoOf(registry, 'acme/outage'),
      tag: '1.0',
      platform: AMD64,
      localDigests: [image.digest],
    });
    expect(result.upToDate).toBe(true);
  });
});

describe('registry client against distribution: a Docker engine’s RepoDigests', () => {
  let registry: TestRegistry;
  let engine: DockerEngine;
  let resolver: RegistryResolver;
  beforeAll(async () => {
    [registry, engine] = await Promise.all([startRegistry({ auth: 'none' }), startDockerEngine()]);
    resolver = new RegistryResolver([], { http: FAST });
  });
  afterAll(async () => {
    await resolver?.close();
    await Promise.all([engine?.stop(), registry?.stop()]);
  });

  async function inspect(
    reference: string,
  ): Promise<{ RepoDigests: string[]; Os: string; Architecture: string; Variant?: string }> {
    const [image] = JSON.parse(await engine.docker(['image', 'inspect', reference])) as Array<{
      RepoDigests: string[];
      Os: string;
      Architecture: string;
      Variant?: string;
    }>;
    if (!image) throw new Error(`no image ${reference}`);
    return image;
  }

  it('matches what the engine pushed, and sees a re-push as an update', async () => {
    const pushed = await pushImage(engine, registry, 'acme/engine', 'latest');
    const local = await inspect(pushed.reference);
    expect(local.RepoDigests).toContain(`${registry.host}/acme/engine@${pushed.digest}`);
    const registryForHost = resolver.resolve(registry.host);
    expect(registryForHost.id).toBe(`custom.${registry.host}`);
    const platform = {
      os: local.Os,
      architecture: local.Architecture,
      ...(local.Variant ? { variant: local.Variant } : {}),
    };
    const request = {
      registry: registry.host,
      repository: 'acme/engine',
      tag: 'latest',
      platform,
      localDigests: local.RepoDigests,
    };
    expect((await registryForHost.checkDigest(request)).upToDate).toBe(true);

    const repushed = await repushTag(engine, registry, 'acme/engine', 'latest');
    // The engine now holds the new image under the tag; the container's old image keeps its digests.
    const stale = await registryForHost.checkDigest(request);
    expect(stale).toMatchObject({ remoteDigest: repushed.digest, upToDate: false });
  });

  it('is not fooled by a multi-arch index rebuilt for other platforms only', async () => {
    const client = registry.client();
    const first = await pushMultiArchIndex(registry, 'acme/multi', 'latest', [
      AMD64,
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
    ]);
    await pullImage(engine, first.reference);
    const local = await inspect(first.reference);
    // The engine records the index digest, not the platform child.
    expect(local.RepoDigests).toEqual([`${registry.host}/acme/multi@${first.digest}`]);
    const platform = { os: local.Os, architecture: local.Architecture };
    const request = {
      registry: registry.host,
      repository: 'acme/multi',
      tag: 'latest',
      platform,
      localDigests: local.RepoDigests,
    };
    const target = resolver.resolve(registry.host);
    // Matched on the index digest after one HEAD; the child is not fetched, so not reported.
    expect(await target.checkDigest(request)).toEqual({
      remoteDigest: first.digest,
      upToDate: true,
    });

    // Rebuild arm64 only: a new index around the same amd64 child.
    const arm = await putImageViaApi(client, 'acme/multi', undefined, {
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    });
    const entry = (c: {
      digest: string;
      size: number;
      mediaType: string;
      platform: { os: string; architecture: string; variant?: string };
    }) => ({
      mediaType: c.mediaType,
      digest: c.digest,
      size: c.size,
      platform: c.platform,
    });
    const amdChild = first.children[0];
    if (!amdChild) throw new Error('no amd64 child');
    const rebuilt = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaTypes.ociIndex,
        manifests: [entry(amdChild), entry(arm)],
      }),
    );
    const rebuiltDigest = await client.putManifest(
      'acme/multi',
      'latest',
      MediaTypes.ociIndex,
      rebuilt,
    );
    const afterArmRebuild = await target.checkDigest(request);
    expect(afterArmRebuild).toEqual({
      remoteDigest: rebuiltDigest,
      platformDigest: amdChild.digest,
      upToDate: true,
    });

    // A real amd64 change is an update.
    const second = await pushMultiArchIndex(registry, 'acme/multi', 'latest', [AMD64]);
    expect(await target.checkDigest(request)).toEqual({
      remoteDigest: second.digest,
      platformDigest: second.children[0]?.digest,
      upToDate: false,
    });
  });
});
