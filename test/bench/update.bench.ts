// Safe recreate of a container with a 1 s HEALTHCHECK, on the real engine and registry: time from
// "update requested" to "new container healthy" (pull by digest included: the target image is
// never in the engine beforehand), and the downtime window — from the old container's exit to
// the new one's start, as the engine timestamps them (State.FinishedAt / State.StartedAt).
import { DockerRepository } from '../../apps/server/src/docker/docker.repository';
import { silentActionLogger } from '../../apps/server/src/actions/common/action-logger';
import { ContainerUpdater } from '../../apps/server/src/actions/recreate/container-updater';
import { InMemoryUpdateJournal } from '../../apps/server/src/actions/recreate/update-journal';
import { type DockerEngine, type TestRegistry, pushImage } from '../env';
import { ms, percentile, printTable } from './stats';

export interface UpdateBenchOptions {
  /** Updates measured (alternating between two versions). Default 5. */
  runs?: number;
}

export interface UpdateBenchResult {
  requestToHealthyMs: number[];
  downtimeMs: number[];
}

/** A PID 1 that exits on SIGTERM at once, like a well-behaved service. */
const SERVICE_CMD = ['sh', '-c', 'trap "exit 0" TERM INT; sleep 100000 & wait'];

export async function updateBench(
  engine: DockerEngine,
  registry: TestRegistry,
  options: UpdateBenchOptions = {},
): Promise<UpdateBenchResult> {
  const runs = options.runs ?? 5;
  const repo = `bench/update-${Date.now().toString(36)}`;
  const healthcheck = { cmd: ['true'], interval: '1s', timeout: '1s', retries: 1 };
  const versions = [
    await pushImage(engine, registry, repo, '1.0.0', { cmd: SERVICE_CMD, healthcheck }),
    await pushImage(engine, registry, repo, '1.1.0', { cmd: SERVICE_CMD, healthcheck }),
  ];
  await engine.docker(['rmi', versions[1].reference]);
  const name = 'bench-update';
  await engine.docker(['run', '-d', '--network', 'none', '--name', name, versions[0].reference]);
  const docker = new DockerRepository({ socketPath: engine.socketPath });
  // Pruning the old image after each update makes the next update pull for real again.
  const updater = new ContainerUpdater(docker, new InMemoryUpdateJournal(), silentActionLogger, {
    pruneOldImage: true,
    healthTimeoutMs: 30_000,
  });
  const result: UpdateBenchResult = { requestToHealthyMs: [], downtimeMs: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const target = versions[(i + 1) % 2];
      const report = await updater.update({
        containerId: name,
        targetImage: `${registry.host}/${repo}@${target.digest}`,
        targetReference: target.reference,
      });
      if (report.outcome !== 'updated')
        throw new Error(`update ${i + 1} ended ${report.outcome}: ${report.reason ?? ''}`);
      result.requestToHealthyMs.push(report.timing.healthyAfterMs ?? NaN);
      result.downtimeMs.push(report.timing.downtimeMs ?? NaN);
    }
  } finally {
    await engine.docker(['rm', '-f', name], undefined, { allowFail: true });
  }
  const row = (values: number[]): string =>
    `median ${ms(percentile(values, 50))}, p90 ${ms(percentile(values, 90))}, min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}`;
  printTable(`Safe recreate, 1 s HEALTHCHECK (${runs} updates, pull by digest included)`, [
    ['update requested → new container healthy', row(result.requestToHealthyMs)],
    ['downtime (old exited → new started)', row(result.downtimeMs)],
  ]);
  return result;
}
