// The dashboard with many stored containers, in headless Chromium: time from navigation to the
// containers table showing data (the app's own `performance.mark`, read with the Performance API),
// search and scroll latency, and the production bundle's gzip size. Printed, never asserted.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { DockerEngine, TestRegistry } from '../env';
import { launchBrowser } from '../support/browser';
import { startServer } from '../support/server-process';
import { ms, percentile, printTable } from './stats';

const WEB_DIST = join(__dirname, '..', '..', 'apps', 'web', 'dist');
/** Set by apps/web ContainersTable when the table first renders data. */
const READY_MARK = 'tidewatch:containers-ready';
const KINDS = ['major', 'minor', 'patch', 'prerelease'] as const;

/** A varied fleet: several hosts and compose projects, a third with updates of every kind, some errors. */
function seedContainers(file: string, count: number): void {
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO container (id, watcher, name, identity, status, image, labels, result, update_kind, update_available, error_message, decision, checked_at)
     VALUES (@id, @watcher, @name, @identity, @status, @image, @labels, @result, @updateKind, @updateAvailable, @error, NULL, @checkedAt)`,
  );
  const rows = Array.from({ length: count }, (_, i) => {
    const tag = `1.${i % 40}.0`;
    const watcher = `host-${i % 8}`;
    const updateAvailable = i % 3 === 0;
    const kind = KINDS[i % KINDS.length];
    const remote = kind === 'major' ? '2.0.0' : kind === 'prerelease' ? '1.41.0-rc.1' : '1.40.0';
    return {
      id: `b${i.toString(16).padStart(63, '0')}`,
      watcher,
      name: `stored-${i}`,
      identity: `${watcher}/stored-${i}`,
      status: i % 17 === 0 ? 'exited' : 'running',
      image: JSON.stringify({
        id: `sha256:${'1'.repeat(64)}`,
        reference: `registry.example/acme/app${i % 50}:${tag}`,
        registryHost: 'registry.example',
        registry: { name: 'custom.registry-example', url: 'https://registry.example/v2' },
        name: `acme/app${i % 50}`,
        tag: { value: tag, semver: true },
        digest: { watch: false, value: null, repo: null, repoDigests: [] },
        architecture: 'amd64',
        os: 'linux',
        variant: null,
        created: null,
      }),
      labels: JSON.stringify({
        'com.docker.compose.project': `stack${i % 10}`,
        'tidewatch.display.name': `Stored ${i}`,
        'tidewatch.display.icon': i % 2 ? 'si:postgresql' : 'mdi:web',
      }),
      result: updateAvailable
        ? JSON.stringify({ tag: remote, digest: null, link: null, created: null })
        : null,
      updateKind: updateAvailable
        ? JSON.stringify({ kind: 'tag', localValue: tag, remoteValue: remote, semverDiff: kind })
        : null,
      updateAvailable: updateAvailable ? 1 : 0,
      error: i % 29 === 0 ? 'registry.example: 503 Service Unavailable' : null,
      checkedAt: new Date().toISOString(),
    };
  });
  db.transaction(() => rows.forEach((row) => insert.run(row)))();
  db.close();
}

/** The gzip size of what the first visit downloads (index.html's script, preloads, CSS) and of all assets. */
function bundleSizes(): {
  initialGzip: number;
  initialRaw: number;
  totalGzip: number;
  files: number;
} {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]),
  );
  const assets = readdirSync(join(WEB_DIST, 'assets')).filter((file) => /\.(js|css)$/.test(file));
  let initialGzip = gzipSync(html, { level: 9 }).length;
  let initialRaw = html.length;
  let totalGzip = initialGzip;
  for (const file of assets) {
    const content = readFileSync(join(WEB_DIST, 'assets', file));
    const size = gzipSync(content, { level: 9 }).length;
    totalGzip += size;
    if (initial.has(`assets/${file}`)) {
      initialGzip += size;
      initialRaw += content.length;
    }
  }
  return { initialGzip, initialRaw, totalGzip, files: assets.length };
}

async function readyTime(page: Page): Promise<number> {
  await page.locator('[data-testid="container-row"]').first().waitFor({ timeout: 30_000 });
  // Runtime.evaluate of an expression: not subject to the page's Content-Security-Policy.
  const start = await page.evaluate<number | null>(
    `performance.getEntriesByName(${JSON.stringify(READY_MARK)})[0]?.startTime ?? null`,
  );
  if (start === null) throw new Error(`${READY_MARK} was never set`);
  return start;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function uiBench(
  engine: DockerEngine,
  _registry: TestRegistry,
  options: { stored: number },
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tw-bench-ui-'));
  const env = {
    TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
    TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false',
    TIDEWATCH_LOG_LEVEL: 'warn',
  };
  const server = await startServer({ env, dataDir });
  const browser = await launchBrowser();
  try {
    // The first start ran the migrations; seed the table, then start again to read it cold.
    await server.kill();
    seedContainers(join(dataDir, 'tidewatch.db'), options.stored);
    await server.restart();

    const cold: number[] = [];
    const warm: number[] = [];
    const domContentLoaded: number[] = [];
    const search: number[] = [];
    const scroll: number[] = [];
    let rendered = 0;
    for (let run = 0; run < 6; run += 1) {
      // A fresh context: empty HTTP cache, as on a first visit.
      const context = await browser.newContext({ colorScheme: 'light', width: 1280, height: 800 });
      const page = await context.newPage();
      await page.goto(`${server.url}/containers`, { waitUntil: 'commit' });
      const first = await readyTime(page);
      if (run > 0) cold.push(first); // the first run also warms the server's JIT
      domContentLoaded.push(
        await page.evaluate<number>(
          `performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`,
        ),
      );
      rendered = await page.locator('[data-testid="container-row"]').count();

      // Search: type a name, wait for the one matching row.
      const box = page.getByRole('searchbox', { name: 'Search containers' });
      const searchStarted = performance.now();
      await box.fill(`stored-${options.stored - 1}`);
      await page
        .locator(
          `[data-testid="container-row"][data-container-name="stored-${options.stored - 1}"]`,
        )
        .waitFor();
      if (run > 0) search.push(performance.now() - searchStarted);
      await box.fill('');
      await page.locator('[data-testid="container-row"]').nth(5).waitFor();

      // Scroll to the end of the virtual table: the last row is rendered.
      const scrollStarted = performance.now();
      await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
      await page
        .locator(
          `[data-testid="container-row"][data-container-name="stored-${options.stored - 1}"]`,
        )
        .waitFor();
      if (run > 0) scroll.push(performance.now() - scrollStarted);

      // A reload with a warm HTTP cache.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.reload({ waitUntil: 'commit' });
      if (run > 0) warm.push(await readyTime(page));
      await context.close();
    }

    const sizes = bundleSizes();
    printTable(
      `Web UI: ${options.stored} stored containers, containers page in Chromium (5 runs after a warm-up)`,
      [
        ['navigation → table shows data, cold cache p50', ms(percentile(cold, 50))],
        ['navigation → table shows data, cold cache max', ms(Math.max(...cold))],
        ['navigation → table shows data, warm cache p50', ms(percentile(warm, 50))],
        ['DOMContentLoaded p50', ms(percentile(domContentLoaded, 50))],
        ['rows in the DOM (virtualised)', `${rendered} of ${options.stored}`],
        ['search typed → filtered row shown p50 (incl. driver)', ms(percentile(search, 50))],
        ['scroll to the end → last row shown p50 (incl. driver)', ms(percentile(scroll, 50))],
        [
          'bundle: first visit (html + entry + preloads + css), gzip',
          `${kib(sizes.initialGzip)} (${kib(sizes.initialRaw)} raw)`,
        ],
        ['bundle: all assets, gzip', `${kib(sizes.totalGzip)} in ${sizes.files} files`],
      ],
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
