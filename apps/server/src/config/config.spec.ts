import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const cwd = '/srv/tidewatch';
const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tw-config-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('loadConfig defaults', () => {
  const config = loadConfig({}, cwd);

  it('listens on 3000 and keeps data in ./data', () => {
    expect(config.server.port).toBe(3000);
    expect(config.dataDir).toBe('/srv/tidewatch/data');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('creates the local watcher on the Docker socket with WUD defaults', () => {
    expect(config.watchers).toEqual([
      {
        name: 'local', socket: '/var/run/docker.sock', host: undefined, port: 2375, protocol: 'http',
        cafile: undefined, certfile: undefined, keyfile: undefined, cron: '0 * * * *', jitter: 60000,
        watchbydefault: true, watchall: false, watchevents: true, watchatstart: true,
      },
    ]);
  });
});

describe('loadConfig values', () => {
  it.each<[Record<string, string>, (c: ReturnType<typeof loadConfig>) => unknown, unknown]>([
    [{ TIDEWATCH_SERVER_PORT: '8080' }, (c) => c.server.port, 8080],
    [{ TIDEWATCH_DATA_DIR: '/var/lib/tw' }, (c) => c.dataDir, '/var/lib/tw'],
    [{ TIDEWATCH_DATA_DIR: 'rel' }, (c) => c.dataDir, '/srv/tidewatch/rel'],
    [{ TIDEWATCH_DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/tw' }, (c) => c.databaseUrl, 'postgres://u:p@127.0.0.1:5432/tw'],
    [{ TIDEWATCH_LOG_LEVEL: 'DEBUG' }, (c) => c.log.level, 'debug'],
    [{ TIDEWATCH_WATCHER_EDGE_HOST: '10.0.0.5' }, (c) => c.watchers.map((w) => [w.name, w.host, w.socket, w.port, w.protocol]), [['edge', '10.0.0.5', undefined, 2375, 'http']]],
    [{ TIDEWATCH_WATCHER_EDGE_HOST: 'h', TIDEWATCH_WATCHER_EDGE_CAFILE: '/ca.pem' }, (c) => c.watchers[0].protocol, 'https'],
    [{ TIDEWATCH_WATCHER_LOCAL_CRON: '*/5 * * * *', TIDEWATCH_WATCHER_LOCAL_JITTER: '0' }, (c) => [c.watchers[0].cron, c.watchers[0].jitter], ['*/5 * * * *', 0]],
    [{ TIDEWATCH_WATCHER_LOCAL_WATCHBYDEFAULT: 'false', TIDEWATCH_WATCHER_LOCAL_WATCHALL: 'TRUE' }, (c) => [c.watchers[0].watchbydefault, c.watchers[0].watchall], [false, true]],
    [{ TIDEWATCH_WATCHER_A_SOCKET: '/a.sock', TIDEWATCH_WATCHER_B_SOCKET: '/b.sock' }, (c) => c.watchers.map((w) => w.socket), ['/a.sock', '/b.sock']],
    // WUD twins keep their meaning.
    [{ WUD_WATCHER_LOCAL_SOCKET: '/wud.sock' }, (c) => c.watchers[0].socket, '/wud.sock'],
    [{ WUD_WATCHER_LOCAL_SOCKET: '/wud.sock', TIDEWATCH_WATCHER_LOCAL_SOCKET: '/tw.sock' }, (c) => c.watchers[0].socket, '/tw.sock'],
    [{ WUD_TRIGGER_HTTP_OPS_URL: 'http://x' }, (c) => c.triggers.map((t) => [t.type, t.name, t.values.url]), [['webhook', 'ops', 'http://x']]],
    [{ WUD_TRIGGER_SMTP_GMAIL_TLS_ENABLED: 'true' }, (c) => c.triggers.map((t) => [t.type, t.values.tls_enabled, t.sources.tls_enabled]), [['email', 'true', 'WUD_TRIGGER_SMTP_GMAIL_TLS_ENABLED']]],
    [{ WUD_TRIGGER_DOCKERCOMPOSE_APP_FILE: '/c.yml' }, (c) => c.triggers[0].type, 'compose'],
    [{ TIDEWATCH_REGISTRY_HUB_PUBLIC_LOGIN: 'me' }, (c) => c.registries.map((r) => [r.type, r.name, r.values.login]), [['hub', 'public', 'me']]],
    [{ WUD_STORE_PATH: '/store' }, (c) => c.warnings, []],
    [{ WUD_KAFKA_X: '1' }, (c) => c.warnings, ['WUD_KAFKA_X is a WUD setting Tidewatch does not use; ignored']],
  ])('%j', (env, pick, expected) => {
    expect(pick(loadConfig(env, cwd))).toEqual(expected);
  });

  it('reads NAME__FILE secrets from files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pass'), 's3cret\n');
    const config = loadConfig({ TIDEWATCH_REGISTRY_CUSTOM_MINE_PASSWORD__FILE: join(dir, 'pass') }, cwd);
    expect(config.registries[0].values.password).toBe('s3cret');
    expect(config.registries[0].sources.password).toBe('TIDEWATCH_REGISTRY_CUSTOM_MINE_PASSWORD__FILE');
  });

  it('reads an optional YAML file, overridden by the environment', () => {
    const dir = tempDir();
    const file = join(dir, 'tidewatch.yml');
    writeFileSync(file, 'server:\n  port: 4000\nwatcher:\n  edge:\n    host: 127.0.0.1\n    port: 2376\nlog:\n  level: warn\n');
    const config = loadConfig({ TIDEWATCH_CONFIG: file, TIDEWATCH_LOG_LEVEL: 'error' }, cwd);
    expect(config.server.port).toBe(4000);
    expect(config.watchers.map((w) => [w.name, w.host, w.port])).toEqual([['edge', '127.0.0.1', 2376]]);
    expect(config.log.level).toBe('error');
  });
});

describe('loadConfig errors name the variable', () => {
  it.each<[Record<string, string>, RegExp]>([
    [{ TIDEWATCH_SERVER_PORT: 'abc' }, /^TIDEWATCH_SERVER_PORT: must be a whole number/],
    [{ TIDEWATCH_SERVER_PORT: '70000' }, /^TIDEWATCH_SERVER_PORT: must be a port/],
    [{ TIDEWATCH_DATABASE_URL: 'mysql://x' }, /^TIDEWATCH_DATABASE_URL: must be a postgres/],
    [{ TIDEWATCH_LOG_LEVEL: 'loud' }, /^TIDEWATCH_LOG_LEVEL: must be error, warn/],
    [{ TIDEWATCH_WATCHER_LOCAL_CRON: 'every minute' }, /^TIDEWATCH_WATCHER_LOCAL_CRON: must be a valid cron/],
    [{ TIDEWATCH_WATCHER_LOCAL_WATCHALL: 'sure' }, /^TIDEWATCH_WATCHER_LOCAL_WATCHALL: must be true or false/],
    [{ TIDEWATCH_WATCHER_LOCAL_PORT: '0' }, /^TIDEWATCH_WATCHER_LOCAL_PORT: must be a port/],
    [{ TIDEWATCH_WATCHER_LOCAL_JITTER: '-1' }, /^TIDEWATCH_WATCHER_LOCAL_JITTER: must be a whole number/],
    [{ TIDEWATCH_WATCHER_LOCAL_PROTOCOL: 'ftp' }, /^TIDEWATCH_WATCHER_LOCAL_PROTOCOL: must be http or https/],
    [{ TIDEWATCH_WATCHER_LOCAL_CERTFILE: '/c.pem' }, /^TIDEWATCH_WATCHER_LOCAL_CERTFILE: CERTFILE and KEYFILE must be set together/],
    [{ TIDEWATCH_WATCHER_LOCAL_SOKET: '/x' }, /^TIDEWATCH_WATCHER_LOCAL_SOKET: unknown watcher setting "SOKET"/],
    [{ TIDEWATCH_WATCHER_LOCAL: 'x' }, /^TIDEWATCH_WATCHER_LOCAL: expected TIDEWATCH_WATCHER_\{name\}_\{setting\}/],
    [{ TIDEWATCH_SEVER_PORT: '1' }, /^TIDEWATCH_SEVER_PORT: unknown setting/],
    [{ TIDEWATCH_TRIGGER_WEBHOOK: 'x' }, /^TIDEWATCH_TRIGGER_WEBHOOK: expected TIDEWATCH_TRIGGER_\{type\}_\{name\}_\{setting\}/],
    [{ TIDEWATCH_REGISTRY_CUSTOM_MINE_PASSWORD__FILE: '/nonexistent/secret' }, /^TIDEWATCH_REGISTRY_CUSTOM_MINE_PASSWORD__FILE: cannot read secret file/],
    [{ TIDEWATCH_CONFIG: '/nonexistent/tidewatch.yml' }, /^TIDEWATCH_CONFIG: cannot read YAML file/],
  ])('%j', (env, message) => {
    expect(() => loadConfig(env, cwd)).toThrow(ConfigError);
    expect(() => loadConfig(env, cwd)).toThrow(message);
  });
});
