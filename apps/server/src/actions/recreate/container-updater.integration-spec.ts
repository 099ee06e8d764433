// The safe recreate against the real engine and registry of test/env: inspect diff, health gate
// and rollback, test runs, hooks, pulls that fail or stall, dry-runs, idempotence, self-update
// refusal, per-container lock, per-host concurrency, and SIGKILL between the steps + recover().
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  freePort,
  pushImage,
  sharedEnvHandles,
  waitFor,
  type PushedImage,
} from '../../../../../test/env';
import { DockerRepository } from '../../docker/docker.repository';
import { silentActionLogger } from '../common/action-logger';
import { ContainerUpdater, PARKED_SUFFIX, type ContainerUpdaterOptions } from './container-updater';
import { FileUpdateJournal } from './file-update-journal';
import { InMemoryUpdateJournal } from './update-journal';

const { engine, registry } = sharedEnvHandles();
const docker = new DockerRepository({ socketPath: engine.socketPath });
const run = crypto.randomBytes(3).toString('hex');
const repo = `actions/recreate-${run}`;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-recreate-'));
/** PID 1 that exits on SIGTERM/SIGINT, like a real service (busybox sleep as PID 1 ignores them). */
const SERVICE_CMD = ['sh', '-c', 'trap "exit 0" TERM INT; sleep 100000 & wait'];

interface Images {
  v1: PushedImage;
  /** Same defaults as v1 (Env, Cmd, Labels): only the content differs. */
  v2: PushedImage;
  /** Different defaults: IMGVAR=two and img.label=2. */
  v3: PushedImage;
  /** HEALTHCHECK ["false"]. */
  unhealthy: PushedImage;
  /** HEALTHCHECK ["true"] every second. */
  healthy: PushedImage;
  /** Never pulled before their own test (which needs them absent from the engine). */
  stall: PushedImage;
  dry: PushedImage;
}
let images: Images;
const created: string[] = [];

function byDigest(image: PushedImage): string {
  return `${registry.host}/${image.repository}@${image.digest}`;
}

async function dockerJson<T>(args: string[]): Promise<T> {
  return JSON.parse(await engine.docker(args)) as T;
}

type Inspect = Record<string, unknown> & {
  Id: string;
  Name: string;
  State: { Running: boolean; StartedAt: string; Status: string };
};

async function inspect(name: string): Promise<Inspect> {
  const inspected = (await dockerJson<Inspect[]>(['inspect', '--type', 'container', name]))[0];
  // The engine lists Mounts in map order: sort them so two inspects compare field by field.
  const mounts = (inspected.Mounts as Array<{ Destination: string }> | null) ?? [];
  return {
    ...inspected,
    Mounts: [...mounts].sort((a, b) => a.Destination.localeCompare(b.Destination)),
  };
}

async function containerNames(): Promise<string[]> {
  return (await engine.docker(['ps', '-a', '--format', '{{.Names}}'])).split('\n').filter(Boolean);
}

function updater(
  options: ContainerUpdaterOptions = {},
  journal = new InMemoryUpdateJournal(),
): { updater: ContainerUpdater; journal: InMemoryUpdateJournal } {
  return {
    updater: new ContainerUpdater(docker, journal, silentActionLogger, {
      stableSeconds: 1,
      healthTimeoutMs: 20_000,
      ...options,
    }),
    journal,
  };
}

/** docker run -d --network none … (the hard network rule) with the service command. */
async function start(name: string, image: string, flags: string[] = []): Promise<string> {
  const id = await engine.docker([
    'run',
    '-d',
    '--network',
    'none',
    '--name',
    name,
    ...flags,
    image,
    ...SERVICE_CMD,
  ]);
  created.push(name);
  return id.trim();
}

/** What restarting a container changes by itself (a new network sandbox). */
function withoutRestartState(inspected: Inspect): Record<string, unknown> {
  const settings = structuredClone(inspected.NetworkSettings) as {
    SandboxID?: string;
    SandboxKey?: string;
    Networks?: Record<string, { EndpointID?: string }>;
  };
  delete settings.SandboxID;
  delete settings.SandboxKey;
  for (const network of Object.values(settings.Networks ?? {})) delete network.EndpointID;
  return { ...inspected, State: null, NetworkSettings: settings };
}

/** Every path at which two JSON values differ ("a.b[2].c"). */
function diffPaths(a: unknown, b: unknown, at = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    Array.isArray(a) === Array.isArray(b)
  ) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    if (Array.isArray(a))
      return keys.flatMap((key) => diffPaths(left[key], right[key], `${at}[${key}]`));
    return keys.flatMap((key) => diffPaths(left[key], right[key], at ? `${at}.${key}` : key));
  }
  return [at];
}

beforeAll(async () => {
  const common = { cmd: SERVICE_CMD, env: { IMGVAR: 'one' }, labels: { 'img.label': '1' } };
  images = {
    v1: await pushImage(engine, registry, repo, '1.0.0', common),
    v2: await pushImage(engine, registry, repo, '1.1.0', common),
    v3: await pushImage(engine, registry, repo, '1.2.0', {
      cmd: SERVICE_CMD,
      env: { IMGVAR: 'two' },
      labels: { 'img.label': '2' },
    }),
    unhealthy: await pushImage(engine, registry, repo, '2.0.0-unhealthy', {
      ...common,
      healthcheck: { cmd: ['false'], interval: '1s', retries: 1 },
    }),
    healthy: await pushImage(engine, registry, repo, '2.1.0', {
      ...common,
      healthcheck: { cmd: ['true'], interval: '1s', retries: 1 },
    }),
    stall: await pushImage(engine, registry, repo, '3.0.0', common),
    dry: await pushImage(engine, registry, repo, '3.1.0', common),
  };
  // Only 1.0.0 stays in the engine: every update really pulls (by digest) from the registry.
  for (const image of [
    images.v2,
    images.v3,
    images.unhealthy,
    images.healthy,
    images.stall,
    images.dry,
  ])
    await engine.docker(['rmi', image.reference]);
});

afterAll(async () => {
  const names = await containerNames();
  const ours = names.filter((name) => created.some((prefix) => name.startsWith(prefix)));
  if (ours.length > 0)
    await engine.docker(['rm', '-f', '-v', ...ours], undefined, { allowFail: true });
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('ContainerUpdater: recreate on the real engine', () => {
  it('updates 1.0.0 → 1.1.0 by digest; docker inspect differs only in the image (and what must change)', async () => {
    const name = `tw-happy-${run}`;
    const bind = fs.mkdtempSync(path.join(workDir, 'bind-'));
    fs.writeFileSync(path.join(bind, 'kept'), 'bind data');
    await start(name, images.v1.reference, [
      '--label',
      'a=b',
      '--label',
      'com.docker.compose.project=demo',
      '--label',
      'com.docker.compose.service=web',
      '--env',
      'FOO=bar',
      '--env',
      'SPACED=a b',
      '--user',
      '1000:1000',
      '--workdir',
      '/tmp',
      '--hostname',
      'custom-host',
      '--restart',
      'unless-stopped',
      '--cap-add',
      'NET_ADMIN',
      '--cap-drop',
      'MKNOD',
      '--memory',
      '64m',
      '--cpu-shares',
      '512',
      '--ulimit',
      'nofile=1024:2048',
      '--log-driver',
      'json-file',
      '--log-opt',
      'max-size=1m',
      '--tmpfs',
      '/run:size=1m',
      '--security-opt',
      'no-new-privileges',
      '--add-host',
      'example.test:127.0.0.1',
      '--dns',
      '127.0.0.1',
      '--stop-signal',
      'SIGINT',
      '--stop-timeout',
      '3',
      '-v',
      `tw-named-${run}:/data/named`,
      '-v',
      `${bind}:/data/bind`,
      '-v',
      '/data/anon',
      '--device',
      '/dev/null:/dev/xnull',
      '--shm-size',
      '16m',
      '--pids-limit',
      '100',
      '--oom-score-adj',
      '100',
      '--group-add',
      '10',
      '--expose',
      '8080',
    ]);
    await engine.docker(['exec', '-u', '0', name, 'sh', '-c', 'echo anon-data > /data/anon/file']);
    const before = await inspect(name);
    const { updater: subject, journal } = updater();

    const report = await subject.update({
      containerId: before.Id,
      targetImage: byDigest(images.v2),
      targetReference: images.v2.reference,
    });

    expect(report.reason).toBeUndefined();
    expect(report.outcome).toBe('updated');
    expect(report.steps.map((step) => step.name)).toEqual([
      'inspect',
      'pull',
      'stop-old',
      'rename-old',
      'create-new',
      'start-new',
      'health',
      'remove-old',
    ]);
    expect(report.steps.every((step) => step.ok)).toBe(true);
    const after = await inspect(name);
    expect(after.State.Running).toBe(true);
    expect(report.newContainerId).toBe(after.Id);
    expect(await containerNames()).not.toContain(`${name}${PARKED_SUFFIX}`);
    // Fields that necessarily change with a new container, and why:
    const ignored = new Set([
      'Id', // a new container
      'Created', // created now
      'Image', // THE change: the new image ID
      'Config.Image', // THE change: the reference the container was created from
      'ResolvConfPath',
      'HostnamePath',
      'HostsPath',
      'LogPath', // files under the container's own directory (ID in the path)
      'GraphDriver.Data.LowerDir',
      'GraphDriver.Data.MergedDir',
      'GraphDriver.Data.UpperDir',
      'GraphDriver.Data.WorkDir', // new layers
      'NetworkSettings.SandboxID',
      'NetworkSettings.SandboxKey',
      'NetworkSettings.Networks.none.EndpointID', // per-container sandbox
    ]);
    const differences = diffPaths({ ...before, State: null }, { ...after, State: null }).filter(
      (at) => !ignored.has(at),
    );
    // The anonymous volume is handed over by name so its data survives: HostConfig.Mounts gains it,
    // and the engine reports a volume given by name with mode "z" (same volume, same source path).
    const mounts = before.Mounts as Array<{
      Name?: string;
      Destination: string;
      Mode: string;
      Source: string;
    }>;
    const anonIndex = mounts.findIndex((mount) => mount.Destination === '/data/anon');
    expect(differences).toEqual(['HostConfig.Mounts', `Mounts[${anonIndex}].Mode`]);
    const afterMounts = after.Mounts as typeof mounts;
    expect([mounts[anonIndex].Mode, afterMounts[anonIndex].Mode]).toEqual(['', 'z']);
    expect(afterMounts[anonIndex]).toMatchObject({
      Name: mounts[anonIndex].Name,
      Source: mounts[anonIndex].Source,
    });
    expect((after.HostConfig as { Mounts: unknown }).Mounts).toEqual([
      { Type: 'volume', Source: mounts[anonIndex].Name, Target: '/data/anon' },
    ]);
    expect(
      await engine.docker(['exec', '-u', '0', name, 'cat', '/data/anon/file', '/data/bind/kept']),
    ).toBe('anon-data\nbind data');
    // The pulled image carries the tag reference and the digest.
    const pulled = await dockerJson<Array<{ RepoTags: string[]; RepoDigests: string[] }>>([
      'image',
      'inspect',
      after.Image as string,
    ]);
    expect(pulled[0].RepoTags).toContain(images.v2.reference);
    expect(pulled[0].RepoDigests).toContain(byDigest(images.v2));
    expect(await journal.pending()).toEqual([]);
    expect(journal.all()[0].outcome).toBe('updated');
    expect(report.timing.downtimeMs).toBeGreaterThanOrEqual(0);

    // Idempotent: the same request again leaves it alone.
    const again = await subject.update({
      containerId: after.Id,
      targetImage: byDigest(images.v2),
      targetReference: images.v2.reference,
    });
    expect(again.outcome).toBe('unchanged');
    expect((await inspect(name)).Id).toBe(after.Id);
  });

  it("leaves the old image's defaults to the new image; user settings and a passing test run stay", async () => {
    const name = `tw-defaults-${run}`;
    await start(name, images.v1.reference, [
      '--env',
      'FOO=bar',
      '--label',
      'mine=yes',
      '--label',
      'tidewatch.update.test=test -f /tidewatch-image && test "$FOO" = bar',
    ]);
    const report = await updater().updater.update({
      containerId: name,
      targetImage: byDigest(images.v3),
      targetReference: images.v3.reference,
    });
    expect(report.outcome).toBe('updated');
    expect(report.steps.find((step) => step.name === 'test-run')?.ok).toBe(true);
    const after = await inspect(name);
    const config = after.Config as { Env: string[]; Labels: Record<string, string>; Cmd: string[] };
    expect(config.Env).toEqual(expect.arrayContaining(['FOO=bar', 'IMGVAR=two']));
    expect(config.Env).not.toContain('IMGVAR=one');
    expect(config.Labels).toMatchObject({ mine: 'yes', 'img.label': '2' });
    expect(config.Cmd).toEqual(SERVICE_CMD);
    expect((await containerNames()).filter((n) => n.startsWith(`${name}-tidewatch-test`))).toEqual(
      [],
    );
  });

  it('rolls back when the new HEALTHCHECK fails: the old container runs again, same ID, name and config', async () => {
    const name = `tw-unhealthy-${run}`;
    const id = await start(name, images.v1.reference, [
      '--env',
      'FOO=bar',
      '--label',
      'keep=me',
      '-v',
      '/data/anon',
    ]);
    await engine.docker(['exec', name, 'sh', '-c', 'echo kept > /data/anon/file']);
    const before = await inspect(name);
    const { updater: subject, journal } = updater();

    const report = await subject.update({
      containerId: id,
      targetImage: byDigest(images.unhealthy),
      targetReference: images.unhealthy.reference,
    });

    expect(report.outcome).toBe('rolled-back');
    expect(report.errorCode).toBe('health');
    expect(report.reason).toMatch(/healthcheck reported unhealthy/);
    expect(report.steps.map((step) => `${step.name}:${step.ok}`)).toEqual([
      'inspect:true',
      'pull:true',
      'stop-old:true',
      'rename-old:true',
      'create-new:true',
      'start-new:true',
      'health:false',
      'rollback:true',
    ]);
    const after = await inspect(name);
    expect(after.Id).toBe(before.Id);
    expect(after.Name).toBe(`/${name}`);
    expect(after.State.Running).toBe(true);
    expect(after.State.StartedAt).not.toBe(before.State.StartedAt);
    expect(diffPaths(withoutRestartState(before), withoutRestartState(after))).toEqual([]);
    // The anonymous volume lent to the removed new container is still the old one's, data intact.
    expect(await engine.docker(['exec', name, 'cat', '/data/anon/file'])).toBe('kept');
    const names = await containerNames();
    expect(names.filter((n) => n.startsWith(name))).toEqual([name]);
    expect(journal.all()[0]).toMatchObject({ outcome: 'rolled-back', reason: report.reason });
  });

  it('with rollback off, keeps the failing new container and parks the old one stopped', async () => {
    const name = `tw-norollback-${run}`;
    const id = await start(name, images.v1.reference);
    const report = await updater({ rollback: false }).updater.update({
      containerId: name,
      targetImage: byDigest(images.unhealthy),
      targetReference: images.unhealthy.reference,
    });
    expect(report).toMatchObject({ outcome: 'failed', errorCode: 'health' });
    expect(report.reason).toMatch(/rollback is off/);
    expect((await inspect(name)).Id).toBe(report.newContainerId);
    expect((await inspect(`${name}${PARKED_SUFFIX}`)).Id).toBe(id);
    expect((await inspect(`${name}${PARKED_SUFFIX}`)).State.Running).toBe(false);
    const next = await updater().updater.update({
      containerId: name,
      targetImage: byDigest(images.v2),
    });
    expect(next).toMatchObject({ outcome: 'failed', errorCode: 'busy' });
  });

  it('a test run that exits 1 stops nothing', async () => {
    const name = `tw-testrun-${run}`;
    await start(name, images.v1.reference, [
      '--label',
      'tidewatch.update.test=echo broken config; exit 1',
    ]);
    const before = await inspect(name);
    const report = await updater().updater.update({
      containerId: name,
      targetImage: byDigest(images.v2),
      targetReference: images.v2.reference,
    });
    expect(report.outcome).toBe('failed');
    expect(report.errorCode).toBe('test-run');
    expect(report.reason).toMatch(/test run exited with 1: broken config/);
    expect(report.steps.map((step) => step.name)).toEqual(['inspect', 'pull', 'test-run']);
    const after = await inspect(name);
    expect(after.Id).toBe(before.Id);
    expect(after.State.StartedAt).toBe(before.State.StartedAt);
    expect((await containerNames()).filter((n) => n.startsWith(name))).toEqual([name]);
  });

  it('a failing pre-update hook stops nothing; the hook runs inside the old container', async () => {
    const name = `tw-prehook-${run}`;
    await start(name, images.v1.reference, [
      '--label',
      'tidewatch.update.pre=echo hook-ran > /tmp/hook; exit 3',
    ]);
    const before = await inspect(name);
    const report = await updater().updater.update({
      containerId: name,
      targetImage: byDigest(images.v2),
      targetReference: images.v2.reference,
    });
    expect(report).toMatchObject({ outcome: 'failed', errorCode: 'pre-hook' });
    expect(report.reason).toMatch(/pre-update hook exited with 3/);
    expect(await engine.docker(['exec', name, 'cat', '/tmp/hook'])).toBe('hook-ran');
    expect((await inspect(name)).State.StartedAt).toBe(before.State.StartedAt);
  });

  it('keeps the old container running when the registry is down or the digest is missing', async () => {
    const name = `tw-pullfail-${run}`;
    await start(name, images.v1.reference);
    const before = await inspect(name);
    const { updater: subject } = updater();
    const deadPort = await freePort();
    const down = await subject.update({
      containerId: name,
      targetImage: `127.0.0.1:${deadPort}/${repo}@${images.v2.digest}`,
      targetReference: `127.0.0.1:${deadPort}/${repo}:1.1.0`,
    });
    expect(down).toMatchObject({ outcome: 'failed', errorCode: 'pull' });
    expect(down.reason).toMatch(/connection refused/);
    const missing = `${registry.host}/${repo}@sha256:${'0'.repeat(64)}`;
    const gone = await subject.update({
      containerId: name,
      targetImage: missing,
      targetReference: `${registry.host}/${repo}:9.9.9`,
    });
    expect(gone).toMatchObject({ outcome: 'failed', errorCode: 'pull' });
    expect(gone.reason).toMatch(/manifest unknown|not found/);
    const after = await inspect(name);
    expect(after.State.StartedAt).toBe(before.State.StartedAt);
    expect(after.Id).toBe(before.Id);
  });

  it('keeps the old container running when the registry stalls mid-pull (idle timeout)', async () => {
    const name = `tw-stall-${run}`;
    await start(name, images.v1.reference);
    const before = await inspect(name);
    let blobRequests = 0;
    const proxy = http.createServer((request, response) => {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: registry.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: registry.host },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          if (
            request.method === 'GET' &&
            /\/blobs\/sha256:/.test(request.url ?? '') &&
            Number(answer.headers['content-length'] ?? 0) > 10_000
          ) {
            blobRequests++;
            // Send the first bytes of the layer, then nothing: the registry hangs mid-transfer.
            answer.once('data', (chunk: Buffer) => response.write(chunk.subarray(0, 1024)));
            answer.pause();
            return;
          }
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const report = await updater({ pullIdleTimeoutMs: 1_500 }).updater.update({
        containerId: name,
        targetImage: `127.0.0.1:${port}/${repo}@${images.stall.digest}`,
        targetReference: `127.0.0.1:${port}/${repo}:3.0.0`,
      });
      expect(report).toMatchObject({ outcome: 'failed', errorCode: 'pull' });
      expect(report.reason).toMatch(/stalled: no progress for 1500 ms/);
      expect(blobRequests).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
    const after = await inspect(name);
    expect(after.State.StartedAt).toBe(before.State.StartedAt);
    expect(after.State.Running).toBe(true);
  });

  it('dry-run reports the image, the steps and the config diff without acting', async () => {
    const name = `tw-dry-${run}`;
    await start(name, images.v1.reference, [
      '--env',
      'FOO=bar',
      '--label',
      'tidewatch.update.test=true',
    ]);
    const before = await inspect(name);
    const report = await updater().updater.update({
      containerId: name,
      targetImage: byDigest(images.dry),
      targetReference: images.dry.reference,
      dryRun: true,
    });
    expect(report.outcome).toBe('dry-run');
    expect(report.toImage).toMatchObject({
      reference: images.dry.reference,
      pulled: byDigest(images.dry),
    });
    expect(report.plan?.map((step) => step.name)).toEqual([
      'pull',
      'test-run',
      'stop-old',
      'rename-old',
      'create-new',
      'start-new',
      'health',
      'remove-old',
    ]);
    expect(report.configDiff).toEqual(
      expect.arrayContaining([
        {
          path: 'Config.Image',
          before: images.v1.reference,
          after: images.dry.reference,
          note: 'the only intended change',
        },
        expect.objectContaining({
          path: 'Config.Env',
          after: ['FOO=bar'],
          note: 'values equal to the old image defaults are left to the new image',
        }),
      ]),
    );
    expect(await docker.inspectImageFull(byDigest(images.dry))).toBeNull();
    const after = await inspect(name);
    expect(after.State.StartedAt).toBe(before.State.StartedAt);
  });

  it("refuses to update Tidewatch's own container", async () => {
    const name = `tw-self-${run}`;
    const id = await start(name, images.v1.reference, ['--label', 'tidewatch.self=true']);
    const labelled = await updater().updater.update({
      containerId: name,
      targetImage: byDigest(images.v2),
    });
    expect(labelled).toMatchObject({ outcome: 'failed', errorCode: 'self' });
    expect(labelled.reason).toMatch(/container Tidewatch runs in/);
    const other = `tw-self2-${run}`;
    const otherId = await start(other, images.v1.reference);
    const detected = await updater({ ownContainerIds: [otherId.slice(0, 12)] }).updater.update({
      containerId: other,
      targetImage: byDigest(images.v2),
    });
    expect(detected).toMatchObject({ outcome: 'failed', errorCode: 'self' });
    expect((await inspect(name)).Id).toBe(id);
  });

  it('updates through a HEALTHCHECK that turns healthy; one update per container at a time', async () => {
    const name = `tw-healthy-${run}`;
    await start(name, images.v1.reference);
    const { updater: subject } = updater();
    const request = {
      containerId: name,
      targetImage: byDigest(images.healthy),
      targetReference: images.healthy.reference,
    };
    const [first, second] = await Promise.all([subject.update(request), subject.update(request)]);
    expect([first.outcome, second.outcome].sort()).toEqual(['unchanged', 'updated']);
    const updated = first.outcome === 'updated' ? first : second;
    expect(updated.steps.find((step) => step.name === 'health')?.detail).toMatch(
      /healthcheck healthy/,
    );
    expect(updated.timing.healthyAfterMs).toBeGreaterThan(0);
    expect((await inspect(name)).State).toMatchObject({
      Running: true,
      Health: { Status: 'healthy' },
    });
  });

  it('limits updates per host in a batch', async () => {
    const names = [0, 1, 2].map((i) => `tw-batch${i}-${run}`);
    for (const name of names) await start(name, images.v1.reference);
    const { updater: subject } = updater({ concurrency: 1 });
    const reports = await subject.updateMany(
      names.map((name) => ({
        containerId: name,
        targetImage: byDigest(images.v2),
        targetReference: images.v2.reference,
      })),
    );
    expect(reports.map((report) => report.outcome)).toEqual(['updated', 'updated', 'updated']);
    const windows = reports.map((report) => {
      const first = Date.parse(report.steps[0].startedAt);
      const last = report.steps.at(-1);
      return [first, Date.parse(last?.startedAt ?? '') + (last?.durationMs ?? 0)] as const;
    });
    windows.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < windows.length; i++)
      expect(windows[i][0]).toBeGreaterThanOrEqual(windows[i - 1][1]);
  });

  it('rolls back when an HTTP probe from the labels never answers (host network, 127.0.0.1 only)', async () => {
    const name = `tw-probe-${run}`;
    const port = await freePort();
    const id = (
      await engine.docker([
        'run',
        '-d',
        '--network',
        'host',
        '--name',
        name,
        '--label',
        `tidewatch.update.probe.http=http://127.0.0.1:${port}/health`,
        images.v1.reference,
        ...SERVICE_CMD,
      ])
    ).trim();
    created.push(name);
    const report = await updater({ healthTimeoutMs: 2_000 }).updater.update({
      containerId: name,
      targetImage: byDigest(images.v2),
      targetReference: images.v2.reference,
    });
    expect(report).toMatchObject({ outcome: 'rolled-back', errorCode: 'health' });
    expect(report.reason).toMatch(new RegExp(`http://127.0.0.1:${port}/health did not answer 2xx`));
    expect((await inspect(name)).Id).toBe(id);
  });
});

describe('ContainerUpdater: crash between the steps (SIGKILL) and recover()', () => {
  /** Runs an update in a child process that SIGKILLs itself right after journaling `step`. */
  async function crashAt(
    containerName: string,
    image: PushedImage,
    step: string,
  ): Promise<FileUpdateJournal> {
    const journalFile = path.join(
      workDir,
      `journal-${containerName}-${step.replace(':', '-')}.jsonl`,
    );
    const script = path.join(workDir, `child-${crypto.randomBytes(3).toString('hex')}.ts`);
    const src = path.resolve(__dirname, '..', '..');
    fs.writeFileSync(
      script,
      `
const { DockerRepository } = require(${JSON.stringify(path.join(src, 'docker', 'docker.repository.ts'))});
const { ContainerUpdater } = require(${JSON.stringify(path.join(src, 'actions', 'recreate', 'container-updater.ts'))});
const { FileUpdateJournal } = require(${JSON.stringify(path.join(src, 'actions', 'recreate', 'file-update-journal.ts'))});
const [socketPath, file, containerId, targetImage, targetReference, crashStep] = process.argv.slice(2);
class CrashingJournal extends FileUpdateJournal {
  async step(id: string, step: string, data?: Record<string, string>) {
    await super.step(id, step as never, data);
    if (step === crashStep) process.kill(process.pid, 'SIGKILL');
  }
}
const updater = new ContainerUpdater(new DockerRepository({ socketPath }), new CrashingJournal(file), undefined, { stableSeconds: 1 });
updater.update({ containerId, targetImage, targetReference }).then((report: unknown) => { console.log(JSON.stringify(report)); });
`,
    );
    const tsx = require.resolve('tsx/cjs');
    const child = spawn(
      process.execPath,
      [
        '--require',
        tsx,
        script,
        engine.socketPath,
        journalFile,
        containerName,
        byDigest(image),
        image.reference,
        step,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );
    if (signal !== 'SIGKILL')
      throw new Error(`the child was not killed at ${step} (${String(signal)}): ${stderr}`);
    return new FileUpdateJournal(journalFile);
  }

  it.each([
    ['stop-old:done', 'old stopped, not renamed'],
    ['rename-old:done', 'old stopped and renamed'],
    ['create-new:done', 'new created, not started'],
  ])(
    'SIGKILL at %s (%s) → recover() rolls back: the old container runs under its name',
    async (step) => {
      const name = `tw-crash-${step.split(':')[0]}-${run}`;
      const id = await start(name, images.v1.reference, ['--env', 'FOO=bar']);
      const before = await inspect(name);
      const journal = await crashAt(name, images.v2, step);
      const pending = await journal.pending();
      expect(pending).toHaveLength(1);
      expect((await inspect(id)).State.Running).toBe(false);

      const reports = await new ContainerUpdater(docker, journal, silentActionLogger, {
        stableSeconds: 1,
      }).recover();

      expect(reports).toEqual([
        expect.objectContaining({
          containerName: name,
          action: 'roll-back',
          outcome: 'rolled-back',
          ok: true,
        }),
      ]);
      const after = await inspect(name);
      expect(after.Id).toBe(id);
      expect(after.State.Running).toBe(true);
      expect(diffPaths(withoutRestartState(before), withoutRestartState(after))).toEqual([]);
      expect((await containerNames()).filter((n) => n.startsWith(name))).toEqual([name]);
      expect(await journal.pending()).toEqual([]);
    },
  );

  it('SIGKILL after the new container started → recover() checks its health and finishes the update', async () => {
    const name = `tw-crash-started-${run}`;
    const id = await start(name, images.v1.reference);
    const journal = await crashAt(name, images.v2, 'start-new:done');
    const reports = await new ContainerUpdater(docker, journal, silentActionLogger, {
      stableSeconds: 1,
    }).recover();
    expect(reports).toEqual([
      expect.objectContaining({ action: 'verify-new', outcome: 'updated', ok: true }),
    ]);
    const after = await inspect(name);
    expect(after.Id).not.toBe(id);
    expect(after.State.Running).toBe(true);
    expect((after.Config as { Image: string }).Image).toBe(images.v2.reference);
    expect((await containerNames()).filter((n) => n.startsWith(name))).toEqual([name]);
    await waitFor(async () => (await journal.pending()).length === 0, { timeoutMs: 1_000 });
  });
});
