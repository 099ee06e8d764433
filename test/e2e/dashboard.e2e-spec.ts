// The dashboard in headless Chromium against the built server, a real engine and registry and a
// real HTTP receiver: a pending update shows after "Check all"; a webhook trigger is created
// through the generated form and tested; a trigger run for a container lands in its history; a
// container started on the engine appears without a reload (Server-Sent Events). Screenshots of
// every page, light and dark (and 360 px wide), go to test/artifacts/screenshots.
import type { Container } from '@tidewatch/api-client';
import type { BrowserContext, Page } from 'playwright-core';
import {
  type DockerEngine,
  type PushedImage,
  type TestRegistry,
  pushImage,
  pushTags,
  runContainer,
  startDockerEngine,
  startRegistry,
  waitFor,
} from '../env';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { type HttpReceiver, startHttpReceiver } from '../support/receivers';
import { api, type ServerProcess, startServer } from '../support/server-process';

const SCHEMES = ['light', 'dark'] as const;

describe('dashboard (Chromium)', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let receiver: HttpReceiver;
  let server: ServerProcess;
  let browser: TestBrowser;
  let context: BrowserContext;
  let page: Page;
  let shopImage: PushedImage;

  const containerByName = async (name: string): Promise<Container> => {
    const { body } = await api<Container[]>(server, `/api/containers?name=${name}`);
    if (!body[0]) throw new Error(`container ${name} not listed`);
    return body[0];
  };
  const row = (name: string) =>
    page.locator(`[data-testid="container-row"][data-container-name="${name}"]`);

  /** Screenshots of the current URL in both schemes (and optionally at 360 px). */
  async function screenshots(
    name: string,
    path: string,
    options: { narrow?: boolean; ready?: (page: Page) => Promise<unknown> } = {},
  ): Promise<void> {
    const sizes = options.narrow
      ? [
          { suffix: '', width: 1280, height: 800 },
          { suffix: '-360', width: 360, height: 740 },
        ]
      : [{ suffix: '', width: 1280, height: 800 }];
    for (const scheme of SCHEMES) {
      for (const size of sizes) {
        const shotContext = await browser.newContext({
          colorScheme: scheme,
          width: size.width,
          height: size.height,
        });
        const shot = await shotContext.newPage();
        await shot.goto(`${server.url}${path}`);
        await shot.locator('h1').first().waitFor();
        await options.ready?.(shot);
        await shot
          .locator('.state--loading, .stat__placeholder')
          .first()
          .waitFor({ state: 'detached', timeout: 15_000 });
        if (size.width === 360) {
          // Works at 360 px: nothing wider than the screen.
          const overflow = await shot.evaluate<number>(
            'document.documentElement.scrollWidth - window.innerWidth',
          );
          expect({ page: name, overflow }).toEqual({ page: name, overflow: 0 });
        }
        await shot.screenshot({
          path: browser.screenshotPath(`${name}${size.suffix}-${scheme}`),
          fullPage: true,
        });
        await shotContext.close();
      }
    }
  }

  beforeAll(async () => {
    [engine, registry, receiver] = await Promise.all([
      startDockerEngine(),
      startRegistry(),
      startHttpReceiver(),
    ]);
    shopImage = await pushImage(engine, registry, 'acme/shop', '1.0.0');
    const db = await pushImage(engine, registry, 'acme/db', '15.2.0');
    await runContainer(engine, shopImage.reference, {
      name: 'shop',
      labels: {
        'tidewatch.display.name': 'Shop front',
        'tidewatch.display.icon': 'mdi:web',
        'com.docker.compose.project': 'store',
      },
    });
    await runContainer(engine, db.reference, {
      name: 'db',
      labels: { 'tidewatch.display.icon': 'si:postgresql', 'com.docker.compose.project': 'store' },
    });
    server = await startServer({
      env: {
        TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
        // An environment-defined trigger: listed read-only; manual only so it stays quiet.
        TIDEWATCH_TRIGGER_WEBHOOK_ENVHOOK_URL: `${receiver.url}/env`,
        TIDEWATCH_TRIGGER_WEBHOOK_ENVHOOK_AUTO: 'false',
      },
    });
    browser = await launchBrowser();
    context = await browser.newContext({ colorScheme: 'light' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await Promise.all([engine?.stop(), registry?.stop(), receiver?.close()]);
  });

  it('shows a pending update on the containers page after "Check all"', async () => {
    await pushTags(null, registry, 'acme/shop', ['1.1.0']);
    await page.goto(`${server.url}/containers`);
    await row('shop').waitFor();
    expect(await row('shop').textContent()).toContain('Shop front');
    await page.getByRole('button', { name: 'Check all now' }).click();
    await row('shop').getByText('minor').waitFor({ timeout: 30_000 });
    expect(await row('shop').textContent()).toContain('1.1.0');
    expect(await row('db').textContent()).toContain('up to date');
    // The filters live in the URL.
    await page.getByLabel('Update', { exact: true }).selectOption('available');
    await waitFor(() => page.url().endsWith('/containers?update=available'), {
      what: 'filter in the URL',
    });
    await waitFor(async () => (await page.getByTestId('container-row').count()) === 1, {
      what: 'only the container with an update',
    });
    await screenshots('containers', '/containers', {
      narrow: true,
      ready: (shot) => shot.getByTestId('container-row').first().waitFor(),
    });
    await screenshots('containers-grouped', '/containers?group=project', {
      ready: (shot) => shot.getByTestId('group-row').first().waitFor(),
    });
  });

  it('creates a webhook trigger through the generated form, tests it and sees success', async () => {
    await page.goto(`${server.url}/triggers`);
    await page
      .locator('[data-trigger-id="webhook.envhook"]')
      .getByText('env · read-only')
      .waitFor();
    await page.getByRole('link', { name: 'New trigger' }).click();
    await page.getByLabel('Trigger type').selectOption('webhook');
    const form = page.getByRole('form', { name: 'New webhook trigger' });
    await form.waitFor();
    // Required fields are checked before anything is sent.
    await form.getByRole('button', { name: 'Create trigger' }).click();
    await form.getByText('URL is required').waitFor();
    await form.getByLabel('Name').fill('hook');
    await form.getByLabel('URL', { exact: false }).first().fill(`${receiver.url}/ui`);
    await screenshots('trigger-new', '/triggers/new?type=webhook');
    await form.getByRole('button', { name: 'Create trigger' }).click();
    await page.waitForURL(`${server.url}/triggers/webhook/hook`);
    await page.getByRole('heading', { name: 'webhook.hook' }).waitFor();

    const before = receiver.requests.length;
    await page.getByRole('button', { name: 'Test webhook.hook' }).click();
    await page
      .getByTestId('test-outcome')
      .getByText(/delivered in/)
      .waitFor({ timeout: 20_000 });
    expect(receiver.requests.slice(before).map((request) => request.path)).toEqual(['/ui']);

    const { body } = await api<Array<{ id: string; source: string }>>(server, '/api/triggers');
    expect(body.map((trigger) => `${trigger.id}:${trigger.source}`).sort()).toEqual([
      'webhook.envhook:env',
      'webhook.hook:ui',
    ]);
    await screenshots('trigger-edit', '/triggers/webhook/hook');
    await screenshots('trigger-env', '/triggers/webhook/envhook');
    await screenshots('triggers', '/triggers', {
      narrow: true,
      ready: (shot) => shot.getByTestId('trigger-row').first().waitFor(),
    });
  });

  it('runs a trigger for a container from its page and sees the history entry', async () => {
    const shop = await containerByName('shop');
    await page.goto(`${server.url}/containers/${shop.id}`);
    await page.getByRole('heading', { name: 'Shop front' }).waitFor();
    const hookRow = page.locator(
      '[data-testid="container-trigger-row"][data-trigger-id="webhook.hook"]',
    );
    await hookRow.waitFor();
    const before = receiver.requests.length;
    await hookRow.getByRole('button', { name: 'Run webhook.hook' }).click();
    await hookRow
      .getByTestId('run-outcome')
      .getByText(/done in/)
      .waitFor({ timeout: 20_000 });
    expect(receiver.requests.slice(before).map((request) => request.path)).toEqual(['/ui']);
    expect(JSON.parse(receiver.requests[before].body)).toMatchObject({
      name: 'shop',
      result: { tag: '1.1.0' },
    });
    // The container's history shows the run (no reload).
    await page
      .locator('[data-testid="history-row"][data-trigger="webhook.hook"][data-status="success"]')
      .waitFor({ timeout: 10_000 });
    // …and so does the history page.
    await page.goto(`${server.url}/history?container=${encodeURIComponent(shop.identity)}`);
    await page
      .locator('[data-testid="history-row"][data-trigger="webhook.hook"]')
      .first()
      .waitFor();
    await screenshots('container-detail', `/containers/${shop.id}`, {
      narrow: true,
      ready: (shot) => shot.getByTestId('decision-row').first().waitFor(),
    });
    await screenshots('history', '/history', {
      narrow: true,
      ready: (shot) => shot.getByTestId('history-row').first().waitFor(),
    });
  });

  it('updates a container with the Update button when the server has a docker trigger type', async () => {
    const { body: types } = await api<Array<{ type: string }>>(server, '/api/triggers/types');
    if (!types.some((type) => type.type === 'docker')) {
      // The docker/compose update triggers are not in this server build yet: the button must say why.
      await page.goto(`${server.url}/containers`);
      const update = row('shop').getByRole('button', { name: 'Update Shop front' });
      await update.waitFor();
      expect(await update.getAttribute('aria-disabled')).toBe('true');
      expect(await update.getAttribute('title')).toBe(
        'No update trigger (docker or compose) is configured',
      );
      return;
    }
    const created = await api(server, '/api/triggers', {
      method: 'POST',
      body: JSON.stringify({ type: 'docker', name: 'updater', configuration: { auto: 'false' } }),
    });
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/containers`);
    const update = row('shop').getByRole('button', { name: 'Update Shop front' });
    await waitFor(async () => (await update.getAttribute('aria-disabled')) === null, {
      what: 'Update enabled',
      timeoutMs: 10_000,
    });
    await update.click();
    await page.getByText(/docker\.updater finished in/).waitFor({ timeout: 120_000 });
    await page.goto(`${server.url}/history?trigger=docker.updater`);
    await page
      .locator('[data-testid="history-row"][data-trigger="docker.updater"]')
      .first()
      .waitFor();
  });

  it('shows a newly started container without a reload (Server-Sent Events)', async () => {
    await page.goto(`${server.url}/containers`);
    await row('shop').waitFor();
    await page.getByTestId('live-status').getByText('Live').waitFor({ timeout: 10_000 });
    await page.evaluate('window.__sameDocument = true');
    await runContainer(engine, shopImage.reference, { name: 'newcomer' });
    await row('newcomer').waitFor({ timeout: 15_000 });
    expect(await page.evaluate<boolean>('window.__sameDocument === true')).toBe(true);
  });

  it('has screenshots of the overview, hosts and settings pages', async () => {
    await screenshots('overview', '/', { narrow: true });
    await screenshots('hosts', '/hosts', {
      narrow: true,
      ready: (shot) => shot.getByTestId('watcher-row').first().waitFor(),
    });
    await screenshots('settings', '/settings', {
      ready: (shot) =>
        shot
          .getByTestId('app-version')
          .getByText(/tidewatch/)
          .waitFor(),
    });
  });

  it('is keyboard accessible: skip link, focus styles, buttons not divs', async () => {
    await page.goto(`${server.url}/containers`);
    await row('shop').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe(
      'Skip to content',
    );
    const outline = await page.evaluate<string>(
      'getComputedStyle(document.activeElement).outlineStyle',
    );
    expect(outline).not.toBe('none');
    // Every clickable thing is a real control.
    const clickableDivs = await page.evaluate<number>(
      `document.querySelectorAll('div[onclick], span[onclick], [role="button"]:not(button)').length`,
    );
    expect(clickableDivs).toBe(0);
    // Every form control has a label.
    const unlabelled = await page.evaluate<number>(
      `Array.from(document.querySelectorAll('input, select, textarea')).filter((c) => c.labels.length === 0 && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby')).length`,
    );
    expect(unlabelled).toBe(0);
  });
});
