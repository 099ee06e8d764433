// Contract test: the requests existing WUD clients make, replayed against Tidewatch, and the fields
// they read. Homepage's `whatsupdocker` widget (GET /api/containers: array length and the count of
// `updateAvailable`), wud-card for Home Assistant (list, per-container triggers, watch, run a
// trigger), and Home Assistant integrations (name, id, updateAvailable, image.tag.value,
// result.tag, result.link, link).
import type { Container } from '@tidewatch/api-client';
import { type DockerEngine, type TestRegistry, pushTags, runContainer, startDockerEngine, startRegistry } from '../env';
import { type HttpReceiver, startHttpReceiver } from '../support/receivers';
import { api, type ServerProcess, startServer } from '../support/server-process';

describe('WUD API clients keep working', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let receiver: HttpReceiver;
  let server: ServerProcess;

  beforeAll(async () => {
    [engine, registry, receiver] = await Promise.all([startDockerEngine(), startRegistry(), startHttpReceiver()]);
    await pushTags(engine, registry, 'acme/web', ['1.0.0', '1.2.0']);
    await pushTags(engine, registry, 'acme/db', ['5.0.0']);
    await runContainer(engine, `${registry.host}/acme/web:1.0.0`, { name: 'web', labels: { 'wud.link.template': 'https://example.test/releases/${major}.${minor}.${patch}', 'wud.display.name': 'Web' } });
    await runContainer(engine, `${registry.host}/acme/db:5.0.0`, { name: 'db' });
    server = await startServer({
      env: {
        WUD_WATCHER_LOCAL_SOCKET: engine.socketPath,
        WUD_TRIGGER_HTTP_HASS_URL: `${receiver.url}/hass`,
        WUD_TRIGGER_HTTP_HASS_AUTO: 'false',
      },
    });
    await api(server, '/api/containers/watch', { method: 'POST' });
  });

  afterAll(async () => {
    await server?.stop();
    await Promise.all([engine?.stop(), registry?.stop(), receiver?.close()]);
  });

  it("Homepage's whatsupdocker widget: a bare array, counted, with updateAvailable", async () => {
    const response = await fetch(`${server.url}/api/containers`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const containers = (await response.json());
    expect(Array.isArray(containers)).toBe(true);
    const list = containers as Array<Record<string, unknown>>;
    expect(list).toHaveLength(2);
    expect(list.filter((c) => c.updateAvailable === true)).toHaveLength(1);
  });

  it('pagination and sorting keep the bare array', async () => {
    const response = await fetch(`${server.url}/api/containers?sort=-name&offset=1&limit=1`);
    expect(response.headers.get('x-total-count')).toBe('2');
    const page = (await response.json()) as Array<{ name: string }>;
    expect(page.map((c) => c.name)).toEqual(['db']);
    const bad = await api<{ message: string }>(server, '/api/containers?sort=colour');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('sort');
  });

  it('every WUD container field is present (null, never missing)', async () => {
    const { body } = await api<Array<Record<string, unknown>>>(server, '/api/containers');
    const keys = ['id', 'name', 'displayName', 'displayIcon', 'status', 'watcher', 'includeTags', 'excludeTags', 'transformTags', 'linkTemplate', 'link', 'triggerInclude', 'triggerExclude', 'image', 'result', 'error', 'updateAvailable', 'updateKind', 'labels'];
    for (const container of body) for (const key of keys) expect(Object.keys(container)).toContain(key);
    const image = body[0].image as Record<string, unknown>;
    for (const key of ['id', 'registry', 'name', 'tag', 'digest', 'architecture', 'os', 'variant', 'created']) expect(Object.keys(image)).toContain(key);
  });

  it('Home Assistant integrations: name, id, updateAvailable, image.tag.value, result.tag, result.link, link', async () => {
    const { body } = await api<Container[]>(server, '/api/containers');
    const web = body.find((c) => c.name === 'web');
    expect(web).toMatchObject({
      displayName: 'Web',
      updateAvailable: true,
      image: { tag: { value: '1.0.0' } },
      result: { tag: '1.2.0', link: 'https://example.test/releases/1.2.0' },
      link: 'https://example.test/releases/1.0.0',
      updateKind: { kind: 'tag', semverDiff: 'minor' },
    });
    expect(typeof web?.id).toBe('string');
  });

  it('wud-card: per-container triggers, watch one container, run a trigger', async () => {
    const { body: containers } = await api<Container[]>(server, '/api/containers');
    const web = containers.find((c) => c.name === 'web');
    if (!web) throw new Error('web missing');
    const triggers = await api<Array<{ id: string; type: string; name: string; configuration: Record<string, string> }>>(server, `/api/containers/${web.id}/triggers`);
    expect(triggers.status).toBe(200);
    // WUD's http trigger is Tidewatch's webhook.
    expect(triggers.body.map((t) => [t.type, t.name])).toEqual([['webhook', 'hass']]);
    const watched = await api<Container>(server, `/api/containers/${web.id}/watch`, { method: 'POST' });
    expect(watched.status).toBe(200);
    expect(watched.body.id).toBe(web.id);
    const run = await api<{ ok: boolean }>(server, `/api/containers/${web.id}/triggers/webhook/hass`, { method: 'POST' });
    expect(run.status).toBe(200);
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0].body)).toMatchObject({ name: 'web', result: { tag: '1.2.0' } });
  });

  it('GET /api/app, /api/watchers and /api/registries answer in WUD shape', async () => {
    expect((await api<{ name: string; version: string }>(server, '/api/app')).body).toMatchObject({ name: 'tidewatch', version: expect.any(String) });
    const watchers = (await api<Array<{ id: string; type: string; name: string; configuration: object }>>(server, '/api/watchers')).body;
    expect(watchers[0]).toMatchObject({ id: 'docker.local', type: 'docker', name: 'local', configuration: expect.any(Object) });
    const registries = (await api<Array<{ id: string; type: string; name: string; configuration: object }>>(server, '/api/registries')).body;
    expect(registries.map((r) => r.id)).toContain('hub.public');
  });
});
