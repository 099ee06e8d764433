// GET /api/containers latency with many stored containers, and the time from `docker run` to the
// container being visible in the API (engine event stream).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type DockerEngine, type TestRegistry, pushImage, removeContainer, runContainer } from '../env';
import { startServer } from '../support/server-process';
import { ms, percentile, printTable } from './stats';

function seedContainers(file: string, count: number): void {
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO container (id, watcher, name, identity, status, image, labels, result, update_kind, update_available, error_message, decision, checked_at)
     VALUES (@id, 'archive', @name, @identity, 'running', @image, @labels, @result, @updateKind, @updateAvailable, NULL, NULL, @checkedAt)`,
  );
  const rows = Array.from({ length: count }, (_, i) => {
    const tag = `1.${i % 40}.0`;
    return {
      id: `f${i.toString(16).padStart(63, '0')}`,
      name: `stored-${i}`,
      identity: `archive/stored-${i}`,
      image: JSON.stringify({
        id: `sha256:${'1'.repeat(64)}`, reference: `registry.example/acme/app${i % 50}:${tag}`, registryHost: 'registry.example',
        registry: { name: 'custom.registry-example', url: 'https://registry.example/v2' }, name: `acme/app${i % 50}`,
        tag: { value: tag, semver: true }, digest: { watch: false, value: null, repo: null, repoDigests: [] },
        architecture: 'amd64', os: 'linux', variant: null, created: null,
      }),
      labels: JSON.stringify({ 'com.docker.compose.project': `stack${i % 10}`, 'tidewatch.display.name': `Stored ${i}` }),
      result: JSON.stringify({ tag: '1.40.0', digest: null, link: null, created: null }),
      updateKind: JSON.stringify({ kind: 'tag', localValue: tag, remoteValue: '1.40.0', semverDiff: 'minor' }),
      updateAvailable: i % 3 === 0 ? 1 : 0,
      checkedAt: new Date().toISOString(),
    };
  });
  db.transaction(() => rows.forEach((row) => insert.run(row)))();
  db.close();
}

export async function apiBench(engine: DockerEngine, registry: TestRegistry, options: { stored: number }): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tw-bench-api-'));
  const image = (await pushImage(engine, registry, 'bench/pickup', '1.0.0')).reference;
  const env = { TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath, TIDEWATCH_LOG_LEVEL: 'warn' };
  const server = await startServer({ env, dataDir });
  try {
    // The first start ran the migrations; seed the table, then start again to read it cold.
    await server.kill();
    seedContainers(join(dataDir, 'tidewatch.db'), options.stored);
    await server.restart();

    const latencies: number[] = [];
    let size = 0;
    for (let i = 0; i < 320; i += 1) {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/containers`);
      const text = await response.text();
      const elapsed = performance.now() - started;
      if (i >= 20) latencies.push(elapsed); // the first requests warm up the JIT
      size = text.length;
    }

    const pickups: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const name = `pickup-${i}`;
      const started = performance.now();
      await runContainer(engine, image, { name });
      const ran = performance.now();
      for (;;) {
        const response = await fetch(`${server.url}/api/containers?name=${name}`);
        if (((await response.json()) as unknown[]).length > 0) break;
        if (performance.now() - started > 10_000) throw new Error(`${name} never appeared`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      pickups.push(performance.now() - ran);
      void started;
      await removeContainer(engine, name);
    }

    printTable(`REST API: GET /api/containers with ${options.stored} stored containers; docker run → visible`, [
      ['response size', `${(size / 1024).toFixed(0)} KiB`],
      ['GET /api/containers p50', ms(percentile(latencies, 50))],
      ['GET /api/containers p99', ms(percentile(latencies, 99))],
      ['pickup (docker run returned → in API) p50', ms(percentile(pickups, 50))],
      ['pickup max of 10', ms(Math.max(...pickups))],
    ]);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
