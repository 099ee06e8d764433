// `npm run bench [-- detection api delivery update push ui]`: benchmarks on the real test
// environment. Figures are printed for the closing notes, never asserted.
import { startDockerEngine, startRegistry, stopAll } from '../env';
import { apiBench } from './api.bench';
import { deliveryBench } from './delivery.bench';
import { detectionBench } from './detection.bench';
import { uiBench } from './ui.bench';
import { updateBench } from './update.bench';
import { pushBench } from './webhook.bench';

const BENCHES = ['detection', 'api', 'delivery', 'update', 'push', 'ui'] as const;
type BenchName = (typeof BENCHES)[number];

function numberEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((arg): arg is BenchName => (BENCHES as readonly string[]).includes(arg));
  const selected = requested.length > 0 ? requested : [...BENCHES];
  const [engine, registry] = await Promise.all([startDockerEngine(), startRegistry()]);
  try {
    for (const bench of selected) {
      switch (bench) {
        case 'detection':
          await detectionBench(engine, registry, {
            containers: numberEnv('BENCH_CONTAINERS', 200),
            repositories: numberEnv('BENCH_REPOSITORIES', 20),
            tags: numberEnv('BENCH_TAGS', 30),
          });
          break;
        case 'api':
          await apiBench(engine, registry, { stored: numberEnv('BENCH_STORED', 1000) });
          break;
        case 'delivery':
          await deliveryBench(engine, registry, { triggers: numberEnv('BENCH_TRIGGERS', 20), containers: numberEnv('BENCH_DELIVERY_CONTAINERS', 50) });
          break;
        case 'update':
          await updateBench(engine, registry, { runs: numberEnv('BENCH_UPDATES', 5) });
          break;
        case 'push':
          await pushBench(engine, registry);
          break;
        case 'ui':
          await uiBench(engine, registry, { stored: numberEnv('BENCH_STORED', 1000) });
          break;
      }
    }
  } finally {
    await stopAll();
  }
}

main().catch(async (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await stopAll();
  process.exit(1);
});
