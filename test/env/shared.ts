// Coordinates of the engine + registry shared by one jest run (started in jest-global-setup.ts).
import * as fs from 'node:fs';
import { attachDockerEngine, type DockerEngine } from './docker-engine';
import { attachRegistry, type TestRegistry } from './registry';

export const ENV_SOCKET = 'TIDEWATCH_TEST_DOCKER_SOCKET';
export const ENV_REGISTRY = 'TIDEWATCH_TEST_REGISTRY';
export const ENV_FILE = 'TIDEWATCH_TEST_ENV_FILE';

export interface SharedEnv {
  docker: {
    /** Absolute path of the engine's unix socket. */
    socketPath: string;
    /** unix:///…/docker.sock */
    host: string;
    dir: string;
    pid: number;
  };
  registry: {
    /** 127.0.0.1:PORT */
    host: string;
    /** http://127.0.0.1:PORT */
    url: string;
    port: number;
    dir: string;
    accessLogFile: string;
  };
  startedAt: string;
  startupMs: { engine: number; registry: number; total: number };
}

/** Reads the shared environment written by the jest global setup (throws when absent). */
export function getSharedEnv(): SharedEnv {
  const file = process.env[ENV_FILE];
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      `${ENV_FILE} is not set or missing: run through jest.integration.config.cjs (its globalSetup starts the shared engine and registry)`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SharedEnv;
}

/** Like getSharedEnv() but undefined when no shared environment is running. */
export function tryGetSharedEnv(): SharedEnv | undefined {
  try {
    return getSharedEnv();
  } catch {
    return undefined;
  }
}

/**
 * Handles on the shared engine and registry, usable with pushImage / runContainer / etc.
 * They cannot be stopped or restarted from a test (start your own for that). Tests sharing them
 * run in parallel workers: use unique repository and container names, and remove your containers.
 */
export function sharedEnvHandles(): {
  engine: DockerEngine;
  registry: TestRegistry;
  env: SharedEnv;
} {
  const env = getSharedEnv();
  return {
    env,
    engine: attachDockerEngine({
      dir: env.docker.dir,
      socketPath: env.docker.socketPath,
      pid: env.docker.pid,
    }),
    registry: attachRegistry({
      port: env.registry.port,
      dir: env.registry.dir,
      accessLogFile: env.registry.accessLogFile,
    }),
  };
}
