// Acting on updates through the API and the trigger engine: the Update button (a docker trigger
// with AUTO=false run for one container) and an automatic update (AUTO=true, threshold patch), on a
// real engine and registry; the history keeps every step.
import type { Container } from '@tidewatch/api-client';
import { type DockerEngine, type TestRegistry, pushImage, runContainer, startDockerEngine, startRegistry, waitFor } from '../env';
import { type HttpReceiver, startHttpReceiver } from '../support/receivers';
import { api, type ServerProcess, startServer } from '../support/server-process';

interface RunResult {
  ok: boolean;
  summary: string | null;
  error: string | null;
  runId: string;
}
interface HistoryPage {
  items: Array<{ id: string; trigger: string; status: string; origin: string; containerName: string | null; steps: Array<{ name: string; durationMs: number; ok: boolean }> | null }>;
}

describe('update actions', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let server: ServerProcess;
  let receiver: HttpReceiver;

  const containers = async () => Object.fromEntries((await api<Container[]>(server, '/api/containers')).body.map((c) => [c.name, c]));
  const imageOf = async (name: string) => (await engine.docker(['inspect', '--format', '{{.Config.Image}}', name])).trim();
  const healthcheck = { cmd: ['true'], interval: '1s', retries: 1 };

  beforeAll(async () => {
    [engine, registry, receiver] = await Promise.all([startDockerEngine(), startRegistry(), startHttpReceiver()]);
    for (const [repo, tag] of [['acme/api', '1.0.0'], ['acme/worker', '2.0.0']] as const) {
      const pushed = await pushImage(engine, registry, repo, tag, { healthcheck });
      await runContainer(engine, pushed.reference, { name: repo.split('/')[1], labels: { 'tidewatch.test': 'yes' } });
    }
    server = await startServer({
      env: {
        TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
        TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false',
        TIDEWATCH_TRIGGER_DOCKER_MANUAL_AUTO: 'false',
        TIDEWATCH_TRIGGER_DOCKER_MANUAL_HEALTH_TIMEOUT: '30000',
        TIDEWATCH_TRIGGER_DOCKER_AUTOPATCH_THRESHOLD: 'patch',
        TIDEWATCH_TRIGGER_DOCKER_AUTOPATCH_INCLUDE: 'worker',
        TIDEWATCH_TRIGGER_WEBHOOK_OUTCOMES_URL: `${receiver.url}/outcomes`,
        TIDEWATCH_TRIGGER_WEBHOOK_OUTCOMES_EVENTS: 'update-applied,rolled-back,update-failed',
        TIDEWATCH_TRIGGER_WEBHOOK_OUTCOMES_PAYLOAD: 'event',
      },
    });
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([engine?.stop(), registry?.stop(), receiver?.close()]);
  });

  const outcomes = () => receiver.requests.map((request) => JSON.parse(request.body) as { kind: string; container: { name: string }; message?: string });

  it('lists the action triggers of a container', async () => {
    await api(server, '/api/containers/watch', { method: 'POST' });
    const { api: apiContainer } = await containers();
    const { body } = await api<Array<{ id: string; auto: boolean }>>(server, `/api/containers/${apiContainer.id}/triggers`);
    // docker.autopatch is limited to the worker container by its INCLUDE list.
    expect(body.map((trigger) => trigger.id)).toEqual(['docker.manual', 'webhook.outcomes']);
    expect(body[0].auto).toBe(false);
  });

  it('updates a container when a person presses Update, keeping every step in the history', async () => {
    await pushImage(engine, registry, 'acme/api', '1.1.0', { healthcheck });
    await engine.docker(['rmi', `${registry.host}/acme/api:1.1.0`]);
    await api(server, '/api/containers/watch', { method: 'POST' });
    const before = (await containers()).api;
    expect(before.result?.tag).toBe('1.1.0');
    expect(await imageOf('api')).toBe(`${registry.host}/acme/api:1.0.0`);

    const { status, body } = await api<RunResult>(server, `/api/containers/${before.id}/triggers/docker/manual`, { method: 'POST' });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.summary).toContain('updated');
    expect(await imageOf('api')).toBe(`${registry.host}/acme/api:1.1.0`);

    const after = await waitFor(async () => {
      const current = (await containers()).api;
      return current && current.id !== before.id && current.image.tag.value === '1.1.0' ? current : undefined;
    }, { what: 'the recreated container in the API', timeoutMs: 10_000 });
    expect(after.identity).toBe(before.identity);
    expect(after.updateAvailable).toBe(false);

    const history = (await api<HistoryPage>(server, '/api/history?trigger=docker.manual')).body;
    const run = history.items.find((item) => item.id === body.runId);
    expect(run).toMatchObject({ status: 'success', origin: 'manual', containerName: 'api' });
    const stepNames = run?.steps?.map((step) => step.name) ?? [];
    expect(stepNames).toEqual(expect.arrayContaining(['pull', 'stop-old', 'create-new', 'start-new', 'health', 'remove-old']));
  });

  it('rolls back an update whose new image is unhealthy, keeps the old container, and announces it', async () => {
    const before = (await containers()).api;
    const oldId = (await engine.docker(['inspect', '--format', '{{.Id}}', 'api'])).trim();
    await pushImage(engine, registry, 'acme/api', '1.2.0', { healthcheck: { cmd: ['false'], interval: '1s', retries: 1 } });
    await engine.docker(['rmi', `${registry.host}/acme/api:1.2.0`]);
    await api(server, '/api/containers/watch', { method: 'POST' });
    expect((await containers()).api.result?.tag).toBe('1.2.0');
    const { status, body } = await api<{ message: string }>(server, `/api/containers/${before.id}/triggers/docker/manual`, { method: 'POST' });
    expect(status).toBe(502);
    expect(body.message).toMatch(/health/i);
    // The old container is back, under its name, on its old image.
    expect((await engine.docker(['inspect', '--format', '{{.Id}} {{.State.Running}} {{.Config.Image}}', 'api'])).trim()).toBe(`${oldId} true ${registry.host}/acme/api:1.1.0`);
    const announced = await waitFor(() => outcomes().find((event) => event.kind === 'rolled-back'), { what: 'the rolled-back event', timeoutMs: 15_000 });
    expect(announced.container.name).toBe('api');
    expect(outcomes().filter((event) => event.kind === 'update-applied').map((event) => event.container.name)).toContain('api');
  });

  it('applies a patch update automatically with AUTO=true and threshold patch', async () => {
    await pushImage(engine, registry, 'acme/worker', '2.0.1', { healthcheck });
    await pushImage(engine, registry, 'acme/worker', '3.0.0', { healthcheck });
    await engine.docker(['rmi', `${registry.host}/acme/worker:2.0.1`, `${registry.host}/acme/worker:3.0.0`]);
    // The candidate is 3.0.0 (major): the patch threshold keeps the automatic trigger quiet.
    await api(server, '/api/containers/watch', { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await imageOf('worker')).toBe(`${registry.host}/acme/worker:2.0.0`);
    // Limited to patch versions by its include label, the container's candidate is 2.0.1: applied.
    const worker = (await containers()).worker;
    await engine.docker(['rm', '-f', 'worker']);
    await runContainer(engine, `${registry.host}/acme/worker:2.0.0`, { name: 'worker', labels: { 'tidewatch.tag.include': '^2\\.0\\.\\d+$' }, healthcheck });
    await waitFor(async () => (await containers()).worker?.id !== worker.id, { what: 'recreated worker in the API', timeoutMs: 10_000 });
    await api(server, '/api/containers/watch', { method: 'POST' });
    await waitFor(async () => (await imageOf('worker')) === `${registry.host}/acme/worker:2.0.1`, { what: 'automatic update to 2.0.1', timeoutMs: 60_000, intervalMs: 250 });
    // The run is recorded once the whole update (health gate, clean-up) is done.
    const run = await waitFor(async () => (await api<HistoryPage>(server, '/api/history?trigger=docker.autopatch')).body.items[0], { what: 'the automatic run in the history', timeoutMs: 30_000 });
    expect(run).toMatchObject({ status: 'success', origin: 'auto', containerName: 'worker' });
  });
});
