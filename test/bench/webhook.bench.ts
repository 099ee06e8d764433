// Push-to-notification latency: a real registry posts its push notifications to the server; each
// push of a newer tag must reach the webhook trigger's receiver. Target: p50 < 1 s, p99 < 3 s.
// Measured from the end of the push (the manifest PUT answered) to the receiver's request, and
// from its start. Includes the server's burst window (400 ms of quiet) by design.
import {
  type DockerEngine,
  type TestRegistry,
  freePort,
  pushTags,
  runContainer,
  startRegistry,
  waitFor,
} from '../env';
import { startHttpReceiver } from '../support/receivers';
import { api, startServer } from '../support/server-process';
import { ms, percentile, printTable } from './stats';

const TOKEN = 'bench-webhook-token-0123';

export interface PushBenchOptions {
  pushes?: number;
}

/**
 * `registry` is not used: push notifications are part of a registry's start-up configuration, so
 * the bench starts its own registry that notifies the server (on a port chosen beforehand).
 */
export async function pushBench(
  engine: DockerEngine,
  _registry?: TestRegistry,
  options: PushBenchOptions = {},
): Promise<{ p50: number; p99: number }> {
  const pushes = options.pushes ?? 20;
  const registryPort = await freePort();
  const receiver = await startHttpReceiver();
  const server = await startServer({
    env: {
      TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
      TIDEWATCH_WATCHER_LOCAL_CRON: '0 0 1 1 *',
      TIDEWATCH_REGISTRY_CUSTOM_BENCH_URL: `http://127.0.0.1:${registryPort}`,
      TIDEWATCH_REGISTRY_CUSTOM_BENCH_WEBHOOK_TOKEN: TOKEN,
      TIDEWATCH_TRIGGER_WEBHOOK_BENCH_URL: `${receiver.url}/hook`,
      TIDEWATCH_LOG_LEVEL: 'warn',
    },
  });
  const registry = await startRegistry({
    port: registryPort,
    notifications: {
      url: `${server.url}/api/webhooks/registry/bench`,
      headers: { Authorization: [`Bearer ${TOKEN}`] },
      timeoutMs: 2000,
      backoffMs: 200,
    },
  });
  const name = `push-bench-${Date.now()}`;
  try {
    await pushTags(engine, registry, 'bench/pushed', ['1.0.0']);
    await runContainer(engine, `${registry.host}/bench/pushed:1.0.0`, { name });
    await waitFor(
      async () =>
        (await api<Array<{ name: string; result: unknown }>>(server, '/api/containers')).body.some(
          (container) => container.name === name && container.result !== null,
        ),
      { what: 'the container checked', timeoutMs: 30_000 },
    );
    const fromEnd: number[] = [];
    const fromStart: number[] = [];
    for (let i = 1; i <= pushes; i++) {
      const tag = `1.${i}.0`;
      const before = receiver.requests.length;
      const started = Date.now();
      await pushTags(null, registry, 'bench/pushed', [tag]);
      const pushed = Date.now();
      const request = await waitFor(
        () => receiver.requests.slice(before).find((entry) => entry.body.includes(`"${tag}"`)),
        { what: `notification for ${tag}`, timeoutMs: 15_000 },
      );
      fromEnd.push(request.at - pushed);
      fromStart.push(request.at - started);
    }
    const p50 = percentile(fromEnd, 50);
    const p99 = percentile(fromEnd, 99);
    printTable(
      `Push-to-notification latency (${pushes} pushes of a newer tag, registry notifications → webhook trigger)`,
      [
        [
          'after the push completed: p50 / p99 / max',
          `${ms(p50)} / ${ms(p99)} / ${ms(Math.max(...fromEnd))}`,
        ],
        [
          'from the start of the push: p50 / p99',
          `${ms(percentile(fromStart, 50))} / ${ms(percentile(fromStart, 99))}`,
        ],
        ['target', 'p50 < 1 s, p99 < 3 s'],
      ],
    );
    return { p50, p99 };
  } finally {
    await server.stop();
    await Promise.all([registry.stop(), receiver.close()]);
    await engine.docker(['rm', '-f', name]).catch(() => undefined);
  }
}
