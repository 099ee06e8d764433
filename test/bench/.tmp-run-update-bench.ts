import { startDockerEngine, startRegistry, stopAll } from '/work/main/test/env';
import { updateBench } from '/work/main/test/bench/update.bench';
(async () => {
  const [engine, registry] = await Promise.all([startDockerEngine(), startRegistry()]);
  try { await updateBench(engine, registry, { runs: 7 }); } finally { await stopAll(); }
})().catch(async (e) => { console.error(e); await stopAll(); process.exit(1); });
