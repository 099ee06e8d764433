// Jest globalSetup (integration tier): one shared engine + one anonymous registry per run.
// Runs in jest's main process; workers inherit the environment variables set here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startDockerEngine, type DockerEngine } from './docker-engine';
import { startRegistry, type TestRegistry } from './registry';
import { ENV_FILE, ENV_REGISTRY, ENV_SOCKET, type SharedEnv } from './shared';
import { stopAll } from './cleanup';

interface Held {
  engine: DockerEngine;
  registry: TestRegistry;
  file: string;
}

const KEY = Symbol.for('tidewatch.test.env.shared');

export function heldSharedEnv(): Held | undefined {
  return (globalThis as unknown as Record<symbol, Held | undefined>)[KEY];
}

export default async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  try {
    const [engineRes, registryRes] = await Promise.all([
      (async () => {
        const s = Date.now();
        const e = await startDockerEngine();
        return { e, ms: Date.now() - s };
      })(),
      (async () => {
        const s = Date.now();
        const r = await startRegistry();
        return { r, ms: Date.now() - s };
      })(),
    ]);
    const engine = engineRes.e;
    const registry = registryRes.r;
    const env: SharedEnv = {
      docker: {
        socketPath: engine.socketPath,
        host: engine.host,
        dir: engine.dir,
        pid: engine.pid,
      },
      registry: {
        host: registry.host,
        url: registry.url,
        port: registry.port,
        dir: registry.dir,
        accessLogFile: registry.accessLogFile,
      },
      startedAt: new Date().toISOString(),
      startupMs: { engine: engineRes.ms, registry: registryRes.ms, total: Date.now() - t0 },
    };
    const file = path.join(engine.dir, 'shared-env.json');
    fs.writeFileSync(file, JSON.stringify(env, null, 2));
    process.env[ENV_SOCKET] = engine.socketPath;
    process.env[ENV_REGISTRY] = registry.host;
    process.env[ENV_FILE] = file;
    (globalThis as unknown as Record<symbol, Held | undefined>)[KEY] = { engine, registry, file };
    if (process.env.TIDEWATCH_TEST_ENV_VERBOSE) {
      process.stderr.write(
        `\ntest env: engine ${env.startupMs.engine} ms, registry ${env.startupMs.registry} ms, total ${env.startupMs.total} ms\n`,
      );
    }
  } catch (e) {
    await stopAll().catch(() => undefined);
    throw e;
  }
}
