// Sign-in end to end against the built server: first-start setup, sessions (fixation, CSRF,
// expiry, revocation, logout), API tokens, HTTP Basic for WUD clients, users and roles, the
// audit log, lockout with back-off, WUD htpasswd users, security headers and CORS.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildImage, type DockerEngine, runContainer, sleep, startDockerEngine } from '../env';
import { call, type Credentials, login } from '../support/auth-client';
import { type ServerProcess, startServer } from '../support/server-process';

type Session = Extract<Credentials, { kind: 'session' }>;
interface Me {
  id: string;
  username: string;
  role: string;
  via: string;
  csrfToken: string | null;
}
interface ErrorBody {
  statusCode: number;
  message: string;
}

const ANON: Credentials = { kind: 'anonymous' };
const ADMIN = { username: 'admin', password: 'first admin password' };

function db(server: ServerProcess): Database.Database {
  return new Database(join(server.dataDir, 'tidewatch.db'));
}

function sessionFrom(cookies: Record<string, string>): Session {
  return { kind: 'session', cookies: new Map(Object.entries(cookies)), csrf: true };
}

describe('sign-in, sessions, tokens, users, audit', () => {
  let engine: DockerEngine;
  let server: ServerProcess;
  let admin: Session;

  beforeAll(async () => {
    engine = await startDockerEngine();
    await buildImage(engine, 'acme/widget:1.0.0');
    await runContainer(engine, 'acme/widget:1.0.0', { name: 'widget' });
    // Any auth setting turns sign-in on (startServer disables it otherwise).
    server = await startServer({ env: { TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath, TIDEWATCH_AUTH_SESSION_IDLE: '60' } });
  });

  afterAll(async () => {
    await server?.stop();
    await engine?.stop();
  });

  describe('first start', () => {
    it('prints a one-time setup link and refuses everything until the admin exists', async () => {
      expect(server.output()).toMatch(/No user exists yet\. Create the admin .*\/login\?setup=twsetup_/);
      const status = await call<{ setupRequired: boolean; user: Me | null }>(server.url, ANON, 'GET', '/api/auth/status');
      expect(status.body).toMatchObject({ setupRequired: true, user: null });
      expect((await call(server.url, ANON, 'GET', '/api/containers')).status).toBe(401);
    });

    it('creates the admin only with the token from the log, once', async () => {
      const token = /setup=(twsetup_[\w-]+)/.exec(server.output())?.[1] ?? '';
      const wrong = await call<ErrorBody>(server.url, ANON, 'POST', '/api/auth/setup', { token: `${token}x`, ...ADMIN });
      expect(wrong.status).toBe(403);
      const weak = await call<ErrorBody>(server.url, ANON, 'POST', '/api/auth/setup', { token, username: 'admin', password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.message).toContain('password must be at least 8 characters');
      admin = { kind: 'session', cookies: new Map(), csrf: true };
      const done = await call<Me>(server.url, admin, 'POST', '/api/auth/setup', { token, ...ADMIN });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ username: 'admin', role: 'admin', via: 'session' });
      expect(admin.cookies.get('tidewatch_csrf')).toBe(done.body.csrfToken);
      const again = await call<ErrorBody>(server.url, ANON, 'POST', '/api/auth/setup', { token, username: 'other', password: 'other password' });
      expect(again.status).toBe(409);
      const status = await call<{ setupRequired: boolean; user: Me | null }>(server.url, admin, 'GET', '/api/auth/status');
      expect(status.body).toMatchObject({ setupRequired: false, user: { username: 'admin' } });
    });

    it('stores the password as argon2id', () => {
      const database = db(server);
      try {
        const row = database.prepare('SELECT password_hash FROM auth_user WHERE username = ?').get('admin') as { password_hash: string };
        expect(row.password_hash).toMatch(/^\$argon2id\$/);
      } finally {
        database.close();
      }
    });
  });

  describe('sessions', () => {
    it('sets an http-only, SameSite=Strict session cookie and a readable CSRF cookie', async () => {
      const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
      const cookies = response.headers.getSetCookie();
      const session = cookies.find((line) => line.startsWith('tidewatch_session='));
      const csrf = cookies.find((line) => line.startsWith('tidewatch_csrf='));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Strict/);
      expect(session).not.toMatch(/Secure/); // plain http here; Secure on https (TIDEWATCH_AUTH_COOKIE_SECURE=auto)
      expect(csrf).not.toMatch(/HttpOnly/);
    });

    it('gives a new session id at sign-in: a planted id is worthless (no fixation)', async () => {
      const planted = sessionFrom({ tidewatch_session: 'tws_planted-by-an-attacker' });
      expect((await call(server.url, planted, 'GET', '/api/auth/me')).status).toBe(401);
      const victim = sessionFrom({ tidewatch_session: 'tws_planted-by-an-attacker' });
      expect((await call(server.url, victim, 'POST', '/api/auth/login', ADMIN)).status).toBe(200);
      expect(victim.cookies.get('tidewatch_session')).not.toBe('tws_planted-by-an-attacker');
      expect((await call(server.url, planted, 'GET', '/api/auth/me')).status).toBe(401);
      // Signing in again from a signed-in browser also replaces (and ends) the old session.
      const before = victim.cookies.get('tidewatch_session') ?? '';
      expect((await call(server.url, victim, 'POST', '/api/auth/login', ADMIN)).status).toBe(200);
      expect(victim.cookies.get('tidewatch_session')).not.toBe(before);
      expect((await call(server.url, sessionFrom({ tidewatch_session: before }), 'GET', '/api/auth/me')).status).toBe(401);
      expect((await call(server.url, victim, 'GET', '/api/auth/me')).status).toBe(200);
    });

    it('requires the CSRF token on every state-changing request made with the cookie', async () => {
      const browser = await login(server.url, ADMIN.username, ADMIN.password);
      const withoutHeader: Session = { ...browser, csrf: false };
      const missing = await call<ErrorBody>(server.url, withoutHeader, 'POST', '/api/containers/watch');
      expect(missing.status).toBe(403);
      expect(missing.body.message).toContain('CSRF');
      const wrong = await call<ErrorBody>(server.url, withoutHeader, 'POST', '/api/containers/watch', undefined, { 'x-csrf-token': 'guessed' });
      expect(wrong.status).toBe(403);
      // Another session's token does not fit this session either.
      const other = await login(server.url, ADMIN.username, ADMIN.password);
      const foreign = await call(server.url, withoutHeader, 'POST', '/api/containers/watch', undefined, { 'x-csrf-token': other.cookies.get('tidewatch_csrf') ?? '' });
      expect(foreign.status).toBe(403);
      expect((await call(server.url, withoutHeader, 'DELETE', `/api/containers/${'0'.repeat(64)}`)).status).toBe(403);
      expect((await call(server.url, withoutHeader, 'POST', '/api/auth/logout')).status).toBe(403);
      expect((await call(server.url, browser, 'POST', '/api/containers/watch')).status).toBe(200);
      // Reads need no token; API clients (Bearer, Basic) are exempt.
      expect((await call(server.url, withoutHeader, 'GET', '/api/containers')).status).toBe(200);
      expect((await call(server.url, { kind: 'basic', ...ADMIN }, 'POST', '/api/containers/watch')).status).toBe(200);
    });

    it('lists the user’s sessions and revokes one', async () => {
      const laptop = await login(server.url, ADMIN.username, ADMIN.password);
      const phone = await login(server.url, ADMIN.username, ADMIN.password);
      const phoneMe = await call<Me>(server.url, phone, 'GET', '/api/auth/me');
      const list = await call<Array<{ id: string; current: boolean; ip: string; method: string }>>(server.url, laptop, 'GET', '/api/auth/sessions');
      expect(list.status).toBe(200);
      expect(list.body.filter((session) => session.current)).toHaveLength(1);
      expect(list.body.length).toBeGreaterThanOrEqual(2);
      expect(list.body[0]).toMatchObject({ ip: '127.0.0.1', method: 'password' });
      const phoneSessions = await call<Array<{ id: string; current: boolean }>>(server.url, phone, 'GET', '/api/auth/sessions');
      const phoneId = phoneSessions.body.find((session) => session.current)?.id ?? '';
      expect((await call(server.url, laptop, 'DELETE', `/api/auth/sessions/${phoneId}`)).status).toBe(204);
      expect(phoneMe.status).toBe(200);
      const revoked = await call<ErrorBody>(server.url, phone, 'GET', '/api/auth/me');
      expect(revoked.status).toBe(401);
      expect(revoked.body.message).toMatch(/expired or was signed out/);
      expect((await call(server.url, laptop, 'DELETE', `/api/auth/sessions/${phoneId}`)).status).toBe(404);
      expect((await call(server.url, laptop, 'DELETE', '/api/auth/sessions/..%2f..%2fetc')).status).toBe(400);
    });

    it('signs out', async () => {
      const browser = await login(server.url, ADMIN.username, ADMIN.password);
      const token = browser.cookies.get('tidewatch_session') ?? '';
      expect((await call(server.url, browser, 'POST', '/api/auth/logout')).status).toBe(204);
      expect(browser.cookies.has('tidewatch_session')).toBe(false);
      expect((await call(server.url, sessionFrom({ tidewatch_session: token }), 'GET', '/api/auth/me')).status).toBe(401);
    });

    it('ends idle sessions and sessions past their absolute lifetime', async () => {
      const idle = await login(server.url, ADMIN.username, ADMIN.password);
      const old = await login(server.url, ADMIN.username, ADMIN.password);
      const hash = (session: Session) => createHash('sha256').update(session.cookies.get('tidewatch_session') ?? '').digest('hex');
      const database = db(server);
      try {
        // 61 minutes without a request (TIDEWATCH_AUTH_SESSION_IDLE=60)…
        database.prepare('UPDATE auth_session SET last_seen_at = ? WHERE token_hash = ?').run(Date.now() - 61 * 60_000, hash(idle));
        // …and a session whose absolute expiry has passed, though used a second ago.
        database.prepare('UPDATE auth_session SET expires_at = ? WHERE token_hash = ?').run(Date.now() - 1000, hash(old));
      } finally {
        database.close();
      }
      expect((await call(server.url, idle, 'GET', '/api/containers')).status).toBe(401);
      expect((await call(server.url, old, 'GET', '/api/containers')).status).toBe(401);
      expect((await call(server.url, admin, 'GET', '/api/containers')).status).toBe(200);
    });
  });

  describe('API tokens and HTTP Basic', () => {
    it('shows a token once, stores only its hash, and honours its scope', async () => {
      const created = await call<{ id: string; token: string; prefix: string; scope: string }>(server.url, admin, 'POST', '/api/auth/tokens', { name: 'homepage', scope: 'read', expiresInDays: 30 });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^twt_[\w-]{43}$/);
      const listed = await call<Array<Record<string, unknown>>>(server.url, admin, 'GET', '/api/auth/tokens');
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
      expect(listed.body.find((token) => token.id === created.body.id)).toMatchObject({ name: 'homepage', scope: 'read', prefix: created.body.token.slice(0, 10) });
      const database = db(server);
      try {
        const row = database.prepare('SELECT token_hash FROM auth_api_token WHERE id = ?').get(created.body.id) as { token_hash: string };
        expect(row.token_hash).toBe(createHash('sha256').update(created.body.token).digest('hex'));
      } finally {
        database.close();
      }
      const bearer: Credentials = { kind: 'token', token: created.body.token };
      expect((await call(server.url, bearer, 'GET', '/api/containers')).status).toBe(200);
      expect((await call<ErrorBody>(server.url, bearer, 'POST', '/api/containers/watch')).body.message).toContain('read scope');
      // A token cannot mint tokens or manage users, whatever its scope.
      const write = await call<{ token: string }>(server.url, admin, 'POST', '/api/auth/tokens', { name: 'ci', scope: 'write' });
      const writer: Credentials = { kind: 'token', token: write.body.token };
      expect((await call(server.url, writer, 'POST', '/api/containers/watch')).status).toBe(200);
      expect((await call(server.url, writer, 'POST', '/api/auth/tokens', { name: 'x', scope: 'write' })).status).toBe(403);
      expect((await call(server.url, writer, 'GET', '/api/users')).status).toBe(403);
    });

    it('refuses revoked, expired and made-up tokens', async () => {
      const created = await call<{ id: string; token: string }>(server.url, admin, 'POST', '/api/auth/tokens', { name: 'short-lived', scope: 'read', expiresInDays: 1 });
      const bearer: Credentials = { kind: 'token', token: created.body.token };
      expect((await call(server.url, bearer, 'GET', '/api/watchers')).status).toBe(200);
      const database = db(server);
      try {
        database.prepare('UPDATE auth_api_token SET expires_at = ? WHERE id = ?').run(Date.now() - 1, created.body.id);
      } finally {
        database.close();
      }
      expect((await call<ErrorBody>(server.url, bearer, 'GET', '/api/watchers')).status).toBe(401);
      const other = await call<{ id: string; token: string }>(server.url, admin, 'POST', '/api/auth/tokens', { name: 'revoke me', scope: 'read' });
      expect((await call(server.url, { kind: 'token', token: other.body.token }, 'GET', '/api/watchers')).status).toBe(200);
      expect((await call(server.url, admin, 'DELETE', `/api/auth/tokens/${other.body.id}`)).status).toBe(204);
      expect((await call(server.url, { kind: 'token', token: other.body.token }, 'GET', '/api/watchers')).status).toBe(401);
      expect((await call(server.url, { kind: 'token', token: 'twt_madeup' }, 'GET', '/api/watchers')).status).toBe(401);
      // A bad Authorization header never falls back to the cookie.
      expect((await call(server.url, admin, 'GET', '/api/watchers', undefined, { authorization: 'Bearer nonsense' })).status).toBe(401);
    });

    it('accepts HTTP Basic on the WUD widget path GET /api/containers, without a browser prompt', async () => {
      const ok = await call<Array<{ name: string }>>(server.url, { kind: 'basic', ...ADMIN }, 'GET', '/api/containers');
      expect(ok.status).toBe(200);
      expect(ok.body.map((container) => container.name)).toContain('widget');
      const wrong = await call(server.url, { kind: 'basic', username: 'admin', password: 'nope' }, 'GET', '/api/containers');
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toBeNull();
      expect((await call(server.url, ANON, 'GET', '/api/containers')).headers.get('www-authenticate')).toBeNull();
    });
  });

  describe('users and roles', () => {
    let viewerId: string;

    it('lets admins create users; viewers read but change nothing', async () => {
      const created = await call<{ id: string; role: string; source: string }>(server.url, admin, 'POST', '/api/users', { username: 'vera', password: 'vera password', role: 'viewer' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ role: 'viewer', source: 'local' });
      viewerId = created.body.id;
      expect((await call(server.url, admin, 'POST', '/api/users', { username: 'vera', password: 'vera password', role: 'viewer' })).status).toBe(409);
      expect((await call<ErrorBody>(server.url, admin, 'POST', '/api/users', { username: 'x', password: 'long enough', role: 'root' })).body.message).toContain('role must be');
      const vera = await login(server.url, 'vera', 'vera password');
      expect((await call(server.url, vera, 'GET', '/api/containers')).status).toBe(200);
      expect((await call(server.url, vera, 'POST', '/api/containers/watch')).status).toBe(403);
      expect((await call(server.url, vera, 'GET', '/api/users')).status).toBe(403);
      expect((await call(server.url, vera, 'GET', '/api/audit')).status).toBe(403);
      // Promoted to operator: the next request already has the new role.
      expect((await call(server.url, admin, 'PATCH', `/api/users/${viewerId}`, { role: 'operator' })).status).toBe(200);
      expect((await call(server.url, vera, 'POST', '/api/containers/watch')).status).toBe(200);
      expect((await call(server.url, vera, 'POST', '/api/triggers', { type: 'webhook', name: 'x', configuration: {} })).status).toBe(403);
    });

    it('ends the sessions of a disabled user and keeps the last admin', async () => {
      const vera = await login(server.url, 'vera', 'vera password');
      expect((await call(server.url, admin, 'PATCH', `/api/users/${viewerId}`, { disabled: true })).status).toBe(200);
      expect((await call(server.url, vera, 'GET', '/api/containers')).status).toBe(401);
      expect((await call(server.url, ANON, 'POST', '/api/auth/login', { username: 'vera', password: 'vera password' })).status).toBe(401);
      const me = await call<Me>(server.url, admin, 'GET', '/api/auth/me');
      const last = await call<ErrorBody>(server.url, admin, 'PATCH', `/api/users/${me.body.id}`, { role: 'viewer' });
      expect(last.status).toBe(409);
      expect(last.body.message).toContain('last enabled admin');
      expect((await call(server.url, admin, 'DELETE', `/api/users/${me.body.id}`)).status).toBe(409);
      expect((await call(server.url, admin, 'DELETE', `/api/users/${viewerId}`)).status).toBe(204);
    });

    it('changes the own password and signs the other sessions out', async () => {
      const other = await login(server.url, ADMIN.username, ADMIN.password);
      expect((await call(server.url, admin, 'POST', '/api/auth/password', { currentPassword: 'wrong', newPassword: 'second admin password' })).status).toBe(401);
      expect((await call(server.url, admin, 'POST', '/api/auth/password', { currentPassword: ADMIN.password, newPassword: 'second admin password' })).status).toBe(204);
      expect((await call(server.url, other, 'GET', '/api/auth/me')).status).toBe(401);
      expect((await call(server.url, admin, 'GET', '/api/auth/me')).status).toBe(200);
      expect((await call(server.url, { kind: 'basic', ...ADMIN }, 'GET', '/api/containers')).status).toBe(401);
      expect((await call(server.url, admin, 'POST', '/api/auth/password', { currentPassword: 'second admin password', newPassword: ADMIN.password })).status).toBe(204);
    });
  });

  describe('audit log', () => {
    it('records who did what, to what, when and from where; admins only', async () => {
      await call(server.url, ANON, 'POST', '/api/auth/login', { username: 'mallory', password: 'guess' });
      await sleep(200);
      const page = await call<{ items: Array<{ actor: string; action: string; target: string | null; ip: string; at: string; details: { status: number } }>; total: number }>(server.url, admin, 'GET', '/api/audit?limit=500');
      expect(page.status).toBe(200);
      const find = (action: string, predicate: (entry: (typeof page.body.items)[number]) => boolean = () => true) => page.body.items.find((entry) => entry.action === action && predicate(entry));
      expect(find('POST /api/users', (entry) => entry.target === 'user=vera role=viewer' && entry.details.status === 201)).toMatchObject({ actor: 'admin', ip: '127.0.0.1', details: { status: 201 } });
      expect(find('PATCH /api/users/:id', (entry) => entry.details.status === 200)).toMatchObject({ actor: 'admin', target: expect.stringContaining('user=vera') });
      expect(find('PATCH /api/users/:id', (entry) => entry.details.status === 409)).toMatchObject({ target: expect.stringMatching(/^id=/) });
      expect(find('POST /api/containers/watch', (entry) => entry.actor === 'vera')).toBeDefined();
      expect(find('POST /api/auth/login', (entry) => entry.actor === 'mallory')).toMatchObject({ details: { status: 401 } });
      expect(find('POST /api/auth/setup', (entry) => entry.details.status === 200)).toMatchObject({ actor: 'admin' });
      expect(new Date(page.body.items[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
      // Reads are not audited.
      expect(page.body.items.some((entry) => entry.action.startsWith('GET '))).toBe(false);
    });
  });

  describe('hardening', () => {
    it('sends security headers on the UI and the API', async () => {
      for (const path of ['/', '/api/app', '/login']) {
        const response = await fetch(`${server.url}${path}`);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-inline');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
      }
      expect((await fetch(`${server.url}/api/app`)).headers.get('cache-control')).toBe('no-store');
    });

    it('answers no cross-origin request by default (CORS off)', async () => {
      const preflight = await fetch(`${server.url}/api/containers`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const simple = await fetch(`${server.url}/api/app`, { headers: { origin: 'https://evil.example' } });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('limits request bodies', async () => {
      const huge = await call<ErrorBody>(server.url, { kind: 'basic', ...ADMIN }, 'POST', '/api/users', JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024), role: 'viewer' }));
      expect(huge.status).toBe(413);
    });
  });
});

describe('lockout, WUD htpasswd users, CORS', () => {
  let server: ServerProcess;
  const attempt = (username: string, password: string) => call<ErrorBody>(server.url, ANON, 'POST', '/api/auth/login', { username, password });

  beforeAll(async () => {
    server = await startServer({
      env: {
        TIDEWATCH_WATCHER_LOCAL_SOCKET: '/nonexistent/docker.sock',
        TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false',
        TIDEWATCH_WATCHER_LOCAL_WATCHEVENTS: 'false',
        // WUD's variables, as a WUD user has them (htpasswd -nbB / -nbm, password "wud-secret").
        WUD_AUTH_BASIC_JOHN_USER: 'john',
        WUD_AUTH_BASIC_JOHN_HASH: '$2y$05$8g3yftVxTmswRpdmUBdoae8s4L.0GxA3wkRXC6rmvT1fSHsc2rAXy',
        WUD_AUTH_BASIC_JANE_USER: 'jane',
        WUD_AUTH_BASIC_JANE_HASH: '$apr1$H2zTzqBY$gf/4BzU2qTfmzGrOphZjd/',
        TIDEWATCH_AUTH_BASIC_JANE_ROLE: 'viewer',
        TIDEWATCH_AUTH_LOCKOUT_ATTEMPTS: '3',
        TIDEWATCH_AUTH_LOCKOUT_IPATTEMPTS: '8',
        TIDEWATCH_AUTH_LOCKOUT_BASE: '1',
        TIDEWATCH_SERVER_CORS_ORIGIN: 'https://dash.example.com',
      },
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('accepts WUD basic-auth users (bcrypt and apr1 htpasswd hashes), read-only in the API', async () => {
    expect(server.output()).not.toContain('No user exists yet');
    const john = await call<Me>(server.url, { kind: 'basic', username: 'john', password: 'wud-secret' }, 'GET', '/api/auth/me');
    expect(john.body).toMatchObject({ username: 'john', role: 'admin', via: 'basic' });
    const jane = await login(server.url, 'jane', 'wud-secret');
    expect((await call<Me>(server.url, jane, 'GET', '/api/auth/me')).body).toMatchObject({ role: 'viewer' });
    expect((await call(server.url, { kind: 'basic', username: 'jane', password: 'wud-secret' }, 'GET', '/api/containers')).status).toBe(200);
    const users = await call<Array<{ id: string; username: string; source: string; readOnly: boolean }>>(server.url, { kind: 'basic', username: 'john', password: 'wud-secret' }, 'GET', '/api/users');
    const janeRow = users.body.find((user) => user.username === 'jane');
    expect(janeRow).toMatchObject({ source: 'env', readOnly: true });
    const edit = await call<ErrorBody>(server.url, { kind: 'basic', username: 'john', password: 'wud-secret' }, 'PATCH', `/api/users/${janeRow?.id}`, { role: 'admin' });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toContain('WUD_AUTH_BASIC_JANE_HASH');
  });

  it('locks a user out after 3 failures, with exponential back-off', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('john', `wrong-${i}`)).status).toBe(401);
    const locked = await call<ErrorBody>(server.url, ANON, 'POST', '/api/auth/login', { username: 'john', password: 'wud-secret' });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/Too many failed sign-ins: try again in 1 s/);
    expect(locked.headers.get('retry-after')).toBe('1');
    // Basic auth is the same door (a client whose password was verified in the last minute, like
    // a polling dashboard, keeps working: only unverified guesses wait).
    expect((await call(server.url, { kind: 'basic', username: 'john', password: 'guess' }, 'GET', '/api/containers')).status).toBe(429);
    await sleep(1100);
    expect((await attempt('john', 'wrong-again')).status).toBe(401);
    const longer = await attempt('john', 'wud-secret');
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');
    await sleep(2100);
    expect((await attempt('john', 'wud-secret')).status).toBe(200);
  });

  it('locks an address out that guesses many user names', async () => {
    // 4 failures so far from this address; 4 more with made-up names reach the per-IP limit of 8.
    for (let i = 0; i < 4; i++) expect((await attempt(`nobody-${i}`, 'guess')).status).toBe(401);
    expect((await attempt('jane', 'wud-secret')).status).toBe(429);
    await sleep(1100);
    expect((await attempt('jane', 'wud-secret')).status).toBe(200);
  });

  it('answers CORS requests from the configured origin only, never with credentials', async () => {
    const allowed = await fetch(`${server.url}/api/containers`, { method: 'OPTIONS', headers: { origin: 'https://dash.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await fetch(`${server.url}/api/containers`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('TIDEWATCH_AUTH_DISABLED', () => {
  it('opens every route and says so loudly at start', async () => {
    const server = await startServer({
      env: { TIDEWATCH_AUTH_DISABLED: 'true', TIDEWATCH_WATCHER_LOCAL_SOCKET: '/nonexistent/docker.sock', TIDEWATCH_WATCHER_LOCAL_WATCHATSTART: 'false', TIDEWATCH_WATCHER_LOCAL_WATCHEVENTS: 'false' },
    });
    try {
      expect(server.output()).toContain('AUTHENTICATION IS DISABLED');
      expect((await call(server.url, ANON, 'GET', '/api/containers')).status).toBe(200);
      expect((await call<{ disabled: boolean }>(server.url, ANON, 'GET', '/api/auth/status')).body.disabled).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
