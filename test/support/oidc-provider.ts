// Starts test/support/oidc-provider.mjs (a real OpenID Connect provider) as a child process.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { registerResource, waitFor } from '../env';

export interface TestOidcProvider {
  issuer: string;
  discoveryUrl: string;
  output(): string;
  stop(): Promise<void>;
}

export interface OidcProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Groups claim per account name. */
  groups: Record<string, string[]>;
}

const SCRIPT = join(__dirname, 'oidc-provider.mjs');

export async function startOidcProvider(options: OidcProviderOptions): Promise<TestOidcProvider> {
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [SCRIPT], {
    env: {
      PATH: process.env.PATH,
      OIDC_PORT: String(options.port),
      OIDC_CLIENT_ID: options.clientId,
      OIDC_CLIENT_SECRET: options.clientSecret,
      OIDC_REDIRECT_URIS: options.redirectUris.join(','),
      OIDC_GROUPS: JSON.stringify(options.groups),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  const handle = registerResource(`oidc-provider:${options.port}`, stop, child.pid ? [{ op: 'kill', pid: child.pid, match: SCRIPT }] : []);
  await waitFor(() => log.includes('READY '), {
    timeoutMs: 20_000,
    intervalMs: 50,
    what: 'OIDC provider',
    abort: () => (child.exitCode !== null ? `OIDC provider exited with ${child.exitCode}:\n${log}` : undefined),
  });
  const issuer = `http://127.0.0.1:${options.port}`;
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    output: () => log,
    stop: async () => {
      await stop();
      handle.unregister();
    },
  };
}
