import { ConfigError, loadConfig } from '../config/config';

const cwd = '/srv/tidewatch';
const BCRYPT = '$2y$05$8g3yftVxTmswRpdmUBdoae8s4L.0GxA3wkRXC6rmvT1fSHsc2rAXy';

describe('auth configuration', () => {
  it('defaults: sign-in required, 12 h idle and 7 d absolute sessions, lockout after 5', () => {
    const { auth, server } = loadConfig({}, cwd);
    expect(auth.disabled).toBe(false);
    expect(auth.admin).toBeUndefined();
    expect(auth.session).toEqual({ idleMs: 12 * 3_600_000, absoluteMs: 7 * 86_400_000, cookieSecure: 'auto' });
    expect(auth.lockout).toEqual({ attempts: 5, ipAttempts: 20, baseMs: 30_000, maxMs: 900_000, windowMs: 900_000 });
    expect(server.cors).toBeUndefined();
    expect(server.trustProxy).toBe(false);
  });

  it('reads the admin, WUD basic users (through the WUD twin) and OIDC providers', () => {
    const { auth } = loadConfig(
      {
        TIDEWATCH_AUTH_ADMIN_USER: 'root',
        TIDEWATCH_AUTH_ADMIN_PASSWORD: 'long enough',
        WUD_AUTH_BASIC_JOHN_USER: 'john',
        WUD_AUTH_BASIC_JOHN_HASH: BCRYPT,
        TIDEWATCH_AUTH_BASIC_VIEW_USER: 'v',
        TIDEWATCH_AUTH_BASIC_VIEW_HASH: '{SHA}nPsg70A3NtQqN+ZX2UubRmqy2j0=',
        TIDEWATCH_AUTH_BASIC_VIEW_ROLE: 'viewer',
        WUD_AUTH_OIDC_DEX_DISCOVERY: 'https://dex.example.com/.well-known/openid-configuration',
        WUD_AUTH_OIDC_DEX_CLIENTID: 'tidewatch',
        WUD_AUTH_OIDC_DEX_CLIENTSECRET: 's3cret',
        TIDEWATCH_AUTH_OIDC_DEX_ADMINGROUPS: 'admins, ops-leads',
        TIDEWATCH_AUTH_OIDC_DEX_ROLECLAIM: 'realm_access.roles',
        TIDEWATCH_AUTH_SESSION_IDLE: '30',
        TIDEWATCH_AUTH_LOCKOUT_ATTEMPTS: '3',
      },
      cwd,
    );
    expect(auth.admin).toEqual({ user: 'root', password: 'long enough', source: 'TIDEWATCH_AUTH_ADMIN_PASSWORD' });
    expect(auth.basic.map((user) => [user.user, user.role])).toEqual([
      ['john', 'admin'],
      ['v', 'viewer'],
    ]);
    expect(auth.oidc).toEqual([
      expect.objectContaining({ name: 'dex', clientId: 'tidewatch', clientSecret: 's3cret', adminGroups: ['admins', 'ops-leads'], roleClaim: 'realm_access.roles', defaultRole: 'none', scope: 'openid profile email groups' }),
    ]);
    expect(auth.session.idleMs).toBe(30 * 60_000);
    expect(auth.lockout.attempts).toBe(3);
  });

  it('reads CORS and proxy settings', () => {
    const config = loadConfig({ TIDEWATCH_SERVER_CORS_ORIGIN: 'https://dash.example.com, https://ha.example.com', TIDEWATCH_SERVER_TRUSTPROXY: 'loopback' }, cwd);
    expect(config.server.cors).toEqual({ origins: ['https://dash.example.com', 'https://ha.example.com'], methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] });
    expect(config.server.trustProxy).toBe('loopback');
    expect(loadConfig({ WUD_SERVER_CORS_ENABLED: 'true' }, cwd).server.cors?.origins).toBe('*');
    expect(loadConfig({ WUD_SERVER_CORS_ENABLED: 'false', WUD_SERVER_CORS_ORIGIN: '*' }, cwd).server.cors).toBeUndefined();
  });

  it.each([
    [{ TIDEWATCH_AUTH_DISABLED: 'perhaps' }, 'TIDEWATCH_AUTH_DISABLED: must be true or false'],
    [{ TIDEWATCH_AUTH_ADMIN_USER: 'root' }, 'TIDEWATCH_AUTH_ADMIN_PASSWORD'],
    [{ TIDEWATCH_AUTH_ADMIN_USER: 'root', TIDEWATCH_AUTH_ADMIN_PASSWORD: 'short' }, 'TIDEWATCH_AUTH_ADMIN_PASSWORD: must be at least 8 characters'],
    [{ WUD_AUTH_BASIC_JOHN_USER: 'john', WUD_AUTH_BASIC_JOHN_HASH: 'plaintext' }, 'WUD_AUTH_BASIC_JOHN_HASH: must be an htpasswd hash'],
    [{ WUD_AUTH_BASIC_JOHN_USER: 'john' }, 'WUD_AUTH_BASIC_JOHN_HASH: is required'],
    [{ TIDEWATCH_AUTH_OIDC_X_DISCOVERY: 'http://idp/.well-known/openid-configuration', TIDEWATCH_AUTH_OIDC_X_CLIENTID: 'a' }, 'TIDEWATCH_AUTH_OIDC_X_DISCOVERY: must be an https:// URL'],
    [{ TIDEWATCH_AUTH_OIDC_X_CLIENTID: 'a' }, 'TIDEWATCH_AUTH_OIDC_X_DISCOVERY: is required'],
    [{ TIDEWATCH_AUTH_OIDC_X_DISCOVERY: 'https://idp', TIDEWATCH_AUTH_OIDC_X_CLIENTID: 'a', TIDEWATCH_AUTH_OIDC_X_DEFAULTROLE: 'root' }, 'DEFAULTROLE: must be none, viewer, operator or admin'],
    [{ TIDEWATCH_AUTH_OIDC_X_DISCOVERY: 'https://idp', TIDEWATCH_AUTH_OIDC_X_CLIENTID: 'a', TIDEWATCH_AUTH_OIDC_X_SECRETZ: 'a' }, 'unknown OIDC setting "SECRETZ"'],
    [{ TIDEWATCH_AUTH_SESSION_IDLE: '0' }, 'TIDEWATCH_AUTH_SESSION_IDLE: must be a whole number of minutes'],
    [{ TIDEWATCH_AUTH_WHATEVER: '1' }, 'TIDEWATCH_AUTH_WHATEVER: unknown auth setting'],
    [{ TIDEWATCH_SERVER_CORS_ORIGIN: 'javascript:alert(1)' }, 'TIDEWATCH_SERVER_CORS_ORIGIN: must be * or a comma-separated list of origins'],
  ])('%j is refused naming the variable', (env, message) => {
    expect(() => loadConfig(env, cwd)).toThrow(ConfigError);
    expect(() => loadConfig(env, cwd)).toThrow(message);
  });

  it('never quotes a bad password in the error', () => {
    expect(() => loadConfig({ TIDEWATCH_AUTH_ADMIN_USER: 'root', TIDEWATCH_AUTH_ADMIN_PASSWORD: 'hunter2' }, cwd)).toThrow(/^((?!hunter2).)*$/);
  });
});
