// A real registry: Debian's `docker-registry` (CNCF distribution 2.8) on 127.0.0.1, filesystem
// storage in a temp dir, access log to a file, optional Basic or Bearer-token auth, push
// notifications, and an emulated tags/list page-size clamp (maxTags; see below).
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { makeTokenSigningCert } from './certs';
import { registerResource, type CleanupStep, type ResourceHandle } from './cleanup';
import type { DockerEngine } from './docker-engine';
import { RegistryClient, type Credentials } from './registry-client';
import { TokenServer, type TokenRequestRecord } from './token-server';
import {
  cleanEnv,
  freePort,
  httpRequest,
  requireBinaries,
  makeTempDir,
  run,
  settlesWithin,
  sleep,
  tailFile,
  waitFor,
} from './util';

export type RegistryAuthMode = 'none' | 'basic' | 'token';

export interface RegistryOptions {
  auth?: RegistryAuthMode;
  /** Credentials for basic / token modes (defaults: tidewatch / a random password). */
  user?: string;
  password?: string;
  /** token mode: anonymous callers get pull tokens (public registry). Default false. */
  anonymousPull?: boolean;
  /** token mode: token lifetime in seconds (default 300). */
  tokenTtlSeconds?: number;
  /** token mode: issue refresh tokens (docker login then stores an identity token). Default false. */
  tokenRefresh?: boolean;
  /**
   * Page-size clamp for GET /v2/<name>/tags/list. distribution 2.8 has no such setting and
   * ignores `n`/`last` entirely, so when set, a pass-through proxy on the public port pages
   * tags/list itself (sorted, `n` clamped to maxTags, `last`, RFC 5988 `Link: <…>; rel="next"`).
   */
  maxTags?: number;
  /** Push/pull events (distribution `notifications.endpoints`). */
  notifications?: {
    url: string;
    headers?: Record<string, string[]>;
    timeoutMs?: number;
    threshold?: number;
    backoffMs?: number;
  };
  port?: number;
  /** distribution log level (its own log, not the access log). Default info. */
  logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

export type AccessKind = 'tags' | 'manifest-head' | 'manifest-get' | 'blob' | 'ping' | 'other';

export interface AccessLogEntry {
  time: string;
  method: string;
  /** Request path without the query string. */
  path: string;
  /** Path with query string as logged. */
  uri: string;
  status: number;
  bytes: number;
  userAgent: string;
  kind: AccessKind;
  /** Repository name, when the path names one. */
  repository?: string;
}

export interface TestRegistry {
  readonly dir: string;
  readonly port: number;
  /** 127.0.0.1:PORT — the image reference prefix. */
  readonly host: string;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly auth: RegistryAuthMode;
  readonly user?: string;
  readonly password?: string;
  /** token mode: http://127.0.0.1:TPORT/token (the realm) */
  readonly tokenServerUrl?: string;
  readonly service?: string;
  readonly issuer?: string;
  readonly maxTags?: number;
  readonly running: boolean;
  /** Number of token requests served (token mode; 0 otherwise). */
  tokenRequests(): number;
  tokenRequestLog(): TokenRequestRecord[];
  /** token mode: the token server (to forge tokens, reset counters). */
  readonly tokenServer?: TokenServer;
  credentials(): Credentials | undefined;
  /** An API client with this registry's credentials (or anonymous with `anonymous: true`). */
  client(opts?: { anonymous?: boolean }): RegistryClient;
  /** docker CLI config dir logged in to this registry through `engine` (cached per registry). */
  dockerConfigFor(engine: DockerEngine): Promise<string | undefined>;
  /** Parsed access log; `since` skips that many entries (see accessLogMark()). */
  accessLog(since?: number): Promise<AccessLogEntry[]>;
  /** Current number of access-log entries: pass it to accessLog()/countByKind() to see one phase only. */
  accessLogMark(): Promise<number>;
  countByKind(since?: number): Promise<Record<AccessKind, number>>;
  /** Truncate the access log (not on the shared registry: other test files read it too). */
  clearAccessLog(): Promise<void>;
  readonly accessLogFile: string;
  readonly logFile: string;
  /** Stop serving (connection refused) but keep port, data and token server. */
  down(): Promise<void>;
  /** Serve again on the same port with the same data. */
  up(): Promise<void>;
  restart(): Promise<void>;
  /** Full teardown (process, token server, proxy, temp dir). */
  stop(): Promise<void>;
}

type Yaml = string | number | boolean | Yaml[] | { [k: string]: Yaml };

/** Minimal YAML emitter (block style, JSON-quoted scalars — valid YAML). */
function toYaml(v: Yaml, indent = ''): string {
  if (Array.isArray(v)) {
    return v
      .map((item) => {
        if (typeof item === 'object') {
          const inner = toYaml(item, indent + '  ');
          return `${indent}- ${inner.trimStart()}`;
        }
        return `${indent}- ${JSON.stringify(item)}\n`;
      })
      .join('');
  }
  if (typeof v === 'object') {
    return Object.entries(v)
      .map(([k, val]) => {
        if (typeof val === 'object') {
          if (Array.isArray(val) && val.length === 0) return `${indent}${k}: []\n`;
          return `${indent}${k}:\n${toYaml(val, indent + '  ')}`;
        }
        return `${indent}${k}: ${JSON.stringify(val)}\n`;
      })
      .join('');
  }
  return `${indent}${JSON.stringify(v)}\n`;
}

const COMBINED =
  /^(\S+) \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+) ([^"]*)" (\d{3}) (\d+|-) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"/;

export function classify(method: string, p: string): { kind: AccessKind; repository?: string } {
  if (p === '/v2/' || p === '/v2') return { kind: 'ping' };
  const m = /^\/v2\/(.+)\/(tags\/list|manifests\/[^/]+|blobs\/.*)$/.exec(p);
  if (!m) return { kind: 'other' };
  const repository = m[1];
  if (m[2] === 'tags/list') return { kind: 'tags', repository };
  if (m[2].startsWith('manifests/')) {
    if (method === 'HEAD') return { kind: 'manifest-head', repository };
    if (method === 'GET') return { kind: 'manifest-get', repository };
    return { kind: 'other', repository };
  }
  return { kind: 'blob', repository };
}

export function parseAccessLog(text: string): AccessLogEntry[] {
  const out: AccessLogEntry[] = [];
  for (const line of text.split('\n')) {
    const m = COMBINED.exec(line);
    if (!m) continue;
    const uri = m[5];
    const p = uri.split('?')[0];
    const c = classify(m[4], p);
    out.push({
      time: m[3],
      method: m[4],
      path: p,
      uri,
      status: Number(m[7]),
      bytes: m[8] === '-' ? 0 : Number(m[8]),
      userAgent: m[10],
      kind: c.kind,
      repository: c.repository,
    });
  }
  return out;
}

/** Reads and parses an access log once the file stops growing (lines land just after responses). */
export async function readAccessLog(file: string): Promise<AccessLogEntry[]> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (size === last) break;
    last = size;
    await sleep(25);
  }
  return parseAccessLog(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
}

export function countKinds(entries: AccessLogEntry[]): Record<AccessKind, number> {
  const counts: Record<AccessKind, number> = {
    tags: 0,
    'manifest-head': 0,
    'manifest-get': 0,
    blob: 0,
    ping: 0,
    other: 0,
  };
  for (const e of entries) counts[e.kind]++;
  return counts;
}

class Registry implements TestRegistry {
  readonly auth: RegistryAuthMode;
  readonly user?: string;
  readonly password?: string;
  readonly service?: string;
  readonly issuer?: string;
  readonly maxTags?: number;
  tokenServer?: TokenServer;
  port = 0;
  private upstreamPort = 0;
  private proc?: { pid: number; exited: boolean; exit: Promise<void> };
  private proxy?: http.Server;
  private handle?: ResourceHandle;
  private stopped = false;
  private readonly configs = new Map<string, string>();
  readonly accessLogFile: string;
  readonly logFile: string;

  constructor(
    readonly dir: string,
    private readonly opts: RegistryOptions,
  ) {
    this.auth = opts.auth ?? 'none';
    this.maxTags = opts.maxTags;
    if (this.auth !== 'none') {
      this.user = opts.user ?? 'tidewatch';
      this.password = opts.password ?? crypto.randomBytes(9).toString('base64url');
    }
    if (this.auth === 'token') {
      this.service = 'tidewatch-test-registry';
      this.issuer = 'tidewatch-test-token-issuer';
    }
    this.accessLogFile = path.join(dir, 'access.log');
    this.logFile = path.join(dir, 'registry.log');
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get tokenServerUrl(): string | undefined {
    return this.tokenServer?.realm;
  }

  get running(): boolean {
    return !!this.proc && !this.proc.exited;
  }

  tokenRequests(): number {
    return this.tokenServer?.count() ?? 0;
  }

  tokenRequestLog(): TokenRequestRecord[] {
    return this.tokenServer?.requests() ?? [];
  }

  credentials(): Credentials | undefined {
    return this.user !== undefined && this.password !== undefined
      ? { user: this.user, password: this.password }
      : undefined;
  }

  client(opts: { anonymous?: boolean } = {}): RegistryClient {
    const c = new RegistryClient(this.url, opts.anonymous ? undefined : this.credentials());
    if (this.auth === 'basic' && !opts.anonymous) c.preferBasic();
    return c;
  }

  async init(): Promise<void> {
    this.port = this.opts.port ?? (await freePort());
    this.upstreamPort = this.maxTags !== undefined ? await freePort() : this.port;
    fs.mkdirSync(path.join(this.dir, 'data'), { recursive: true });
    this.handle = registerResource(`registry ${this.dir}`, () => this.stop(), this.steps());
    const auth: Record<string, Yaml> = {};
    if (this.auth === 'basic') {
      const res = await run('htpasswd', ['-Bbn', this.user ?? '', this.password ?? '']);
      fs.writeFileSync(path.join(this.dir, 'htpasswd'), res.stdout.trim() + '\n');
      auth.htpasswd = { realm: 'tidewatch-test', path: path.join(this.dir, 'htpasswd') };
    } else if (this.auth === 'token') {
      const signer = await makeTokenSigningCert(path.join(this.dir, 'token'));
      this.tokenServer = new TokenServer({
        service: this.service ?? '',
        issuer: this.issuer ?? '',
        certPem: signer.certPem,
        keyPem: signer.keyPem,
        users: { [this.user ?? '']: this.password ?? '' },
        anonymousPull: this.opts.anonymousPull,
        ttlSeconds: this.opts.tokenTtlSeconds,
        refreshTokens: this.opts.tokenRefresh,
      });
      await this.tokenServer.start();
      auth.token = {
        realm: this.tokenServer.realm,
        service: this.service ?? '',
        issuer: this.issuer ?? '',
        rootcertbundle: signer.certFile,
      };
    }
    const config: Record<string, Yaml> = {
      version: '0.1',
      log: {
        level: this.opts.logLevel ?? 'info',
        formatter: 'text',
        fields: { service: 'registry' },
      },
      storage: {
        filesystem: { rootdirectory: path.join(this.dir, 'data') },
        delete: { enabled: true },
        cache: { blobdescriptor: 'inmemory' },
        maintenance: { uploadpurging: { enabled: false }, readonly: { enabled: false } },
      },
      http: {
        addr: `127.0.0.1:${this.upstreamPort}`,
        secret: crypto.randomBytes(16).toString('hex'),
        headers: { 'X-Content-Type-Options': ['nosniff'] },
      },
    };
    if (Object.keys(auth).length > 0) config.auth = auth;
    if (this.opts.notifications) {
      const n = this.opts.notifications;
      const endpoint: Record<string, Yaml> = {
        name: 'tidewatch-test',
        url: n.url,
        timeout: `${n.timeoutMs ?? 2000}ms`,
        threshold: n.threshold ?? 3,
        backoff: `${n.backoffMs ?? 500}ms`,
      };
      if (n.headers) endpoint.headers = n.headers;
      config.notifications = { endpoints: [endpoint] };
    }
    fs.writeFileSync(path.join(this.dir, 'config.yml'), toYaml(config));
    await this.up();
  }

  private steps(): CleanupStep[] {
    const steps: CleanupStep[] = [];
    if (this.proc) steps.push({ op: 'kill', pid: this.proc.pid, match: this.dir, graceMs: 5_000 });
    steps.push(
      { op: 'kill-tree-matching', match: path.join(this.dir, 'config.yml') },
      { op: 'rm', path: this.dir },
    );
    return steps;
  }

  async up(): Promise<void> {
    if (this.stopped) throw new Error('registry was stopped; start a new one');
    if (this.running) return;
    const out = fs.openSync(this.accessLogFile, 'a');
    const err = fs.openSync(this.logFile, 'a');
    // Access log (Apache combined format) goes to stdout, distribution's own log to stderr.
    const child = spawn('docker-registry', ['serve', path.join(this.dir, 'config.yml')], {
      stdio: ['ignore', out, err],
      detached: true,
      env: cleanEnv(),
    });
    fs.closeSync(out);
    fs.closeSync(err);
    child.unref();
    if (child.pid === undefined) throw new Error('docker-registry did not start');
    let code: number | null = null;
    const proc = {
      pid: child.pid,
      exited: false,
      exit: new Promise<void>((resolve) => {
        child.on('exit', (c) => {
          code = c;
          proc.exited = true;
          resolve();
        });
        child.on('error', () => {
          proc.exited = true;
          resolve();
        });
      }),
    };
    this.proc = proc;
    this.handle?.setSteps(this.steps());
    try {
      await waitFor(
        async () => {
          const r = await httpRequest({
            url: `http://127.0.0.1:${this.upstreamPort}/v2/`,
            timeoutMs: 1_000,
          });
          return r.status === 200 || r.status === 401;
        },
        {
          timeoutMs: 20_000,
          intervalMs: 25,
          what: `registry on 127.0.0.1:${this.upstreamPort}`,
          abort: () => (proc.exited ? `docker-registry exited with ${String(code)}` : undefined),
        },
      );
    } catch (e) {
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n--- registry log ---\n${tailFile(this.logFile)}`,
      );
    }
    if (this.maxTags !== undefined) await this.startProxy();
  }

  async down(): Promise<void> {
    await this.stopProxy();
    const proc = this.proc;
    if (!proc || proc.exited) return;
    try {
      process.kill(proc.pid, 'SIGTERM');
    } catch {
      // gone
    }
    const done = await settlesWithin(proc.exit, 5_000);
    if (!done) {
      try {
        process.kill(proc.pid, 'SIGKILL');
      } catch {
        // gone
      }
      await settlesWithin(proc.exit, 5_000);
    }
  }

  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.down();
    await this.tokenServer?.stop();
    fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
    this.handle?.unregister();
  }

  async dockerConfigFor(engine: DockerEngine): Promise<string | undefined> {
    if (this.auth === 'none') return undefined;
    const cached = this.configs.get(engine.dir);
    if (cached) return cached;
    const dir = path.join(
      this.dir,
      'docker-config',
      crypto.createHash('sha1').update(engine.dir).digest('hex').slice(0, 12),
    );
    fs.mkdirSync(dir, { recursive: true });
    await engine.docker(
      ['login', '-u', this.user ?? '', '--password-stdin', this.host],
      this.password ?? '',
      { configDir: dir },
    );
    this.configs.set(engine.dir, dir);
    return dir;
  }

  async accessLog(since = 0): Promise<AccessLogEntry[]> {
    return (await readAccessLog(this.accessLogFile)).slice(since);
  }

  async accessLogMark(): Promise<number> {
    return (await readAccessLog(this.accessLogFile)).length;
  }

  async countByKind(since = 0): Promise<Record<AccessKind, number>> {
    return countKinds(await this.accessLog(since));
  }

  async clearAccessLog(): Promise<void> {
    await readAccessLog(this.accessLogFile);
    // The registry's stdout was opened O_APPEND, so truncating in place is safe.
    fs.truncateSync(this.accessLogFile, 0);
  }

  // ---- tags/list paging proxy (maxTags) ----

  private async startProxy(): Promise<void> {
    const upstream = this.upstreamPort;
    const max = this.maxTags ?? 0;
    const server = http.createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const tagsMatch = req.method === 'GET' ? /^\/v2\/(.+)\/tags\/list$/.exec(u.pathname) : null;
      const headers = { ...req.headers };
      if (tagsMatch) {
        // Fetch the full list upstream (2.8 ignores n/last anyway), then page it here.
        delete headers['accept-encoding'];
        const up = http.request(
          {
            host: '127.0.0.1',
            port: upstream,
            path: u.pathname,
            method: 'GET',
            headers,
            agent: false,
          },
          (ur) => {
            const chunks: Buffer[] = [];
            ur.on('data', (c: Buffer) => chunks.push(c));
            ur.on('end', () => {
              const body = Buffer.concat(chunks);
              if (ur.statusCode !== 200) {
                res.writeHead(ur.statusCode ?? 502, ur.headers);
                res.end(body);
                return;
              }
              const j = JSON.parse(body.toString('utf8')) as {
                name: string;
                tags: string[] | null;
              };
              const all = [...(j.tags ?? [])].sort();
              const nParam = u.searchParams.get('n');
              const requested = nParam !== null ? Number(nParam) : max;
              const n = Math.max(0, Math.min(Number.isFinite(requested) ? requested : max, max));
              const last = u.searchParams.get('last');
              const rest = last !== null ? all.filter((t) => t > last) : all;
              const page = rest.slice(0, n);
              const h: http.OutgoingHttpHeaders = { ...ur.headers };
              delete h['content-length'];
              if (page.length > 0 && rest.length > page.length) {
                const next = `/v2/${tagsMatch[1]}/tags/list?n=${n}&last=${encodeURIComponent(page[page.length - 1])}`;
                h.link = `<${next}>; rel="next"`;
              }
              const out = JSON.stringify({ name: j.name, tags: page }) + '\n';
              h['content-length'] = Buffer.byteLength(out);
              res.writeHead(200, h);
              res.end(out);
            });
          },
        );
        up.on('error', () => {
          res.writeHead(502).end();
        });
        up.end();
        return;
      }
      const up = http.request(
        {
          host: '127.0.0.1',
          port: upstream,
          path: req.url,
          method: req.method,
          headers,
          agent: false,
        },
        (ur) => {
          res.writeHead(ur.statusCode ?? 502, ur.headers);
          ur.pipe(res);
        },
      );
      up.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(up);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    server.unref();
    this.proxy = server;
  }

  private async stopProxy(): Promise<void> {
    const s = this.proxy;
    this.proxy = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
}

/**
 * A handle on an anonymous registry started elsewhere (the jest run's shared one): API client,
 * access log; no lifecycle control (down/up/restart/stop throw or do nothing).
 */
export function attachRegistry(info: {
  port: number;
  dir: string;
  accessLogFile: string;
}): TestRegistry {
  const host = `127.0.0.1:${info.port}`;
  const url = `http://${host}`;
  const notOwned = (): Promise<void> =>
    Promise.reject(new Error('the shared registry belongs to the jest global setup'));
  return {
    dir: info.dir,
    port: info.port,
    host,
    url,
    auth: 'none',
    running: true,
    accessLogFile: info.accessLogFile,
    logFile: path.join(info.dir, 'registry.log'),
    tokenRequests: () => 0,
    tokenRequestLog: () => [],
    credentials: () => undefined,
    client: () => new RegistryClient(url),
    dockerConfigFor: () => Promise.resolve(undefined),
    accessLog: async (since = 0) => (await readAccessLog(info.accessLogFile)).slice(since),
    accessLogMark: async () => (await readAccessLog(info.accessLogFile)).length,
    countByKind: async (since = 0) =>
      countKinds((await readAccessLog(info.accessLogFile)).slice(since)),
    clearAccessLog: notOwned,
    down: notOwned,
    up: notOwned,
    restart: notOwned,
    stop: () => Promise.resolve(),
  };
}

/** Starts a registry (docker-registry serve config.yml) on a free 127.0.0.1 port. */
export async function startRegistry(opts: RegistryOptions = {}): Promise<TestRegistry> {
  requireBinaries(
    'docker-registry',
    ...(opts.auth === 'basic' ? ['htpasswd'] : []),
    ...(opts.auth === 'token' ? ['openssl'] : []),
  );
  const dir = makeTempDir('twr-');
  const reg = new Registry(dir, opts);
  try {
    await reg.init();
  } catch (e) {
    await reg.stop().catch(() => undefined);
    throw e;
  }
  return reg;
}
