// Instant detection: a real distribution registry posts its push notifications to the built
// server; a newer tag pushed with `docker push` (or through the registry API) reaches the webhook
// trigger's receiver without any scheduled or requested check. Also: per-registry auth (bearer,
// HMAC), 401/400 change nothing, bursts are checked once, unconfirmed pushes are not acted on,
// and only the pushed repository is checked again.
import { createHmac } from 'node:crypto';
import type { Container } from '@tidewatch/api-client';
import {
  type DockerEngine,
  type TestRegistry,
  freePort,
  pushImage,
  pushTags,
  runContainer,
  startDockerEngine,
  startRegistry,
  waitFor,
} from '../env';
import { type HttpReceiver, startHttpReceiver } from '../support/receivers';
import { type ServerProcess, api, startServer } from '../support/server-process';

const TOKEN = 'push-webhook-token-0123';
const REGISTRY = 'local';

describe('registry push webhooks', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let receiver: HttpReceiver;
  let server: ServerProcess;

  const hook = (
    body: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
    name = REGISTRY,
  ) =>
    api<{
      status: string;
      format: string;
      pushes: Array<{ repository: string; tags: string[]; containers: number }>;
    }>(server, `/api/webhooks/registry/${name}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers,
    });
  const containers = async () => (await api<Container[]>(server, '/api/containers')).body;
  const notificationsFor = (tag: string) =>
    receiver.requests.filter(
      (request) => (JSON.parse(request.body) as Container).result?.tag === tag,
    );
  const requestsFor = async (repository: string, since: number) =>
    (await registry.accessLog(since)).filter((entry) => entry.repository === repository);

  beforeAll(async () => {
    const registryPort = await freePort();
    [engine, receiver] = await Promise.all([startDockerEngine(), startHttpReceiver()]);
    server = await startServer({
      env: {
        TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
        // No scheduled check during the test: only webhooks (and engine events) cause checks.
        TIDEWATCH_WATCHER_LOCAL_CRON: '0 0 1 1 *',
        TIDEWATCH_REGISTRY_CUSTOM_LOCAL_URL: `http://127.0.0.1:${registryPort}`,
        TIDEWATCH_REGISTRY_CUSTOM_LOCAL_WEBHOOK_TOKEN: TOKEN,
        TIDEWATCH_TRIGGER_WEBHOOK_HOOK_URL: `${receiver.url}/hook`,
        TIDEWATCH_DELIVERY_BACKOFF: '200',
      },
    });
    registry = await startRegistry({
      port: registryPort,
      notifications: {
        url: `${server.url}/api/webhooks/registry/${REGISTRY}`,
        headers: { Authorization: [`Bearer ${TOKEN}`] },
        timeoutMs: 2000,
        backoffMs: 200,
      },
    });
    await pushTags(engine, registry, 'acme/app', ['1.0.0']);
    await pushTags(engine, registry, 'acme/other', ['1.0.0']);
    await runContainer(engine, `${registry.host}/acme/app:1.0.0`, { name: 'app' });
    await runContainer(engine, `${registry.host}/acme/other:1.0.0`, { name: 'other' });
    // The engine's events make the server store and check both containers.
    await waitFor(
      async () =>
        (await containers()).filter(
          (container) => container.image.tag.value === '1.0.0' && container.result !== null,
        ).length === 2,
      { what: 'both containers checked', timeoutMs: 30_000 },
    );
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([registry?.stop(), engine?.stop(), receiver?.close()]);
  });

  it('docker push of a newer tag → the registry notifies the server → the webhook trigger fires', async () => {
    const mark = await registry.accessLogMark();
    const started = Date.now();
    await pushImage(engine, registry, 'acme/app', '1.1.0');
    const [notification] = await waitFor(
      () => (notificationsFor('1.1.0').length > 0 ? notificationsFor('1.1.0') : undefined),
      { what: 'webhook notification for 1.1.0', timeoutMs: 15_000 },
    );
    const latency = notification.at - started;
    process.stdout.write(`push-to-notification latency (docker push included): ${latency} ms\n`);
    expect(JSON.parse(notification.body)).toMatchObject({
      name: 'app',
      updateAvailable: true,
      result: { tag: '1.1.0' },
      updateKind: { kind: 'tag', semverDiff: 'minor' },
    });
    expect(latency).toBeLessThan(10_000);
    // Only the pushed repository was looked at again; the other container was left alone.
    expect(await requestsFor('acme/other', mark)).toEqual([]);
    const app = (await containers()).find((container) => container.name === 'app');
    expect(app).toMatchObject({ updateAvailable: true, result: { tag: '1.1.0' } });
  });

  it('a push through the registry API is detected too, once per version', async () => {
    await pushTags(null, registry, 'acme/app', ['1.2.0']);
    await waitFor(() => notificationsFor('1.2.0').length === 1, {
      what: 'webhook notification for 1.2.0',
      timeoutMs: 15_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(notificationsFor('1.2.0')).toHaveLength(1);
  });

  it('refuses unknown registries and bad credentials with 401, malformed bodies with 400, and changes nothing', async () => {
    const mark = await registry.accessLogMark();
    const forged = { image: `${registry.host}/acme/app:1.2.0` };
    expect((await hook(forged, { authorization: 'Bearer wrong-token' })).status).toBe(401);
    expect((await hook(forged, {})).status).toBe(401);
    expect((await hook(forged, { authorization: `Bearer ${TOKEN}` }, 'nope')).status).toBe(401);
    expect(
      (
        await hook(forged, {
          'x-hub-signature-256': `sha256=${createHmac('sha256', 'other').update(JSON.stringify(forged)).digest('hex')}`,
        })
      ).status,
    ).toBe(401);
    const malformed = await hook('{"events": "nope"}');
    expect(malformed.status).toBe(400);
    expect(
      (
        await hook('not json', {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(400);
    expect((await hook({ hello: 'world' })).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await requestsFor('acme/app', mark)).toEqual([]);
  });

  it('collapses a burst into one check and confirms the push before acting', async () => {
    await pushTags(null, registry, 'acme/app', ['1.3.0'], { concurrency: 1 });
    // distribution's own notification for 1.3.0 is in flight too; let it settle first.
    await waitFor(() => notificationsFor('1.3.0').length === 1, {
      what: 'notification for 1.3.0',
      timeoutMs: 15_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const mark = await registry.accessLogMark();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => hook({ image: 'acme/app', tag: '1.3.0' })),
    );
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 202, 202]);
    expect(responses[0].body).toMatchObject({
      status: 'accepted',
      format: 'generic',
      pushes: [{ repository: 'acme/app', tags: ['1.3.0'], containers: 1 }],
    });
    await waitFor(
      async () => (await requestsFor('acme/app', mark)).some((entry) => entry.kind === 'tags'),
      { what: 'the re-check', timeoutMs: 10_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const burst = await requestsFor('acme/app', mark);
    expect(burst.filter((entry) => entry.kind === 'tags')).toHaveLength(1);
    expect(
      burst.filter((entry) => entry.kind === 'manifest-head' && entry.path.endsWith('/1.3.0'))
        .length,
    ).toBeGreaterThanOrEqual(1);

    // A tag the registry does not have: HEAD 404, no check.
    const unconfirmed = await registry.accessLogMark();
    expect((await hook({ image: 'acme/app', tag: '9.9.9' })).status).toBe(202);
    await waitFor(
      async () =>
        (await requestsFor('acme/app', unconfirmed)).some((entry) =>
          entry.path.endsWith('/manifests/9.9.9'),
        ),
      { what: 'the confirming HEAD', timeoutMs: 10_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Only the confirming manifest request(s) for 9.9.9 (HEAD, and the client's GET fallback), all 404: no tag list, no check.
    const after = await requestsFor('acme/app', unconfirmed);
    expect(after.length).toBeGreaterThanOrEqual(1);
    expect(
      after.every((entry) => entry.path.endsWith('/manifests/9.9.9') && entry.status === 404),
    ).toBe(true);
  });

  it('accepts GitHub-style HMAC signatures (X-Hub-Signature-256) keyed with the webhook token', async () => {
    await pushTags(null, registry, 'acme/app', ['1.4.0']);
    await waitFor(() => notificationsFor('1.4.0').length === 1, {
      what: 'notification for 1.4.0',
      timeoutMs: 15_000,
    });
    const body = JSON.stringify({
      action: 'published',
      registry_package: {
        name: 'app',
        namespace: 'acme',
        package_type: 'CONTAINER',
        package_version: {
          container_metadata: { tag: { name: '1.4.0' } },
          package_url: `${registry.host}/acme/app:1.4.0`,
        },
      },
    });
    const signature = `sha256=${createHmac('sha256', TOKEN).update(body).digest('hex')}`;
    const response = await hook(body, {
      'x-github-event': 'registry_package',
      'x-hub-signature-256': signature,
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      status: 'accepted',
      format: 'github',
      pushes: [{ repository: 'acme/app', tags: ['1.4.0'], containers: 1 }],
    });
    // Ignored deliveries answer 202 too (distribution retries anything else forever).
    const pull = await hook({
      events: [
        {
          id: 'x',
          action: 'pull',
          target: {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            repository: 'acme/app',
            tag: '1.4.0',
          },
        },
      ],
    });
    expect(pull).toMatchObject({ status: 202, body: { status: 'ignored' } });
  });
});
