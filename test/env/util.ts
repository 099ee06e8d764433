// Small process / network helpers shared by the test environment. Node built-ins only.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface RunOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  uid?: number;
  gid?: number;
  /** Resolve instead of rejecting on a non-zero exit code. */
  allowFail?: boolean;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export class CommandError extends Error {
  constructor(
    message: string,
    readonly result: RunResult,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Runs a command to completion, collecting its output. Rejects on a non-zero exit unless allowFail. */
export function run(
  cmd: string,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      uid: opts.uid,
      gid: opts.gid,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    if (opts.timeoutMs !== undefined) {
      timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    }
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const result: RunResult = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? (signal ? 128 : 1),
      };
      if (result.code !== 0 && !opts.allowFail) {
        const shown = [cmd, ...args].join(' ');
        reject(
          new CommandError(
            `command failed (${signal ?? `exit ${result.code}`}): ${shown}\n${result.stderr.trim() || result.stdout.trim()}`,
            result,
          ),
        );
        return;
      }
      resolve(result);
    });
    child.stdin.on('error', () => undefined);
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resolves true if `p` settles within ms, false otherwise; never leaves a timer behind. */
export function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    p.then(done, done);
  });
}

/** Polls `check` until it returns a truthy value (returned) or the deadline passes. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false | null> | T | undefined | false | null,
  opts: {
    timeoutMs?: number;
    intervalMs?: number;
    what?: string;
    abort?: () => string | undefined;
  } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const interval = opts.intervalMs ?? 50;
  let lastError: unknown;
  for (;;) {
    const aborted = opts.abort?.();
    if (aborted) throw new Error(`gave up waiting for ${opts.what ?? 'condition'}: ${aborted}`);
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out waiting for ${opts.what ?? 'condition'}${why}`);
    }
    await sleep(interval);
  }
}

/** A free TCP port on 127.0.0.1 (bind to port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('no port'));
        return;
      }
      const port = addr.port;
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const done = (v: boolean): void => {
      sock.destroy();
      resolve(v);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.on('connect', () => done(true));
    sock.on('error', () => done(false));
  });
}

/** A fresh temp dir directly under os.tmpdir(); prefix kept short (unix socket paths max ~107 chars). */
export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

export interface HttpRequestOptions {
  method?: string;
  url?: string;
  socketPath?: string;
  path?: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string | Buffer;
  timeoutMs?: number;
  /** TLS client settings for https URLs. */
  tls?: {
    ca?: string | Buffer;
    cert?: string | Buffer;
    key?: string | Buffer;
    rejectUnauthorized?: boolean;
  };
}

/** Minimal HTTP(S) client over TCP or a unix socket; never follows redirects; no keep-alive. */
export function httpRequest(opts: HttpRequestOptions): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const method = opts.method ?? 'GET';
    const headers: http.OutgoingHttpHeaders = { ...opts.headers };
    if (
      opts.body !== undefined &&
      headers['content-length'] === undefined &&
      headers['Content-Length'] === undefined
    ) {
      headers['Content-Length'] = Buffer.byteLength(opts.body);
    }
    const onResponse = (res: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          text: () => body.toString('utf8'),
          json: <T>() => JSON.parse(body.toString('utf8')) as T,
        });
      });
    };
    let req: http.ClientRequest;
    if (opts.socketPath !== undefined) {
      req = http.request(
        { socketPath: opts.socketPath, path: opts.path ?? '/', method, headers, agent: false },
        onResponse,
      );
    } else {
      if (opts.url === undefined) throw new Error('httpRequest needs url or socketPath');
      const u = new URL(opts.url);
      if (u.protocol === 'https:') {
        req = https.request(
          u,
          {
            method,
            headers,
            agent: false,
            ca: opts.tls?.ca,
            cert: opts.tls?.cert,
            key: opts.tls?.key,
            rejectUnauthorized: opts.tls?.rejectUnauthorized ?? true,
          },
          onResponse,
        );
      } else {
        req = http.request(u, { method, headers, agent: false }, onResponse);
      }
    }
    req.setTimeout(opts.timeoutMs ?? 30_000, () =>
      req.destroy(new Error(`HTTP ${method} timed out`)),
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

/** Whether a process exists and is not a zombie. */
export function processAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Mount points at or below `dir`, deepest first, as listed in /proc/self/mounts. */
export function mountsUnder(dir: string): string[] {
  let text = '';
  try {
    text = fs.readFileSync('/proc/self/mounts', 'utf8');
  } catch {
    return [];
  }
  const unescape = (s: string): string =>
    s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
  const found = new Set<string>();
  for (const line of text.split('\n')) {
    const mp = line.split(' ')[1];
    if (!mp) continue;
    const p = unescape(mp);
    if (p === dir || p.startsWith(dir + '/')) found.add(p);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** Lazily unmounts everything at or below `dir` (dockerd may leave overlay / shm / netns mounts). */
export async function unmountUnder(dir: string): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const mounts = mountsUnder(dir);
    if (mounts.length === 0) return;
    for (const m of mounts) await run('umount', ['-l', m], { allowFail: true });
  }
}

/** Signals a process and waits until it is gone; SIGKILL after graceMs. */
export async function killAndWait(
  pid: number,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): Promise<void> {
  if (!processAlive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return;
    await sleep(50);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  const hardDeadline = Date.now() + 5_000;
  while (Date.now() < hardDeadline && processAlive(pid)) await sleep(50);
}

export function tailFile(file: string, maxChars = 2_000): string {
  try {
    const t = fs.readFileSync(file, 'utf8');
    return t.length > maxChars ? t.slice(-maxChars) : t;
  } catch {
    return '';
  }
}

/** Environment for child CLIs: inherited, minus variables that would redirect the docker CLI elsewhere. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of [
    'DOCKER_HOST',
    'DOCKER_CONTEXT',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_CONFIG',
  ])
    delete env[k];
  return { ...env, DOCKER_CLI_HINTS: 'false', ...extra };
}

/** Throws a clear error when a required binary is not on PATH (the project's setup scripts install them). */
export function requireBinaries(...names: string[]): void {
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  const missing = names.filter(
    (n) =>
      !(n.startsWith('/') ? [n] : dirs.map((d) => path.join(d, n))).some((f) => {
        try {
          fs.accessSync(f, fs.constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
  );
  if (missing.length > 0) {
    throw new Error(
      `test environment needs ${missing.join(', ')} on PATH (Debian: docker.io, docker-registry, apache2-utils, openssl, busybox-static, postgresql-client)`,
    );
  }
}
