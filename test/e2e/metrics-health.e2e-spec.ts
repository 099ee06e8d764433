// GET /metrics (Prometheus) and GET /health/ready against the built server with a real engine,
// registry (Basic auth) and trigger receivers: values reflect what happened; the token is
// required; readiness follows the database (a real PostgreSQL that is stopped).
import {
  type DockerEngine,
  type TestPostgres,
  type TestRegistry,
  pushTags,
  runContainer,
  startDockerEngine,
  startPostgres,
  startRegistry,
  waitFor,
} from '../env';
import { type HttpReceiver, startHttpReceiver } from '../support/receivers';
import { type ServerProcess, api, startServer } from '../support/server-process';

const METRICS_TOKEN = 'metrics-token-0123456789';

/** `name{a="b",…} value` lines → value by `name{labels}` (labels as printed). */
function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const space = line.lastIndexOf(' ');
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

function series(
  metrics: Map<string, number>,
  name: string,
  labels: Record<string, string>,
): number | undefined {
  for (const [key, value] of metrics) {
    if (!key.startsWith(`${name}{`) && key !== name) continue;
    if (Object.entries(labels).every(([label, expected]) => key.includes(`${label}="${expected}"`)))
      return value;
  }
  return undefined;
}

describe('metrics and health', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let ok: HttpReceiver;
  let broken: HttpReceiver;
  let server: ServerProcess;

  const scrape = async (token: string | null = METRICS_TOKEN) => {
    const response = await fetch(`${server.url}/metrics`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  beforeAll(async () => {
    [engine, registry, ok, broken] = await Promise.all([
      startDockerEngine(),
      startRegistry({ auth: 'basic' }),
      startHttpReceiver(),
      startHttpReceiver(),
    ]);
    broken.respond(500);
    await pushTags(engine, registry, 'acme/shop', ['1.0.0', '1.1.0']);
    await pushTags(engine, registry, 'acme/cache', ['latest']);
    await runContainer(engine, `${registry.host}/acme/shop:1.0.0`, { name: 'shop' });
    await runContainer(engine, `${registry.host}/acme/cache:latest`, { name: 'cache' });
    server = await startServer({
      env: {
        TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
        TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false',
        TIDEWATCH_METRICS_TOKEN: METRICS_TOKEN,
        TIDEWATCH_REGISTRY_CUSTOM_PRIVATE_URL: registry.url,
        TIDEWATCH_REGISTRY_CUSTOM_PRIVATE_LOGIN: registry.user ?? '',
        TIDEWATCH_REGISTRY_CUSTOM_PRIVATE_PASSWORD: registry.password ?? '',
        TIDEWATCH_TRIGGER_WEBHOOK_OK_URL: `${ok.url}/hook`,
        TIDEWATCH_TRIGGER_WEBHOOK_BROKEN_URL: `${broken.url}/hook`,
        TIDEWATCH_DELIVERY_RETRIES: '0',
      },
    });
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([engine?.stop(), registry?.stop(), ok?.close(), broken?.close()]);
  });

  it('refuses scrapes without the metrics token', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape('wrong-token-0123456789')).status).toBe(401);
    const good = await scrape();
    expect(good.status).toBe(200);
    expect(good.type).toContain('text/plain');
  });

  it('reports containers, updates, check durations, registry requests, trigger runs and the outbox', async () => {
    expect((await api(server, '/api/containers/watch', { method: 'POST' })).status).toBe(200);
    await waitFor(() => ok.requests.length === 1, { what: 'the ok trigger', timeoutMs: 15_000 });
    const metrics = parseMetrics(
      (
        await waitFor(
          async () => {
            const { text } = await scrape();
            const parsed = parseMetrics(text);
            return series(parsed, 'tidewatch_trigger_runs_total', {
              name: 'broken',
              status: 'error',
            }) === 1 && series(parsed, 'tidewatch_outbox_depth', { status: 'failed' }) === 1
              ? { text }
              : undefined;
          },
          { what: 'the broken trigger to give up', timeoutMs: 15_000 },
        )
      ).text,
    );
    expect(
      series(metrics, 'tidewatch_containers', { watcher: 'local', status: 'update_available' }),
    ).toBe(1);
    expect(
      series(metrics, 'tidewatch_containers', { watcher: 'local', status: 'up_to_date' }),
    ).toBe(1);
    expect(series(metrics, 'tidewatch_containers', { watcher: 'local', status: 'error' })).toBe(0);
    expect(series(metrics, 'tidewatch_updates', { kind: 'minor' })).toBe(1);
    expect(series(metrics, 'tidewatch_updates', { kind: 'major' })).toBe(0);
    expect(series(metrics, 'tidewatch_check_duration_seconds_count', { watcher: 'local' })).toBe(1);
    expect(
      series(metrics, 'tidewatch_check_cycles_total', { watcher: 'local', result: 'success' }),
    ).toBe(1);
    expect(series(metrics, 'tidewatch_watcher_up', { watcher: 'local' })).toBe(1);
    expect(
      series(metrics, 'tidewatch_registry_requests_total', {
        registry: 'custom.private',
        kind: 'tags',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      series(metrics, 'tidewatch_registry_requests_total', {
        registry: 'custom.private',
        kind: 'manifest-head',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(1);
    // Basic auth: the first request of each kind is challenged.
    expect(
      series(metrics, 'tidewatch_registry_requests_total', {
        registry: 'custom.private',
        status: '401',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      series(metrics, 'tidewatch_trigger_runs_total', {
        type: 'webhook',
        name: 'ok',
        status: 'success',
      }),
    ).toBe(1);
    expect(series(metrics, 'tidewatch_outbox_depth', { status: 'pending' })).toBe(0);
    expect(series(metrics, 'tidewatch_outbox_oldest_pending_age_seconds', {})).toBe(0);
    expect(series(metrics, 'tidewatch_update_outcomes_total', { outcome: 'applied' })).toBe(0);
    expect(series(metrics, 'tidewatch_database_up', {})).toBe(1);
    expect(series(metrics, 'tidewatch_info', { version: '0.1.0' })).toBe(1);
    // Default Node.js metrics.
    expect(series(metrics, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
    expect(series(metrics, 'nodejs_heap_size_used_bytes', {})).toBeGreaterThan(0);
  });

  it('is ready with the database and the watcher up', async () => {
    const ready = await api<{
      status: string;
      database: { ok: boolean };
      watchers: Array<{ name: string; connected: boolean }>;
    }>(server, '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      database: { ok: true },
      watchers: [{ name: 'local', connected: true }],
    });
  });

  describe('with PostgreSQL', () => {
    let postgres: TestPostgres;
    let pgServer: ServerProcess;

    beforeAll(async () => {
      postgres = await startPostgres();
      pgServer = await startServer({
        env: {
          TIDEWATCH_DATABASE_URL: postgres.url,
          TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
          TIDEWATCH_METRICS_AUTH: 'false',
        },
      });
    });

    afterAll(async () => {
      await pgServer?.stop();
      await postgres?.stop().catch(() => undefined);
    });

    it('answers 503 on /health/ready when the database goes away, while /health stays 200', async () => {
      expect((await api<{ status: string }>(pgServer, '/health/ready')).body.status).toBe('ready');
      const open = await fetch(`${pgServer.url}/metrics`);
      expect(open.status).toBe(200);
      await postgres.stop();
      const down = await waitFor(
        async () => {
          const response = await api<{
            status: string;
            database: { ok: boolean; error: string | null };
          }>(pgServer, '/health/ready');
          return response.status === 503 ? response : undefined;
        },
        { what: '503 from /health/ready', timeoutMs: 15_000 },
      );
      expect(down.body).toMatchObject({ status: 'unavailable', database: { ok: false } });
      expect(down.body.database.error).toEqual(expect.any(String));
      expect((await api(pgServer, '/health')).status).toBe(200);
      const metrics = parseMetrics(await (await fetch(`${pgServer.url}/metrics`)).text());
      expect(series(metrics, 'tidewatch_database_up', {})).toBe(0);
    });
  });
});
