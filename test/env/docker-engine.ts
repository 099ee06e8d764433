// An isolated Docker engine (Debian docker.io, engine 20.10) in its own temp dir, per TESTING.md.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTlsSet, type TlsClientFiles } from './certs';
import { registerResource, type CleanupStep, type ResourceHandle } from './cleanup';
import {
  cleanEnv,
  freePort,
  httpRequest,
  makeTempDir,
  processAlive,
  requireBinaries,
  run,
  settlesWithin,
  sleep,
  tailFile,
  unmountUnder,
  waitFor,
  type RunResult,
} from './util';

export interface DockerEngineOptions {
  /** Also listen on tcp://127.0.0.1:PORT; with `tls: true` behind --tlsverify (client certificate required). */
  tcp?: { tls?: boolean; port?: number };
  /** Ready timeout (default 30 s). */
  startTimeoutMs?: number;
}

export interface DockerEngineTcp {
  host: '127.0.0.1';
  port: number;
  /** Client-side files: CA, client certificate and key (the server's live in dir/tls). */
  tls?: TlsClientFiles;
}

export interface DockerCliOptions {
  /** docker CLI config dir (`--config`), e.g. one holding `docker login` credentials. */
  configDir?: string;
  /** Resolve with the failed result instead of throwing. */
  allowFail?: boolean;
  timeoutMs?: number;
}

export interface DockerEngine {
  readonly dir: string;
  readonly socketPath: string;
  /** `unix:///…/docker.sock` */
  readonly host: string;
  /** PID of the current dockerd (changes after restart()). */
  readonly pid: number;
  readonly tcp?: DockerEngineTcp;
  readonly logFile: string;
  /** Whether dockerd is currently running (false between down() and up()). */
  readonly running: boolean;
  /** Runs the docker CLI against this engine; resolves with stdout (trailing newline trimmed). */
  docker(args: string[], input?: string | Buffer, opts?: DockerCliOptions): Promise<string>;
  /** Like docker() but resolves with the full result, never throwing on exit codes. */
  dockerResult(
    args: string[],
    input?: string | Buffer,
    opts?: Omit<DockerCliOptions, 'allowFail'>,
  ): Promise<RunResult>;
  /** GET /_ping on the socket. */
  ping(): Promise<boolean>;
  /** Stops dockerd but keeps dir, data, socket path and TCP port (containers stay, stopped). */
  down(): Promise<void>;
  /** Starts dockerd again on the same dir / socket / port. */
  up(): Promise<void>;
  /** down() + up(). */
  restart(): Promise<void>;
  /** Full teardown: remove containers, stop dockerd, unmount leftovers, delete dir. */
  stop(): Promise<void>;
}

class Engine implements DockerEngine {
  readonly socketPath: string;
  readonly host: string;
  readonly logFile: string;
  tcp?: DockerEngineTcp;
  private serverTls?: { caFile: string; certFile: string; keyFile: string };
  private proc?: { pid: number; exited: boolean; exit: Promise<void> };
  private handle?: ResourceHandle;
  private stopped = false;

  constructor(
    readonly dir: string,
    private readonly startTimeoutMs: number,
  ) {
    this.socketPath = path.join(dir, 'docker.sock');
    this.host = `unix://${this.socketPath}`;
    this.logFile = path.join(dir, 'dockerd.log');
  }

  get pid(): number {
    return this.proc?.pid ?? 0;
  }

  get running(): boolean {
    return !!this.proc && !this.proc.exited;
  }

  async init(opts: DockerEngineOptions): Promise<void> {
    // Own daemon.json: keeps /etc/docker/daemon.json out, and puts the engine identity key
    // (otherwise /etc/docker/key.json, shared by every engine => same engine ID) into this dir.
    fs.writeFileSync(
      path.join(this.dir, 'daemon.json'),
      JSON.stringify({ 'deprecated-key-path': path.join(this.dir, 'key.json') }),
    );
    if (opts.tcp) {
      const port = opts.tcp.port ?? (await freePort());
      this.tcp = { host: '127.0.0.1', port };
      if (opts.tcp.tls) {
        const set = await makeTlsSet(path.join(this.dir, 'tls'), 'tidewatch-dockerd');
        this.tcp.tls = set.client;
        this.serverTls = set.server;
      }
    }
    this.handle = registerResource(`dockerd ${this.dir}`, () => this.stop(), this.steps());
    await this.up();
  }

  private args(): string[] {
    const d = this.dir;
    const args = [
      '--host',
      this.host,
      '--data-root',
      path.join(d, 'root'),
      '--exec-root',
      path.join(d, 'exec'),
      '--pidfile',
      path.join(d, 'docker.pid'),
      '--bridge=none',
      '--iptables=false',
      '--ip-masq=false',
      '--config-file',
      path.join(d, 'daemon.json'),
    ];
    if (this.tcp) {
      args.push('--host', `tcp://127.0.0.1:${this.tcp.port}`);
      if (this.serverTls) {
        args.push(
          '--tlsverify',
          '--tlscacert',
          this.serverTls.caFile,
          '--tlscert',
          this.serverTls.certFile,
          '--tlskey',
          this.serverTls.keyFile,
        );
      } else {
        // Explicit intent: plain TCP on loopback (avoids the "insecure" start-up delay).
        args.push('--tls=false');
      }
    }
    return args;
  }

  private steps(): CleanupStep[] {
    const steps: CleanupStep[] = [{ op: 'docker-rm-all', socket: this.socketPath }];
    if (this.proc) steps.push({ op: 'kill', pid: this.proc.pid, match: this.dir, graceMs: 10_000 });
    steps.push(
      { op: 'kill-tree-matching', match: this.dir },
      { op: 'umount-under', path: this.dir },
      { op: 'rm', path: this.dir },
    );
    return steps;
  }

  async up(): Promise<void> {
    if (this.stopped) throw new Error('engine was stopped; start a new one');
    if (this.running) return;
    fs.rmSync(this.socketPath, { force: true });
    const log = fs.openSync(this.logFile, 'a');
    const child = spawn('dockerd', this.args(), {
      detached: true,
      stdio: ['ignore', log, log],
      env: cleanEnv(),
    });
    fs.closeSync(log);
    child.unref();
    const pid = child.pid;
    if (pid === undefined) throw new Error('dockerd did not start');
    let exitCode: number | null = null;
    const proc = {
      pid,
      exited: false,
      exit: new Promise<void>((resolve) => {
        child.on('exit', (code) => {
          exitCode = code;
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
      await waitFor(() => this.ping(), {
        timeoutMs: this.startTimeoutMs,
        intervalMs: 50,
        what: `dockerd ping on ${this.socketPath}`,
        abort: () => (proc.exited ? `dockerd exited with ${String(exitCode)}` : undefined),
      });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`${msg}\n--- dockerd log ---\n${tailFile(this.logFile)}`);
    }
  }

  async ping(): Promise<boolean> {
    if (!fs.existsSync(this.socketPath)) return false;
    try {
      const res = await httpRequest({
        socketPath: this.socketPath,
        path: '/_ping',
        timeoutMs: 2_000,
      });
      return res.status === 200 && res.text() === 'OK';
    } catch {
      return false;
    }
  }

  dockerResult(
    args: string[],
    input?: string | Buffer,
    opts: Omit<DockerCliOptions, 'allowFail'> = {},
  ): Promise<RunResult> {
    const configDir = opts.configDir ?? path.join(this.dir, 'cli');
    return run('docker', ['--config', configDir, '-H', this.host, ...args], {
      input,
      env: cleanEnv(),
      timeoutMs: opts.timeoutMs ?? 120_000,
      allowFail: true,
    });
  }

  async docker(
    args: string[],
    input?: string | Buffer,
    opts: DockerCliOptions = {},
  ): Promise<string> {
    const configDir = opts.configDir ?? path.join(this.dir, 'cli');
    const res = await run('docker', ['--config', configDir, '-H', this.host, ...args], {
      input,
      env: cleanEnv(),
      timeoutMs: opts.timeoutMs ?? 120_000,
      allowFail: opts.allowFail,
    });
    return res.stdout.replace(/\n$/, '');
  }

  async down(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exited) return;
    try {
      process.kill(proc.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    // A graceful shutdown stops running containers first (up to their 10 s stop timeout).
    const done = await settlesWithin(proc.exit, 20_000);
    if (!done) {
      try {
        process.kill(proc.pid, 'SIGKILL');
      } catch {
        // gone
      }
      await settlesWithin(proc.exit, 5_000);
      // An orphaned managed containerd would block the next start: end it, its shims and their containers.
      await killTreeMatching(this.dir);
    }
    this.handle?.setSteps(this.steps());
  }

  async restart(): Promise<void> {
    await this.down();
    await this.up();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.running && (await this.ping())) {
      const ids = (await this.docker(['ps', '-aq'], undefined, { allowFail: true }))
        .split('\n')
        .filter(Boolean);
      if (ids.length > 0)
        await this.docker(['rm', '-f', '-v', ...ids], undefined, { allowFail: true });
    }
    // The data is thrown away, so no graceful shutdown (dockerd + its containerd take 1-2 s for
    // that): SIGKILL dockerd, then everything whose command line names our dir (containerd,
    // shims and their container processes), then unmount what is left and delete the dir.
    if (this.proc && !this.proc.exited) {
      try {
        process.kill(this.proc.pid, 'SIGKILL');
      } catch {
        // gone
      }
      await settlesWithin(this.proc.exit, 5_000);
    }
    await killTreeMatching(this.dir);
    await unmountUnder(this.dir);
    fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
    this.handle?.unregister();
  }
}

/** SIGKILLs every process whose command line contains `match`, and their descendants. */
export async function killTreeMatching(match: string): Promise<void> {
  const all = fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
  const children = new Map<number, number[]>();
  const cmd = new Map<number, string>();
  for (const p of all) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(p);
      children.set(ppid, list);
      cmd.set(p, fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // raced with exit
    }
  }
  const victims = new Set<number>();
  const visit = (p: number): void => {
    if (victims.has(p) || p === process.pid || p <= 1) return;
    victims.add(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  for (const [p, c] of cmd) if (c.includes(match)) visit(p);
  for (const p of victims) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const p of victims) {
    for (let i = 0; i < 40 && processAlive(p); i++) await sleep(50);
  }
}

/**
 * A handle on an engine started elsewhere (the jest run's shared one): docker(), ping(); no
 * lifecycle control (down/up/restart throw; stop() only removes nothing and returns).
 */
export function attachDockerEngine(info: {
  dir: string;
  socketPath: string;
  pid: number;
}): DockerEngine {
  const host = `unix://${info.socketPath}`;
  const cli = (
    args: string[],
    input: string | Buffer | undefined,
    opts: DockerCliOptions,
  ): Promise<RunResult> =>
    run('docker', ['--config', opts.configDir ?? path.join(info.dir, 'cli'), '-H', host, ...args], {
      input,
      env: cleanEnv(),
      timeoutMs: opts.timeoutMs ?? 120_000,
      allowFail: opts.allowFail,
    });
  const notOwned = (): Promise<void> =>
    Promise.reject(new Error('the shared engine belongs to the jest global setup'));
  return {
    dir: info.dir,
    socketPath: info.socketPath,
    host,
    pid: info.pid,
    logFile: path.join(info.dir, 'dockerd.log'),
    running: true,
    docker: async (args, input, opts = {}) =>
      (await cli(args, input, opts)).stdout.replace(/\n$/, ''),
    dockerResult: (args, input, opts = {}) => cli(args, input, { ...opts, allowFail: true }),
    ping: async () => {
      try {
        const r = await httpRequest({
          socketPath: info.socketPath,
          path: '/_ping',
          timeoutMs: 2_000,
        });
        return r.status === 200;
      } catch {
        return false;
      }
    },
    down: notOwned,
    up: notOwned,
    restart: notOwned,
    stop: () => Promise.resolve(),
  };
}

/** Starts an isolated dockerd in a fresh temp dir and waits for GET /_ping == OK. */
export async function startDockerEngine(opts: DockerEngineOptions = {}): Promise<DockerEngine> {
  requireBinaries('dockerd', 'docker', ...(opts.tcp?.tls ? ['openssl'] : []));
  const dir = makeTempDir('twd-');
  const engine = new Engine(dir, opts.startTimeoutMs ?? 30_000);
  try {
    await engine.init(opts);
  } catch (e) {
    await engine.stop().catch(() => undefined);
    throw e;
  }
  return engine;
}
