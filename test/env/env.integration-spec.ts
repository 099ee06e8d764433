// Proves the real test environment works: engines (unix, TLS TCP, restart), registries (anonymous,
// basic, token, notifications, tag paging), images (push, repush, multi-arch), PostgreSQL, and
// that teardown leaves no process, container, mount or temp dir behind.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  ALL_MANIFEST_TYPES,
  MediaTypes,
  getSharedEnv,
  httpRequest,
  listContainers,
  mountsUnder,
  parseChallenge,
  processAlive,
  pullImage,
  pushImage,
  pushMultiArchIndex,
  pushTags,
  registeredResources,
  removeContainer,
  repushTag,
  run,
  runContainer,
  sharedEnvHandles,
  startDockerEngine,
  startPostgres,
  startRegistry,
  stopAll,
  waitFor,
  type DockerEngine,
  type TestRegistry,
} from './index';

// Whatever a failing test left running is stopped here (the reaper would catch it at exit too).
afterAll(() => stopAll());

describe('shared environment (jest global setup)', () => {
  it('exposes a running engine and an anonymous registry', async () => {
    const env = getSharedEnv();
    expect(process.env.TIDEWATCH_TEST_DOCKER_SOCKET).toBe(env.docker.socketPath);
    expect(process.env.TIDEWATCH_TEST_REGISTRY).toBe(env.registry.host);
    const ping = await httpRequest({ socketPath: env.docker.socketPath, path: '/_ping' });
    expect(ping.status).toBe(200);
    expect(ping.text()).toBe('OK');
    const v2 = await httpRequest({ url: `${env.registry.url}/v2/` });
    expect(v2.status).toBe(200);
    // Reported figure: start-up of engine and registry (in parallel).
    process.stdout.write(`shared env start-up: ${JSON.stringify(env.startupMs)}\n`);
    expect(env.startupMs.total).toBeLessThan(10_000);
  });

  it('handles on the shared engine/registry push and run like owned ones', async () => {
    const { engine, registry } = sharedEnvHandles();
    const mark = await registry.accessLogMark();
    const repo = `shared/env-spec-${process.pid}`;
    const img = await pushImage(engine, registry, repo, '1.0.0');
    const c = await runContainer(engine, img.reference);
    try {
      expect(await registry.client().headManifest(repo, '1.0.0')).toBe(img.digest);
      const mine = (await registry.accessLog(mark)).filter((e) => e.repository === repo);
      expect(mine.some((e) => e.kind === 'manifest-head')).toBe(true);
      await expect(engine.down()).rejects.toThrow(/global setup/);
    } finally {
      await removeContainer(engine, c.id);
    }
  });
});

describe('docker engine', () => {
  let engine: DockerEngine;
  afterAll(async () => {
    await engine?.stop();
  });

  it('starts an isolated engine that answers ping and runs containers with --network none', async () => {
    const t0 = Date.now();
    engine = await startDockerEngine();
    const ms = Date.now() - t0;
    process.stdout.write(`engine start-up: ${ms} ms\n`);
    expect(await engine.ping()).toBe(true);
    expect(engine.socketPath.length).toBeLessThan(100);
    const info = JSON.parse(await engine.docker(['info', '--format', '{{json .}}'])) as {
      ID: string;
      DockerRootDir: string;
    };
    expect(info.DockerRootDir.startsWith(engine.dir)).toBe(true);
    expect(fs.existsSync(`${engine.dir}/key.json`)).toBe(true); // per-engine identity, not /etc/docker/key.json
  });

  it('survives down()/up() on the same socket (watcher recovery)', async () => {
    const before = engine.pid;
    await engine.down();
    expect(engine.running).toBe(false);
    expect(await engine.ping()).toBe(false);
    await engine.up();
    expect(await engine.ping()).toBe(true);
    expect(engine.pid).not.toBe(before);
  });
});

describe('TLS TCP engine', () => {
  let engine: DockerEngine;
  afterAll(async () => {
    await engine?.stop();
  });

  it('accepts a client with the client certificate and rejects one without', async () => {
    const t0 = Date.now();
    engine = await startDockerEngine({ tcp: { tls: true } });
    process.stdout.write(`TLS engine start-up (incl. certificates): ${Date.now() - t0} ms\n`);
    const tcp = engine.tcp;
    if (!tcp?.tls) throw new Error('no tls');
    expect(tcp.host).toBe('127.0.0.1');
    const url = `https://127.0.0.1:${tcp.port}/_ping`;
    const ok = await httpRequest({
      url,
      tls: { ca: tcp.tls.caPem, cert: tcp.tls.certPem, key: tcp.tls.keyPem },
    });
    expect(ok.status).toBe(200);
    expect(ok.text()).toBe('OK');
    // Without a client certificate the handshake (or the first read) fails.
    await expect(httpRequest({ url, tls: { ca: tcp.tls.caPem } })).rejects.toThrow();
    // The docker CLI with the same files works too.
    const cli = await run('docker', [
      '--tlsverify',
      '--tlscacert',
      tcp.tls.caFile,
      '--tlscert',
      tcp.tls.certFile,
      '--tlskey',
      tcp.tls.keyFile,
      '-H',
      `tcp://127.0.0.1:${tcp.port}`,
      'version',
      '--format',
      '{{.Server.APIVersion}}',
    ]);
    expect(cli.stdout.trim()).toBe('1.41');
  });

  it('comes back on the same TCP port after restart()', async () => {
    const tcp = engine.tcp;
    if (!tcp?.tls) throw new Error('no tls');
    await engine.restart();
    const ok = await httpRequest({
      url: `https://127.0.0.1:${tcp.port}/_ping`,
      tls: { ca: tcp.tls.caPem, cert: tcp.tls.certPem, key: tcp.tls.keyPem },
    });
    expect(ok.status).toBe(200);
  });
});

describe('registry: anonymous', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  beforeAll(async () => {
    [engine, registry] = await Promise.all([startDockerEngine(), startRegistry()]);
  });
  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop()]);
  });

  it('push + tags list + access log kinds', async () => {
    const pushed = await pushImage(engine, registry, 'acme/app', '1.0.0', {
      labels: { 'org.opencontainers.image.version': '1.0.0' },
      healthcheck: { cmd: ['true'] },
    });
    expect(pushed.reference).toBe(`${registry.host}/acme/app:1.0.0`);
    expect(pushed.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const client = registry.client();
    expect(await client.tags('acme/app')).toEqual(['1.0.0']);
    expect(await client.headManifest('acme/app', '1.0.0')).toBe(pushed.digest);
    const counts = await registry.countByKind();
    expect(counts.tags).toBeGreaterThanOrEqual(1);
    expect(counts['manifest-head']).toBeGreaterThanOrEqual(1);
    expect(counts.blob).toBeGreaterThanOrEqual(1);
    expect(counts.ping).toBeGreaterThanOrEqual(1);
    const log = await registry.accessLog();
    expect(
      log.some(
        (e) => e.method === 'PUT' && e.path === '/v2/acme/app/manifests/1.0.0' && e.status === 201,
      ),
    ).toBe(true);
  });

  it('runs a container from the pushed image (network none) and removes it', async () => {
    const c = await runContainer(engine, `${registry.host}/acme/app:1.0.0`, {
      labels: { 'tidewatch.test': 'yes' },
    });
    const inspect = JSON.parse(await engine.docker(['inspect', c.id])) as Array<{
      HostConfig: { NetworkMode: string };
      Config: { Labels: Record<string, string> };
      State: { Running: boolean };
    }>;
    expect(inspect[0].HostConfig.NetworkMode).toBe('none');
    expect(inspect[0].Config.Labels['tidewatch.test']).toBe('yes');
    expect(inspect[0].Config.Labels['org.opencontainers.image.version']).toBe('1.0.0');
    expect(inspect[0].State.Running).toBe(true);
    await removeContainer(engine, c.id);
    expect(await listContainers(engine)).toEqual([]);
  });

  it('repush changes the digest of the same tag', async () => {
    const first = await registry.client().headManifest('acme/app', '1.0.0');
    const again = await repushTag(engine, registry, 'acme/app', '1.0.0');
    expect(again.previousDigest).toBe(first);
    expect(again.digest).not.toBe(first);
    expect(await registry.client().headManifest('acme/app', '1.0.0')).toBe(again.digest);
  });

  it('pushTags seeds many tags quickly with distinct digests', async () => {
    const tags = Array.from({ length: 30 }, (_, i) => `2.${i}.0`);
    const t0 = Date.now();
    const res = await pushTags(null, registry, 'acme/many', tags);
    process.stdout.write(`pushTags 30 tags via API: ${Date.now() - t0} ms\n`);
    expect(new Set(res.map((r) => r.digest)).size).toBe(30);
    expect((await registry.client().tags('acme/many')).sort()).toEqual([...tags].sort());
    // The API-built images are real: the engine can pull one.
    await pullImage(engine, res[3].reference);
  });

  it('multi-arch OCI index (with attestation) is retrievable with all 4 Accept types', async () => {
    const r = await pushMultiArchIndex(
      registry,
      'acme/multi',
      '1.0.0',
      [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
        { os: 'linux', architecture: 'arm', variant: 'v7' },
      ],
      { attestation: true },
    );
    expect(r.children).toHaveLength(3);
    expect(r.attestation?.refersTo).toBe(r.children[0].digest);
    const client = registry.client();
    const all = await client.getManifest('acme/multi', '1.0.0', ALL_MANIFEST_TYPES);
    expect(all.status).toBe(200);
    expect(all.mediaType).toBe(MediaTypes.ociIndex);
    expect(all.digest).toBe(r.digest);
    const index = JSON.parse(all.body.toString()) as {
      manifests: Array<{
        digest: string;
        platform: { os: string; architecture: string };
        annotations?: Record<string, string>;
      }>;
    };
    expect(index.manifests).toHaveLength(4);
    expect(index.manifests[3].platform).toEqual({ architecture: 'unknown', os: 'unknown' });
    expect(index.manifests[3].annotations?.['vnd.docker.reference.type']).toBe(
      'attestation-manifest',
    );
    // Each Accept type on its own (distribution 2.8 behaviour, recorded here on purpose):
    const byType: Record<string, number> = {};
    for (const t of ALL_MANIFEST_TYPES)
      byType[t] = (await client.getManifest('acme/multi', '1.0.0', [t])).status;
    expect(byType[MediaTypes.ociIndex]).toBe(200);
    // An OCI index is never rewritten: docker-only or manifest-only Accept get 404 MANIFEST_UNKNOWN.
    expect(byType[MediaTypes.dockerManifestList]).toBe(404);
    expect(byType[MediaTypes.dockerManifest]).toBe(404);
    expect(byType[MediaTypes.ociManifest]).toBe(404);
    // Children by digest.
    for (const c of r.children) {
      const m = await client.getManifest('acme/multi', c.digest, ALL_MANIFEST_TYPES);
      expect(m.status).toBe(200);
      expect(m.mediaType).toBe(MediaTypes.ociManifest);
    }
    // The engine pulls the index (selecting linux/amd64).
    await pullImage(engine, r.reference);
  });

  it('docker manifest list format is retrievable with all 4 Accept types', async () => {
    const r = await pushMultiArchIndex(
      registry,
      'acme/multi-docker',
      '1.0.0',
      [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
      ],
      { format: 'docker' },
    );
    const client = registry.client();
    const all = await client.getManifest('acme/multi-docker', '1.0.0', ALL_MANIFEST_TYPES);
    expect(all.mediaType).toBe(MediaTypes.dockerManifestList);
    expect(all.digest).toBe(r.digest);
    // A schema2-only client gets the linux/amd64 child (distribution rewrites lists by tag).
    const v2only = await client.getManifest('acme/multi-docker', '1.0.0', [
      MediaTypes.dockerManifest,
    ]);
    expect(v2only.status).toBe(200);
    expect(v2only.digest).toBe(r.children[0].digest);
  });

  it('can be taken down and brought back on the same port with its data', async () => {
    const port = registry.port;
    await registry.down();
    await expect(httpRequest({ url: `${registry.url}/v2/`, timeoutMs: 1000 })).rejects.toThrow(
      /ECONNREFUSED/,
    );
    await registry.up();
    expect(registry.port).toBe(port);
    expect(await registry.client().tags('acme/app')).toEqual(['1.0.0']);
  });
});

describe('registry: basic auth', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  beforeAll(async () => {
    [engine, registry] = await Promise.all([startDockerEngine(), startRegistry({ auth: 'basic' })]);
  });
  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop()]);
  });

  it('401 without credentials, 200 with; docker push after login', async () => {
    const anon = await httpRequest({ url: `${registry.url}/v2/` });
    expect(anon.status).toBe(401);
    expect(parseChallenge(anon.headers['www-authenticate'] as string)?.scheme).toBe('basic');
    const auth = `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}`;
    expect(
      (await httpRequest({ url: `${registry.url}/v2/`, headers: { Authorization: auth } })).status,
    ).toBe(200);
    const wrong = `Basic ${Buffer.from(`${registry.user}:nope`).toString('base64')}`;
    expect(
      (await httpRequest({ url: `${registry.url}/v2/`, headers: { Authorization: wrong } })).status,
    ).toBe(401);
    const pushed = await pushImage(engine, registry, 'acme/private', '1.0.0');
    expect(await registry.client().headManifest('acme/private', '1.0.0')).toBe(pushed.digest);
    expect((await httpRequest({ url: `${registry.url}/v2/acme/private/tags/list` })).status).toBe(
      401,
    );
  });
});

describe('registry: bearer token auth', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  beforeAll(async () => {
    [engine, registry] = await Promise.all([startDockerEngine(), startRegistry({ auth: 'token' })]);
  });
  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop()]);
  });

  it('docker login + push through the token flow', async () => {
    const pushed = await pushImage(engine, registry, 'acme/app', '1.0.0');
    expect(pushed.digest).toMatch(/^sha256:/);
    expect(registry.tokenRequests()).toBeGreaterThan(0);
    expect(
      registry.tokenRequestLog().some((r) => r.granted.some((g) => g.actions.includes('push'))),
    ).toBe(true);
  });

  it('full challenge: 401 Bearer realm → token → 200', async () => {
    const before = registry.tokenRequests();
    const first = await httpRequest({ url: `${registry.url}/v2/acme/app/tags/list` });
    expect(first.status).toBe(401);
    const header = first.headers['www-authenticate'] as string;
    expect(header).toMatch(/^Bearer realm="/);
    const ch = parseChallenge(header);
    expect(ch?.params.realm).toBe(registry.tokenServerUrl);
    expect(ch?.params.service).toBe(registry.service);
    expect(ch?.params.scope).toBe('repository:acme/app:pull');
    const u = new URL(ch?.params.realm ?? '');
    u.searchParams.set('service', ch?.params.service ?? '');
    u.searchParams.set('scope', ch?.params.scope ?? '');
    const tokenRes = await httpRequest({
      url: u.toString(),
      headers: {
        Authorization: `Basic ${Buffer.from(`${registry.user}:${registry.password}`).toString('base64')}`,
      },
    });
    expect(tokenRes.status).toBe(200);
    const body = tokenRes.json<{
      token: string;
      access_token: string;
      expires_in: number;
      issued_at: string;
    }>();
    expect(body.token).toBe(body.access_token);
    expect(body.expires_in).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(body.issued_at))).toBe(false);
    const ok = await httpRequest({
      url: `${registry.url}/v2/acme/app/tags/list`,
      headers: { Authorization: `Bearer ${body.token}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.json<{ tags: string[] }>().tags).toEqual(['1.0.0']);
    expect(registry.tokenRequests()).toBe(before + 1);
    // Wrong password → 401 at the token endpoint; anonymous → token without access → 401 at the registry.
    const bad = await httpRequest({
      url: u.toString(),
      headers: { Authorization: `Basic ${Buffer.from(`${registry.user}:x`).toString('base64')}` },
    });
    expect(bad.status).toBe(401);
    const anonToken = (await httpRequest({ url: u.toString() })).json<{ token: string }>().token;
    const denied = await httpRequest({
      url: `${registry.url}/v2/acme/app/tags/list`,
      headers: { Authorization: `Bearer ${anonToken}` },
    });
    expect(denied.status).toBe(401);
    expect(String(denied.headers['www-authenticate'])).toMatch(/insufficient_scope/);
    // An expired token is refused (distribution allows 60 s of leeway).
    const expired = registry.tokenServer?.sign({
      iss: registry.issuer,
      sub: registry.user,
      aud: registry.service,
      exp: Math.floor(Date.now() / 1000) - 120,
      nbf: Math.floor(Date.now() / 1000) - 300,
      iat: Math.floor(Date.now() / 1000) - 300,
      access: [{ type: 'repository', name: 'acme/app', actions: ['pull'] }],
    });
    const expiredRes = await httpRequest({
      url: `${registry.url}/v2/acme/app/tags/list`,
      headers: { Authorization: `Bearer ${expired}` },
    });
    expect(expiredRes.status).toBe(401);
  });

  it('anonymous pull tokens when configured', async () => {
    const pub = await startRegistry({ auth: 'token', anonymousPull: true });
    try {
      await pushTags(null, pub, 'library/public', ['1.0.0']);
      const anon = pub.client({ anonymous: true });
      expect(await anon.tags('library/public')).toEqual(['1.0.0']);
      const log = pub.tokenRequestLog();
      expect(
        log.some((r) => r.user === null && r.granted.some((g) => g.actions.includes('pull'))),
      ).toBe(true);
      // ...but anonymous push is refused.
      await expect(anon.uploadBlob('library/public', Buffer.from('x'))).rejects.toThrow(/401/);
    } finally {
      await pub.stop();
    }
  });
});

describe('registry: notifications and tag paging', () => {
  it('posts push events to the configured endpoint', async () => {
    const events: Array<{ action: string; target: { repository: string; tag?: string } }> = [];
    const seenHeaders: string[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seenHeaders.push(String(req.headers['x-test']));
        const env = JSON.parse(Buffer.concat(chunks).toString()) as { events: typeof events };
        events.push(...env.events);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const registry = await startRegistry({
      notifications: { url: `http://127.0.0.1:${port}/events`, headers: { 'X-Test': ['yes'] } },
    });
    try {
      await pushTags(null, registry, 'acme/notify', ['1.2.3']);
      await waitFor(
        () =>
          events.some(
            (e) =>
              e.action === 'push' &&
              e.target.repository === 'acme/notify' &&
              e.target.tag === '1.2.3',
          ),
        {
          timeoutMs: 10_000,
          what: 'push notification',
        },
      );
      expect(seenHeaders).toContain('yes');
    } finally {
      await registry.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('maxTags pages tags/list with Link headers (emulated: distribution 2.8 ignores n/last)', async () => {
    const registry = await startRegistry({ maxTags: 4 });
    try {
      const tags = Array.from({ length: 10 }, (_, i) => `1.0.${i}`);
      await pushTags(null, registry, 'acme/paged', tags, { distinct: false });
      const seen: string[] = [];
      let next: string | undefined = '/v2/acme/paged/tags/list';
      let pages = 0;
      while (next) {
        const res = await httpRequest({ url: `${registry.url}${next}` });
        expect(res.status).toBe(200);
        const page = res.json<{ tags: string[] }>().tags;
        expect(page.length).toBeLessThanOrEqual(4);
        seen.push(...page);
        pages++;
        const link = res.headers.link as string | undefined;
        next = link ? /<([^>]+)>/.exec(link)?.[1] : undefined;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([...tags].sort());
      // n above the clamp is clamped.
      const big = await httpRequest({ url: `${registry.url}/v2/acme/paged/tags/list?n=100` });
      expect(big.json<{ tags: string[] }>().tags).toHaveLength(4);
    } finally {
      await registry.stop();
    }
  });
});

describe('postgres', () => {
  it('accepts a connection on its 127.0.0.1 URL', async () => {
    const t0 = Date.now();
    const pg = await startPostgres();
    process.stdout.write(`postgres start-up: ${Date.now() - t0} ms\n`);
    try {
      expect(pg.url).toMatch(/^postgres:\/\/tidewatch:[^@]+@127\.0\.0\.1:\d+\/tidewatch$/);
      const r = await run('psql', [pg.url, '-At', '-c', 'select current_database(), 40 + 2']);
      expect(r.stdout.trim()).toBe('tidewatch|42');
    } finally {
      await pg.stop();
    }
  });
});

describe('teardown', () => {
  function snapshot(): { pids: Set<number>; tmp: Set<string> } {
    const pids = new Set(
      fs
        .readdirSync('/proc')
        .filter((n) => /^\d+$/.test(n))
        .map(Number)
        .filter((p) => processAlive(p)),
    );
    return { pids, tmp: new Set(fs.readdirSync(os.tmpdir())) };
  }

  it('leaves no process, container, mount or temp dir behind', async () => {
    const before = snapshot();
    const [engine, registry, tokenRegistry, pg] = await Promise.all([
      startDockerEngine({ tcp: { tls: true } }),
      startRegistry(),
      startRegistry({ auth: 'token', maxTags: 5 }),
      startPostgres(),
    ]);
    const img = await pushImage(engine, registry, 'acme/teardown', '1.0.0');
    const a = await runContainer(engine, img.reference, { name: 'tw-teardown-a' });
    const b = await runContainer(engine, img.reference, {
      name: 'tw-teardown-b',
      healthcheck: { cmd: ['true'] },
    });
    const containerPids = (await engine.docker(['inspect', '-f', '{{.State.Pid}}', a.id, b.id]))
      .split('\n')
      .map(Number);
    expect(containerPids.every((p) => p > 0 && processAlive(p))).toBe(true);
    await pushImage(engine, tokenRegistry, 'acme/teardown', '1.0.0');
    const started = [engine.pid, pg.pid, ...containerPids];
    const dirs = [engine.dir, registry.dir, tokenRegistry.dir, pg.dir];
    expect(mountsUnder(engine.dir).length).toBeGreaterThan(0);
    expect(registeredResources().length).toBeGreaterThanOrEqual(4);

    await stopAll();

    expect(registeredResources()).toEqual([]);
    for (const p of started) expect(processAlive(p)).toBe(false);
    for (const d of dirs) expect(fs.existsSync(d)).toBe(false);
    // No process that mentions any of our dirs (containerd, shims, registries, postgres).
    await waitFor(
      () => {
        const after = snapshot();
        const strays = [...after.pids]
          .filter((p) => !before.pids.has(p))
          .filter((p) => {
            try {
              const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
              return dirs.some((d) => cmd.includes(d));
            } catch {
              return false;
            }
          });
        return strays.length === 0 ? true : undefined;
      },
      { timeoutMs: 5_000, what: 'no stray processes' },
    );
    // Other suites may run engines concurrently on this machine: look only at our own dirs.
    expect(dirs.flatMap((d) => mountsUnder(d))).toEqual([]);
    const after = snapshot();
    expect(dirs.map((d) => path.basename(d)).filter((b) => after.tmp.has(b))).toEqual([]);
    expect(
      [...after.tmp].filter((f) => !before.tmp.has(f) && f.startsWith(`tw-reaper-${process.pid}-`)),
    ).toEqual([]);
  });
});
