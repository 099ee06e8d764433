// Trigger delivery throughput: one check queues 1 000 webhook deliveries (20 webhook triggers × 50
// containers with an update) in the outbox; a local receiver records arrival times. Prints the
// throughput and the enqueue-to-delivery latency (event time → arrival).
import { type DockerEngine, type TestRegistry, pushTags, runContainer } from '../env';
import { startHttpReceiver } from '../support/receivers';
import { api, startServer } from '../support/server-process';
import { ms, percentile, pool, printTable } from './stats';

export async function deliveryBench(engine: DockerEngine, registry: TestRegistry, options: { triggers: number; containers: number }): Promise<void> {
  const receiver = await startHttpReceiver();
  const repos = Array.from({ length: 5 }, (_, i) => `delivery/app${i}`);
  await pool(repos, 3, (repo) => pushTags(engine, registry, repo, ['1.0.0', '1.1.0']));
  await pool(
    Array.from({ length: options.containers }, (_, i) => i),
    6,
    (i) => runContainer(engine, `${registry.host}/${repos[i % repos.length]}:1.0.0`, { name: `delivery-${i}` }),
  );
  const env: Record<string, string> = { TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath, TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false', TIDEWATCH_LOG_LEVEL: 'warn' };
  for (let t = 0; t < options.triggers; t += 1) env[`TIDEWATCH_TRIGGER_WEBHOOK_HOOK${t}_URL`] = `${receiver.url}/hook/${t}`;
  const server = await startServer({ env });
  try {
    const expected = options.triggers * options.containers;
    const started = Date.now();
    const { status } = await api(server, '/api/containers/watch', { method: 'POST' });
    if (status !== 200) throw new Error(`watch failed with ${status}`);
    const queuedAfter = Date.now() - started;
    const deadline = Date.now() + 120_000;
    while (receiver.requests.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const arrivals = receiver.requests.map((request) => request.at);
    const latencies = receiver.requests.map((request) => request.at - Date.parse((JSON.parse(request.body) as { checkedAt: string }).checkedAt));
    const span = Math.max(...arrivals) - Math.min(...arrivals);
    const ids = new Set(receiver.requests.map((request) => request.headers['idempotency-key']));
    printTable(`Trigger delivery: ${options.triggers} webhook triggers × ${options.containers} containers`, [
      ['deliveries received / expected', `${receiver.requests.length} / ${expected} (distinct idempotency keys: ${ids.size})`],
      ['check + enqueue (POST /api/containers/watch)', ms(queuedAfter)],
      ['throughput (first → last arrival)', `${((receiver.requests.length / Math.max(span, 1)) * 1000).toFixed(0)} deliveries/s`],
      ['enqueue → delivery p50', ms(percentile(latencies, 50))],
      ['enqueue → delivery p99', ms(percentile(latencies, 99))],
    ]);
  } finally {
    await server.stop();
    await receiver.close();
    await engine.docker(['rm', '-f', ...Array.from({ length: options.containers }, (_, i) => `delivery-${i}`)]).catch(() => undefined);
  }
}
