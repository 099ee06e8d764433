// The same binary as a CLI: `check` against a real engine and registry (table, JSON, exit codes,
// no trigger unless --notify), `migrate-from-wud` from an env file, docker inspect JSON and stdin,
// and `backup` of a live SQLite database (also refused on PostgreSQL).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type DockerEngine,
  type TestRegistry,
  pushTags,
  runContainer,
  startDockerEngine,
  startRegistry,
} from '../env';
import { type HttpReceiver, startHttpReceiver } from '../support/receivers';
import { SERVER_MAIN, api, startServer } from '../support/server-process';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tidewatch(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_MAIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

interface CheckJson {
  summary: { containers: number; updates: number; errors: number };
  watchers: Array<{ name: string; error: string | null }>;
  containers: Array<{
    name: string;
    host: string;
    image: string;
    current: string;
    candidate: string | null;
    kind: string | null;
    error: string | null;
  }>;
}

describe('tidewatch CLI', () => {
  let engine: DockerEngine;
  let registry: TestRegistry;
  let receiver: HttpReceiver;
  let env: Record<string, string>;

  beforeAll(async () => {
    [engine, registry, receiver] = await Promise.all([
      startDockerEngine(),
      startRegistry(),
      startHttpReceiver(),
    ]);
    await pushTags(engine, registry, 'acme/web', ['1.0.0', '1.0.1', '1.1.0', '2.0.0']);
    await pushTags(engine, registry, 'acme/db', ['5.1']);
    await runContainer(engine, `${registry.host}/acme/web:1.0.0`, { name: 'web' });
    await runContainer(engine, `${registry.host}/acme/db:5.1`, { name: 'db' });
    env = {
      TIDEWATCH_DATA_DIR: mkdtempSync(join(tmpdir(), 'tw-cli-')),
      TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath,
      TIDEWATCH_TRIGGER_WEBHOOK_HOOK_URL: `${receiver.url}/hook`,
    };
  });

  afterAll(async () => {
    await Promise.all([engine?.stop(), registry?.stop(), receiver?.close()]);
  });

  describe('check', () => {
    it('prints a table of containers and updates, and fires no trigger', async () => {
      const result = await tidewatch(['check'], env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toMatch(/^NAME\s+HOST\s+IMAGE\s+CURRENT\s+CANDIDATE\s+KIND$/);
      expect(result.stdout).toMatch(
        new RegExp(
          `web\\s+local\\s+${registry.host.replace(/\./g, '\\.')}/acme/web\\s+1\\.0\\.0\\s+→\\s+2\\.0\\.0\\s+major`,
        ),
      );
      expect(result.stdout).toMatch(/db\s+local\s+\S+acme\/db\s+5\.1\s+-\s+up to date/);
      expect(result.stdout).toContain('2 container(s), 1 update(s), 0 error(s)');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.requests).toHaveLength(0);
    });

    it('prints JSON and exits 1 with --fail-on-update', async () => {
      const result = await tidewatch(['check', '--json', '--fail-on-update'], env);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as CheckJson;
      expect(report.summary).toEqual({ containers: 2, updates: 1, errors: 0 });
      expect(report.containers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'web',
            host: 'local',
            current: '1.0.0',
            candidate: '2.0.0',
            kind: 'major',
            error: null,
          }),
          expect.objectContaining({ name: 'db', current: '5.1', candidate: null, kind: null }),
        ]),
      );
    });

    it('fires the triggers with --notify', async () => {
      const result = await tidewatch(['check', '--notify'], env);
      expect(result.code).toBe(0);
      expect(receiver.requests).toHaveLength(1);
      expect(JSON.parse(receiver.requests[0].body)).toMatchObject({
        name: 'web',
        result: { tag: '2.0.0' },
      });
    });

    it('exits 2 when an engine cannot be reached', async () => {
      const result = await tidewatch(['check', '--fail-on-update'], {
        ...env,
        TIDEWATCH_WATCHER_LOCAL_SOCKET: join(tmpdir(), 'no-such-engine.sock'),
      });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/watcher local: .*no-such-engine\.sock/);
    });

    it('exits 2 on a configuration error, naming the variable', async () => {
      const result = await tidewatch(['check'], {
        ...env,
        TIDEWATCH_WATCHER_LOCAL_CRON: 'whenever',
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('TIDEWATCH_WATCHER_LOCAL_CRON');
    });

    it('rejects unknown options with the usage', async () => {
      const result = await tidewatch(['check', '--loud'], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('unknown option --loud');
      expect(result.stderr).toContain('Usage: tidewatch check');
    });
  });

  describe('migrate-from-wud', () => {
    const wudEnv = [
      'WUD_WATCHER_LOCAL_SOCKET=/var/run/docker.sock',
      'WUD_TRIGGER_HTTP_OPS_URL=https://hooks.example.com/wud',
      'WUD_TRIGGER_KAFKA_BUS_BROKERS=kafka:9092',
      'WUD_STORE_PATH=/store',
      'WUD_LOG_LEVEL=debug',
    ];

    it('converts an env file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tw-wud-'));
      writeFileSync(join(dir, 'wud.env'), `# my WUD\n${wudEnv.join('\n')}\n`);
      const result = await tidewatch(['migrate-from-wud', '--env-file', join(dir, 'wud.env')], {});
      expect({ code: result.code, stderr: result.stderr }).toEqual({
        code: 0,
        stderr: expect.stringContaining('converted'),
      });
      expect(result.stdout).toContain('\nTIDEWATCH_WATCHER_LOCAL_SOCKET=/var/run/docker.sock\n');
      expect(result.stdout).toContain(
        '\nTIDEWATCH_TRIGGER_WEBHOOK_OPS_URL=https://hooks.example.com/wud\n',
      );
      expect(result.stdout).toContain('\nTIDEWATCH_LOG_LEVEL=debug\n');
      expect(result.stdout).toContain(
        '# UNSUPPORTED WUD_TRIGGER_KAFKA_BUS_BROKERS: kafka triggers do not exist in Tidewatch',
      );
      expect(result.stdout).toMatch(/# UNSUPPORTED WUD_STORE_PATH: .*SQLite/);
      expect(result.stderr).toContain('3 setting(s) converted, 2 not converted');
    });

    it('converts docker inspect output from stdin, and the result boots the server', async () => {
      const inspect = JSON.stringify([
        {
          Name: '/wud',
          Config: {
            Image: 'getwud/wud:8',
            Env: [
              ...wudEnv.filter((line) => !line.includes('SOCKET')),
              `WUD_WATCHER_LOCAL_SOCKET=${engine.socketPath}`,
              'PATH=/usr/local/bin',
            ],
          },
          Mounts: [
            { Source: '/var/run/docker.sock', Destination: '/var/run/docker.sock', RW: false },
          ],
        },
      ]);
      const result = await tidewatch(['migrate-from-wud'], {}, inspect);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('# NOTE: From container wud (image getwud/wud:8).');
      expect(result.stdout).toMatch(/# NOTE: Docker socket .*read-only/);
      const converted = Object.fromEntries(
        result.stdout
          .split('\n')
          .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      expect(Object.keys(converted).every((name) => name.startsWith('TIDEWATCH_'))).toBe(true);
      const server = await startServer({ env: converted });
      try {
        expect((await api(server, '/api/triggers')).body).toEqual(
          expect.arrayContaining([expect.objectContaining({ type: 'webhook', name: 'ops' })]),
        );
      } finally {
        await server.stop();
      }
    });

    it('refuses input without WUD variables', async () => {
      const result = await tidewatch(['migrate-from-wud', '-'], {}, 'PATH=/bin\n');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('no WUD_* variables');
    });
  });

  describe('backup', () => {
    it('writes a consistent snapshot of the live database', async () => {
      const server = await startServer({
        env: { TIDEWATCH_WATCHER_LOCAL_SOCKET: engine.socketPath },
      });
      try {
        await api(server, '/api/containers/watch', { method: 'POST' });
        const file = join(mkdtempSync(join(tmpdir(), 'tw-backup-')), 'tidewatch-backup.db');
        const result = await tidewatch(['backup', file], { TIDEWATCH_DATA_DIR: server.dataDir });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(
          /Backed up .*tidewatch\.db to .*tidewatch-backup\.db \(\d+ KiB, \d+ tables, 2 containers\)/,
        );
        const copy = new Database(file, { readonly: true });
        try {
          const names = (
            copy.prepare('SELECT name FROM container ORDER BY name').all() as Array<{
              name: string;
            }>
          ).map((row) => row.name);
          expect(names).toEqual(['db', 'web']);
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          copy.close();
        }
        const again = await tidewatch(['backup', file], { TIDEWATCH_DATA_DIR: server.dataDir });
        expect(again.code).toBe(2);
        expect(again.stderr).toContain('--force');
        expect(
          (await tidewatch(['backup', file, '--force'], { TIDEWATCH_DATA_DIR: server.dataDir }))
            .code,
        ).toBe(0);
        expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
      } finally {
        await server.stop();
      }
    });

    it('refuses PostgreSQL and points to pg_dump', async () => {
      const result = await tidewatch(['backup', join(tmpdir(), 'never.db')], {
        TIDEWATCH_DATABASE_URL: 'postgres://tidewatch:pw@127.0.0.1:1/tidewatch',
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('pg_dump');
      expect(result.stderr).not.toContain(':pw@');
    });
  });

  it('prints the usage and refuses unknown commands', async () => {
    const help = await tidewatch(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('migrate-from-wud');
    const unknown = await tidewatch(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});
