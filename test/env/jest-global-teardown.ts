// Jest globalTeardown: stops what jest-global-setup.ts started (and anything else registered).
import { stopAll } from './cleanup';
import { ENV_FILE, ENV_REGISTRY, ENV_SOCKET } from './shared';

const KEY = Symbol.for('tidewatch.test.env.shared');

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as unknown as Record<
    symbol,
    { engine: { stop(): Promise<void> }; registry: { stop(): Promise<void> } } | undefined
  >;
  const held = g[KEY];
  g[KEY] = undefined;
  try {
    if (held) {
      await Promise.all([held.engine.stop(), held.registry.stop()]);
    }
  } finally {
    await stopAll();
    delete process.env[ENV_SOCKET];
    delete process.env[ENV_REGISTRY];
    delete process.env[ENV_FILE];
  }
}
