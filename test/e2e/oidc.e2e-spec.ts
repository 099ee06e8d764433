// OpenID Connect sign-in end to end: Chromium, the built server, and a real OIDC provider
// (oidc-provider) on loopback. Authorization code + PKCE, state and nonce, groups → roles.
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { freePort } from '../env';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { type ServerProcess, startServer } from '../support/server-process';

interface Me {
  username: string;
  role: string;
  via: string;
}

describe('OIDC sign-in in Chromium', () => {
  let server: ServerProcess;
  let provider: TestOidcProvider;
  let browser: TestBrowser;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    const providerPort = await freePort();
    server = await startServer({
      env: {
        TIDEWATCH_WATCHER_LOCAL_SOCKET: '/nonexistent/docker.sock',
        TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false',
        TIDEWATCH_WATCHER_LOCAL_WATCHEVENTS: 'false',
        TIDEWATCH_AUTH_ADMIN_USER: 'admin',
        TIDEWATCH_AUTH_ADMIN_PASSWORD: 'local admin password',
        TIDEWATCH_AUTH_OIDC_TEST_DISCOVERY: `http://127.0.0.1:${providerPort}/.well-known/openid-configuration`,
        TIDEWATCH_AUTH_OIDC_TEST_CLIENTID: 'tidewatch',
        TIDEWATCH_AUTH_OIDC_TEST_CLIENTSECRET: 'tidewatch-client-secret',
        TIDEWATCH_AUTH_OIDC_TEST_INSECURE: 'true',
        TIDEWATCH_AUTH_OIDC_TEST_LABEL: 'Test IdP',
        TIDEWATCH_AUTH_OIDC_TEST_ADMINGROUPS: 'tw-admins',
        TIDEWATCH_AUTH_OIDC_TEST_VIEWERGROUPS: 'staff',
      },
    });
    provider = await startOidcProvider({
      port: providerPort,
      clientId: 'tidewatch',
      clientSecret: 'tidewatch-client-secret',
      redirectUris: [`${server.url}/api/auth/oidc/test/cb`],
      groups: { alice: ['staff', 'tw-admins'], bob: ['staff'], carol: ['contractors'] },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await provider?.stop();
    await server?.stop();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('console', (message: ConsoleMessage) => {
      if (/Content Security Policy/i.test(message.text()) && page.url().startsWith(server.url)) cspViolations.push(`${page.url()}: ${message.text()}`);
    });
    return { context, page };
  }

  /** From a protected page of the app, through the login page and the provider, back to the app. */
  async function signInAs(page: Page, account: string): Promise<void> {
    await page.goto(`${server.url}/containers`);
    await page.waitForURL(/\/login\?next=%2Fcontainers/);
    await page.getByTestId('oidc-test').click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name=login]').fill(account);
    await page.locator('input[name=password]').fill('any password');
    await page.locator('button[type=submit]').click();
    // The provider asks for consent the first time.
    await page.waitForLoadState();
    for (let step = 0; step < 3 && page.url().startsWith(provider.issuer); step++) {
      await page.locator('button[type=submit]').click();
      await page.waitForLoadState();
    }
    await page.waitForURL((url) => url.href.startsWith(server.url));
  }

  const me = (page: Page) => page.evaluate(async () => {
    const response = await fetch('/api/auth/me');
    return { status: response.status, body: (await response.json()) as Me };
  });

  it('signs an admin-group member in with PKCE and a session, back on the page they wanted', async () => {
    const { context, page } = await newPage();
    try {
      await signInAs(page, 'alice');
      expect(new URL(page.url()).pathname).toBe('/containers');
      expect(await me(page)).toEqual({ status: 200, body: expect.objectContaining({ username: 'alice', role: 'admin', via: 'session' }) });
      const cookies = await context.cookies(server.url);
      const session = cookies.find((cookie) => cookie.name === 'tidewatch_session');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      expect(cookies.find((cookie) => cookie.name === 'tidewatch_oidc')).toBeUndefined();
      // The account page works under the CSP, and a state-changing call from the UI carries the CSRF token.
      await page.goto(`${server.url}/login`);
      await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain('alice');
      await page.getByLabel('Name').fill('from the browser');
      await page.getByRole('button', { name: 'Create token' }).click();
      await expect(page.getByTestId('new-token').textContent()).resolves.toMatch(/twt_/);
      await page.screenshot({ path: browser.screenshotPath('account-oidc') });
      await page.getByRole('button', { name: 'Sign out' }).first().click();
      await page.waitForSelector('form[aria-label="Sign in with a password"]');
      expect((await me(page)).status).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('maps a staff member to viewer', async () => {
    const { context, page } = await newPage();
    try {
      await signInAs(page, 'bob');
      expect((await me(page)).body).toMatchObject({ username: 'bob', role: 'viewer' });
      const refused = await page.evaluate(async () => {
        const { cookie } = (globalThis as unknown as { document: { cookie: string } }).document;
        const csrf = /tidewatch_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
        return (await fetch('/api/containers/watch', { method: 'POST', headers: { 'x-csrf-token': decodeURIComponent(csrf) } })).status;
      });
      expect(refused).toBe(403);
    } finally {
      await context.close();
    }
  });

  it('refuses a user in none of the mapped groups, with the reason', async () => {
    const { context, page } = await newPage();
    try {
      await signInAs(page, 'carol');
      expect(new URL(page.url()).pathname).toBe('/login');
      await expect(page.getByTestId('login-error').textContent()).resolves.toContain('none of the groups');
      await page.screenshot({ path: browser.screenshotPath('login-oidc-refused') });
      expect((await me(page)).status).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('rejects a callback that it did not start (state / CSRF on the redirect)', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${server.url}/api/auth/oidc/test/cb?code=stolen&state=forged`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await expect(page.getByTestId('login-error').textContent()).resolves.toContain('try again');
      expect((await me(page)).status).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('shows the password form and the provider on the login page, without CSP violations', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${server.url}/login`);
      await page.locator('#login-username').fill('admin');
      await page.locator('#login-password').fill('local admin password');
      await page.screenshot({ path: browser.screenshotPath('login') });
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${server.url}/`);
      await page.goto(`${server.url}/api/docs`);
      await page.waitForSelector('.swagger-ui');
      expect(cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
