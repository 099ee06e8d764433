import { tmpdir } from 'node:os';
import { validateMigration } from './migrate-from-wud.command';
import {
  type MigrationLine,
  migrateWudEnv,
  parseDockerInspect,
  parseEnvFile,
  renderMigration,
} from './wud-migration';

function settings(lines: MigrationLine[]): Record<string, string> {
  return Object.fromEntries(
    lines.flatMap((line) => (line.kind === 'setting' ? [[line.name, line.value]] : [])),
  );
}
function unsupported(lines: MigrationLine[]): string[] {
  return lines.flatMap((line) => (line.kind === 'unsupported' ? [line.from] : []));
}

describe('parseEnvFile', () => {
  it('reads comments, export, quotes and values with =', () => {
    const { entries, skipped } = parseEnvFile(
      [
        '# comment',
        '',
        'export WUD_A=1',
        'WUD_B="two words \\"q\\""',
        "WUD_C='$literal'",
        'WUD_D=a=b',
        'LONELY',
        'WUD_E=',
      ].join('\n'),
    );
    expect(entries).toEqual([
      { name: 'WUD_A', value: '1' },
      { name: 'WUD_B', value: 'two words "q"' },
      { name: 'WUD_C', value: '$literal' },
      { name: 'WUD_D', value: 'a=b' },
      { name: 'WUD_E', value: '' },
    ]);
    expect(skipped).toEqual(['LONELY']);
  });
});

describe('parseDockerInspect', () => {
  const inspect = JSON.stringify([
    {
      Name: '/wud',
      Config: {
        Image: 'getwud/wud:8.1.1',
        Env: [
          'WUD_WATCHER_LOCAL_CRON=0 3 * * *',
          'PATH=/usr/bin',
          'WUD_TRIGGER_HTTP_X_URL=http://h/x=1',
        ],
      },
      Mounts: [
        {
          Type: 'bind',
          Source: '/var/run/docker.sock',
          Destination: '/var/run/docker.sock',
          RW: false,
        },
        { Type: 'volume', Source: 'wud-store', Destination: '/store', RW: true },
      ],
    },
  ]);
  it('reads Config.Env and explains mounts', () => {
    const { entries, notes } = parseDockerInspect(inspect);
    expect(entries).toContainEqual({ name: 'WUD_TRIGGER_HTTP_X_URL', value: 'http://h/x=1' });
    expect(notes.join('\n')).toMatch(/read-only/);
    expect(notes.join('\n')).toMatch(/store .* is not imported/i);
  });
  it.each([
    ['not json', 'WUD_A=1'],
    ['empty array', '[]'],
    ['no env', '[{"Config":{}}]'],
  ])('rejects %s', (_name, text) => {
    expect(() => parseDockerInspect(text)).toThrow();
  });
});

describe('migrateWudEnv', () => {
  const env = [
    ['WUD_WATCHER_LOCAL_SOCKET', '/var/run/docker.sock'],
    ['WUD_WATCHER_DOCKER_REMOTE_HOST', '10.0.0.5'],
    ['WUD_WATCHER_LOCAL_WATCHDIGEST', 'true'],
    ['WUD_REGISTRY_HUB_LOGIN', 'me'],
    ['WUD_REGISTRY_GHCR_PRIVATE_TOKEN__FILE', '/run/secrets/ghcr'],
    ['WUD_REGISTRY_FORGEJO_HOME_URL', 'https://git.example.com'],
    ['WUD_REGISTRY_TRUEFORGE_X_URL', 'https://tf'],
    ['WUD_TRIGGER_HTTP_OPS_URL', 'https://hooks.example.com/x'],
    ['WUD_TRIGGER_HTTP_OPS_AUTH_TYPE', 'BEARER'],
    ['WUD_TRIGGER_SMTP_MAIL_SIMPLETITLE', 'New ${container.name}'],
    ['WUD_TRIGGER_KAFKA_BUS_BROKERS', 'k:9092'],
    ['WUD_TRIGGER_IFTTT_X_KEY', 'abc'],
    ['WUD_STORE_PATH', '/store'],
    ['WUD_LOG_LEVEL', 'trace'],
    ['WUD_SERVER_PORT', '3001'],
    ['WUD_SERVER_TLS_ENABLED', 'true'],
    ['WUD_PROMETHEUS_ENABLED', 'false'],
    ['WUD_AUTH_BASIC_JOHN_USER', 'john'],
    ['WUD_AUTH_OIDC_X_CLIENTID', 'id'],
    ['WUD_AUTH_ADMIN_USER', 'admin'],
    ['WUD_PUBLIC_URL', 'https://wud.example.com'],
    ['WUD_EVENT_GITLAB_X_TOKEN', 't'],
    ['TZ', 'Europe/Paris'],
    ['HOME', '/root'],
  ].map(([name, value]) => ({ name, value }));
  const result = migrateWudEnv(env);

  it('prints native names', () => {
    expect(settings(result.lines)).toEqual({
      TIDEWATCH_SERVER_PORT: '3001',
      TIDEWATCH_LOG_LEVEL: 'verbose',
      TIDEWATCH_PUBLIC_URL: 'https://wud.example.com',
      TZ: 'Europe/Paris',
      TIDEWATCH_WATCHER_LOCAL_SOCKET: '/var/run/docker.sock',
      TIDEWATCH_WATCHER_REMOTE_HOST: '10.0.0.5',
      TIDEWATCH_REGISTRY_HUB_PUBLIC_LOGIN: 'me',
      TIDEWATCH_REGISTRY_GHCR_PRIVATE_TOKEN__FILE: '/run/secrets/ghcr',
      TIDEWATCH_REGISTRY_GITEA_HOME_URL: 'https://git.example.com',
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_URL: 'https://hooks.example.com/x',
      TIDEWATCH_TRIGGER_WEBHOOK_OPS_AUTH_TYPE: 'BEARER',
      TIDEWATCH_TRIGGER_EMAIL_MAIL_TITLE: 'New ${container.name}',
      TIDEWATCH_AUTH_ADMIN_USER: 'admin',
      TIDEWATCH_AUTH_BASIC_JOHN_USER: 'john',
      TIDEWATCH_AUTH_OIDC_X_CLIENTID: 'id',
      TIDEWATCH_METRICS_ENABLED: 'false',
    });
  });

  it('flags what has no equivalent', () => {
    expect(unsupported(result.lines).sort()).toEqual(
      [
        'WUD_WATCHER_LOCAL_WATCHDIGEST',
        'WUD_REGISTRY_TRUEFORGE_X_URL',
        'WUD_TRIGGER_KAFKA_BUS_BROKERS',
        'WUD_TRIGGER_IFTTT_X_KEY',
        'WUD_STORE_PATH',
        'WUD_SERVER_TLS_ENABLED',
        'WUD_EVENT_GITLAB_X_TOKEN',
      ].sort(),
    );
    expect(result.notes.join()).toContain('HOME');
  });

  it('lets explicit TIDEWATCH_ variables win', () => {
    const both = migrateWudEnv([
      { name: 'WUD_SERVER_PORT', value: '3001' },
      { name: 'TIDEWATCH_SERVER_PORT', value: '4000' },
    ]);
    expect(settings(both.lines)).toEqual({ TIDEWATCH_SERVER_PORT: '4000' });
  });

  it('renders env lines and comments without the values of unsupported settings', () => {
    const text = renderMigration(
      migrateWudEnv([
        { name: 'WUD_TRIGGER_KAFKA_BUS_PASSWORD', value: 'kafka-secret' },
        { name: 'WUD_SERVER_PORT', value: '3001' },
      ]),
      null,
    );
    expect(text).toContain('\nTIDEWATCH_SERVER_PORT=3001\n');
    expect(text).toContain(
      '# UNSUPPORTED WUD_TRIGGER_KAFKA_BUS_PASSWORD: kafka triggers do not exist in Tidewatch',
    );
    expect(text).not.toContain('kafka-secret');
  });
});

describe('validateMigration', () => {
  it('comments out a component Tidewatch rejects and keeps the rest', () => {
    const result = migrateWudEnv([
      { name: 'WUD_TRIGGER_HTTP_OPS_URL', value: 'not a url' },
      { name: 'WUD_TRIGGER_HTTP_OPS_METHOD', value: 'POST' },
      { name: 'WUD_TRIGGER_HTTP_GOOD_URL', value: 'https://hooks.example.com/x' },
      { name: 'WUD_WATCHER_LOCAL_CRON', value: 'every day' },
      { name: 'WUD_SERVER_PORT', value: '3001' },
    ]);
    expect(validateMigration(result, tmpdir())).toBeNull();
    expect(settings(result.lines)).toEqual({
      TIDEWATCH_SERVER_PORT: '3001',
      TIDEWATCH_TRIGGER_WEBHOOK_GOOD_URL: 'https://hooks.example.com/x',
    });
    expect(unsupported(result.lines).sort()).toEqual([
      'WUD_TRIGGER_HTTP_OPS_METHOD',
      'WUD_TRIGGER_HTTP_OPS_URL',
      'WUD_WATCHER_LOCAL_CRON',
    ]);
    const text = renderMigration(result, null);
    expect(text).toMatch(/UNSUPPORTED WUD_TRIGGER_HTTP_OPS_URL: rejected by Tidewatch: .*URL/i);
  });

  it('keeps WUD Basic users and drops an OIDC provider that lacks a required setting', () => {
    const result = migrateWudEnv([
      { name: 'WUD_AUTH_BASIC_JOHN_USER', value: 'john' },
      { name: 'WUD_AUTH_BASIC_JOHN_HASH', value: '$apr1$abcdefgh$dpAV6QQjxgWkOVVlw5sIs1' },
      { name: 'WUD_AUTH_OIDC_CORP_CLIENTID', value: 'tidewatch' },
    ]);
    expect(validateMigration(result, tmpdir())).toBeNull();
    expect(settings(result.lines)).toEqual({
      TIDEWATCH_AUTH_BASIC_JOHN_USER: 'john',
      TIDEWATCH_AUTH_BASIC_JOHN_HASH: '$apr1$abcdefgh$dpAV6QQjxgWkOVVlw5sIs1',
    });
    expect(unsupported(result.lines)).toEqual(['WUD_AUTH_OIDC_CORP_CLIENTID']);
    expect(renderMigration(result, null)).toMatch(
      /UNSUPPORTED WUD_AUTH_OIDC_CORP_CLIENTID: part of AUTH_OIDC_CORP, which Tidewatch rejected \(TIDEWATCH_AUTH_OIDC_CORP_DISCOVERY: is required\)/,
    );
  });

  it('accepts secret files without reading them', () => {
    const result = migrateWudEnv([
      { name: 'WUD_REGISTRY_HUB_MINE_LOGIN', value: 'me' },
      { name: 'WUD_REGISTRY_HUB_MINE_PASSWORD__FILE', value: '/nonexistent/secret' },
    ]);
    expect(validateMigration(result, tmpdir())).toBeNull();
    expect(unsupported(result.lines)).toEqual([]);
  });
});
