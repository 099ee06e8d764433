// The walking skeleton, black box: built server as a process, a real engine and registry, Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Container } from '@tidewatch/api-client';
import { type DockerEngine, type TestRegistry, pushImage, runContainer, startDockerEngine, startRegistry } from '../env';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { api, type ServerProcess, startServer } from '../support/server-process';

describe('walking skeleton', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let server: ServerProcess;
  let browser: TestBrowser;

  beforeAll(async () => {
    [engine, registry] = await Promise.all([startDockerEngine(), startRegistry()]);
    const web = await pushImage(engine, registry, 'acme/web', '1.0.0');
    const worker = await pushImage(engine, registry, 'acme/worker', '2.3.1');
    await runContainer(engine, web.reference, { name: 'web', labels: { 'tidewatch.display.name': 'Web front' } });
    await runContainer(engine, worker.reference, { name: 'worker', labels: { 'wud.watch': 'true' } });
    server = await startServer({ env: { TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([engine?.stop(), registry?.stop()]);
  });

  it('answers /health', async () => {
    const { status, body } = await api<{ status: string }>(server, '/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('lists the real containers of the Docker host', async () => {
    const { status, body } = await api<Container[]>(server, '/api/containers');
    expect(status).toBe(200);
    const byName = Object.fromEntries(body.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['web', 'worker']);
    expect(byName.web).toMatchObject({
      displayName: 'Web front',
      status: 'running',
      watcher: 'local',
      image: { name: 'acme/web', tag: { value: '1.0.0' }, registry: { url: `http://${registry.host}/v2` } },
    });
    expect(byName.web.id).toMatch(/^[a-f0-9]{64}$/);
    expect(byName.worker.image.tag.value).toBe('2.3.1');
    expect(byName.worker.image.registry.name).toEqual(expect.any(String));
  });

  it('rejects bad input with a 400 naming the field, and unknown ids with 404', async () => {
    const bad = await api<{ statusCode: number; message: string }>(server, '/api/containers?updateAvailable=perhaps');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('updateAvailable');
    const unknown = await api<{ statusCode: number }>(server, `/api/containers/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
  });

  it('serves the OpenAPI document the committed client was generated from', async () => {
    const { status, body } = await api<unknown>(server, '/api/openapi.json');
    expect(status).toBe(200);
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'packages', 'api-client', 'openapi.json'), 'utf8'));
    expect(body).toEqual(committed);
    const docs = await fetch(`${server.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  it('shows the containers in the dashboard (Chromium)', async () => {
    browser = await launchBrowser();
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.url}/containers`);
      const rows = page.getByTestId('container-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(2);
      await expect(page.getByText('Web front').isVisible()).resolves.toBe(true);
      await expect(page.getByText(`${registry.host}/acme/worker:2.3.1`).isVisible()).resolves.toBe(true);
      await page.screenshot({ path: browser.screenshotPath(`containers-${colorScheme}`), fullPage: true });
      await context.close();
    }
  });
});
