// Starts the BUILT server (apps/server/dist/main.js) as a child process with real configuration,
// on a free loopback port and a temp data dir, and stops it by PID.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CleanupStep, freePort, registerResource, waitFor } from '../env';

export const SERVER_MAIN = join(__dirname, '..', '..', 'apps', 'server', 'dist', 'main.js');

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL) and keeps the data dir for a restart. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data dir. */
  restart(extraEnv?: Record<string, string>): Promise<void>;
  /** Stops it and deletes the data dir. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  env: Record<string, string>;
  /** Reuse a data dir (e.g. after a kill); a fresh temp dir by default. */
  dataDir?: string;
  /** Wait for this path to answer 200 (default /health). */
  readyPath?: string;
}

export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: build the server first (npm run build)`);
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tw-server-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let log = '';
  let baseEnv = options.env;

  const launch = async (extraEnv: Record<string, string> = {}) => {
    baseEnv = { ...baseEnv, ...extraEnv };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TIDEWATCH_SERVER_PORT: String(port),
      TIDEWATCH_SERVER_HOST: '127.0.0.1',
      TIDEWATCH_DATA_DIR: dataDir,
      // Suites that do not test sign-in run without it; any TIDEWATCH_AUTH_* / WUD_AUTH_* setting opts in.
      ...(Object.keys(baseEnv).some((name) => /^(TIDEWATCH|WUD)_AUTH_/.test(name)) ? {} : { TIDEWATCH_AUTH_DISABLED: 'true' }),
      ...baseEnv,
    };
    const started = spawn(process.execPath, [SERVER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(
      async () => {
        const response = await fetch(`${url}${options.readyPath ?? '/health'}`);
        return response.ok;
      },
      {
        timeoutMs: 30_000,
        intervalMs: 100,
        what: `server ${url}/health`,
        abort: () => (started.exitCode !== null ? `server exited with ${started.exitCode}:\n${log}` : undefined),
      },
    );
    handle.setSteps(emergencySteps());
  };

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    current.kill(signal);
    const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const emergencySteps = (): CleanupStep[] => [
    ...(child?.pid ? [{ op: 'kill' as const, pid: child.pid, match: SERVER_MAIN }] : []),
    ...(options.dataDir ? [] : [{ op: 'rm' as const, path: dataDir }]),
  ];
  const handle = registerResource(
    `server:${port}`,
    async () => {
      await kill();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      handle.unregister();
    },
    emergencySteps(),
  );

  await launch();
  return {
    url,
    port,
    dataDir,
    get pid() {
      return child?.pid ?? -1;
    },
    output: () => log,
    kill,
    restart: launch,
    stop: async () => {
      await kill();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      handle.unregister();
    },
  };
}

/** GET/POST JSON helper that fails loudly with the response body. */
export async function api<T>(server: { url: string }, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T };
}
