// A throw-away PostgreSQL 15 cluster: initdb into a temp dir as an unprivileged user (postgres
// refuses to run as root), listening only on 127.0.0.1 with its unix socket inside the dir.
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { registerResource, type ResourceHandle } from './cleanup';
import {
  freePort,
  makeTempDir,
  requireBinaries,
  run,
  settlesWithin,
  tailFile,
  waitFor,
} from './util';

export interface TestPostgres {
  /** postgres://USER:PASSWORD@127.0.0.1:PORT/DB */
  url: string;
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  database: string;
  dir: string;
  /** Directory holding the unix socket (for psql -h). */
  socketDir: string;
  pid: number;
  /** Runs SQL through psql; resolves with its stdout (unaligned, tuples only). */
  psql(sql: string, database?: string): Promise<string>;
  stop(): Promise<void>;
}

const BIN = fs.existsSync('/usr/local/bin/initdb')
  ? '/usr/local/bin'
  : '/usr/lib/postgresql/15/bin';
const PSQL = fs.existsSync('/usr/bin/psql') ? '/usr/bin/psql' : path.join(BIN, 'psql');

/** The unprivileged account postgres runs as: `postgres` if present, else `nobody`. */
function runAs(): { uid: number; gid: number } {
  const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const line = passwd.find((l) => l.startsWith(`${name}:`));
    if (line) {
      const f = line.split(':');
      return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  }
  throw new Error('no unprivileged user (postgres or nobody) to run PostgreSQL as');
}

export async function startPostgres(
  opts: { database?: string; user?: string } = {},
): Promise<TestPostgres> {
  requireBinaries(path.join(BIN, 'initdb'), path.join(BIN, 'postgres'), PSQL);
  const dir = makeTempDir('twp-');
  const database = opts.database ?? 'tidewatch';
  const user = opts.user ?? 'tidewatch';
  const password = crypto.randomBytes(12).toString('hex');
  const data = path.join(dir, 'data');
  const socketDir = path.join(dir, 'run');
  const logFile = path.join(dir, 'postgres.log');
  let pid = 0;
  let exit: Promise<void> = Promise.resolve();
  let exited = true;
  const stop = async (): Promise<void> => {
    if (pid && !exited) {
      try {
        process.kill(pid, 'SIGINT'); // fast shutdown
      } catch {
        // gone
      }
      const ok = await settlesWithin(exit, 10_000);
      if (!ok) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
        await settlesWithin(exit, 5_000);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    handle.unregister();
  };
  const handle: ResourceHandle = registerResource(`postgres ${dir}`, () => stop(), [
    { op: 'rm', path: dir },
  ]);
  try {
    const { uid, gid } = runAs();
    fs.mkdirSync(socketDir);
    fs.chmodSync(dir, 0o755);
    fs.chownSync(dir, uid, gid);
    fs.chownSync(socketDir, uid, gid);
    const pwFile = path.join(dir, 'pw');
    fs.writeFileSync(pwFile, password + '\n', { mode: 0o600 });
    fs.chownSync(pwFile, uid, gid);
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
    };
    await run(
      path.join(BIN, 'initdb'),
      [
        '-D',
        data,
        '-U',
        user,
        `--pwfile=${pwFile}`,
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '-E',
        'UTF8',
        '--no-sync',
        '--no-instructions',
      ],
      { uid, gid, env, cwd: dir },
    );
    fs.rmSync(pwFile);
    const port = await freePort();
    const log = fs.openSync(logFile, 'a');
    fs.fchownSync(log, uid, gid);
    const child = spawn(
      path.join(BIN, 'postgres'),
      [
        '-D',
        data,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-k',
        socketDir,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      { uid, gid, env, cwd: dir, stdio: ['ignore', log, log], detached: true },
    );
    fs.closeSync(log);
    child.unref();
    if (child.pid === undefined) throw new Error('postgres did not start');
    pid = child.pid;
    exited = false;
    exit = new Promise<void>((resolve) => {
      child.on('exit', () => {
        exited = true;
        resolve();
      });
      child.on('error', () => {
        exited = true;
        resolve();
      });
    });
    handle.setSteps([
      { op: 'kill', pid, match: dir, signal: 'SIGINT', graceMs: 5_000 },
      { op: 'kill-tree-matching', match: data },
      { op: 'rm', path: dir },
    ]);
    const psql = async (sql: string, db = database): Promise<string> => {
      const r = await run(
        PSQL,
        [
          '-h',
          socketDir,
          '-p',
          String(port),
          '-U',
          user,
          '-d',
          db,
          '-v',
          'ON_ERROR_STOP=1',
          '-At',
          '-c',
          sql,
        ],
        {
          env: { ...env, PGCONNECT_TIMEOUT: '5' },
        },
      );
      return r.stdout.trim();
    };
    try {
      await waitFor(async () => (await psql('select 1', 'postgres')) === '1', {
        timeoutMs: 30_000,
        intervalMs: 50,
        what: 'postgres',
        abort: () => (exited ? 'postgres exited' : undefined),
      });
    } catch (e) {
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n--- postgres log ---\n${tailFile(logFile)}`,
      );
    }
    await psql(`CREATE DATABASE "${database}"`, 'postgres');
    return {
      url: `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
      host: '127.0.0.1',
      port,
      user,
      password,
      database,
      dir,
      socketDir,
      pid,
      psql,
      stop,
    };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}
