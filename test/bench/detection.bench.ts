// One full check of N containers over K repositories with T tags each, on the real engine and
// registry: wall time, registry requests by kind (from the registry's access log), server RSS.
import { type DockerEngine, type TestRegistry, pushTags, runContainer } from '../env';
import { api, startServer } from '../support/server-process';
import { ms, pool, printTable, rssMb } from './stats';

export interface DetectionBenchOptions {
  containers: number;
  repositories: number;
  tags: number;
}

export async function detectionBench(engine: DockerEngine, registry: TestRegistry, options: DetectionBenchOptions): Promise<void> {
  const { containers, repositories, tags } = options;
  // Half the repositories are version-tracked (containers on the oldest tag, so each has an
  // update), half are mutable `latest` tags watched by digest.
  const repos = Array.from({ length: repositories }, (_, k) => ({ repo: `bench/app${k}`, semver: k % 2 === 0 }));
  await pool(repos, 4, async ({ repo, semver }) => {
    const names = semver ? Array.from({ length: tags }, (_, i) => `1.${i}.0`) : ['latest', ...Array.from({ length: tags - 1 }, (_, i) => `build-${i}`)];
    await pushTags(engine, registry, repo, names);
  });
  await pool(
    Array.from({ length: containers }, (_, i) => i),
    6,
    async (i) => {
      const { repo, semver } = repos[i % repositories];
      await runContainer(engine, `${registry.host}/${repo}:${semver ? '1.0.0' : 'latest'}`, { name: `bench-${i}` });
    },
  );
  const server = await startServer({ env: { TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath, TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false', TIDEWATCH_LOG_LEVEL: 'warn' } });
  try {
    const rows: Array<[string, string]> = [];
    for (const run of ['first (cold: tokens, connections)', 'second (warm)']) {
      await registry.clearAccessLog();
      const started = performance.now();
      const { status, body } = await api<Array<{ updateAvailable: boolean; error: unknown }>>(server, '/api/containers/watch', { method: 'POST' });
      const wall = performance.now() - started;
      if (status !== 200) throw new Error(`watch failed: ${status}`);
      const counts = await registry.countByKind();
      const requests = Object.entries(counts)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => `${kind}=${count}`)
        .join(' ');
      rows.push([`${run}: wall time`, ms(wall)]);
      rows.push([`${run}: containers / updates / errors`, `${body.length} / ${body.filter((c) => c.updateAvailable).length} / ${body.filter((c) => c.error).length}`]);
      rows.push([`${run}: registry requests`, requests || 'none']);
    }
    rows.push(['target requests per cycle', `≤ ${repositories / 2} tag lists + ${repositories / 2} digest HEADs (+ 1 HEAD per distinct candidate tag)`]);
    rows.push(['server RSS after the checks', `${rssMb(server.pid).toFixed(0)} MB`]);
    printTable(`Detection: ${containers} containers, ${repositories} repositories, ${tags} tags each`, rows);
  } finally {
    await server.stop();
    await engine.docker(['rm', '-f', ...Array.from({ length: containers }, (_, i) => `bench-${i}`)]).catch(() => undefined);
  }
}
