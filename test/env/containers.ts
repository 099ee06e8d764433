// Containers on a test engine — always `--network none` (the hard network rule).
import * as crypto from 'node:crypto';
import type { DockerEngine } from './docker-engine';
import type { HealthcheckSpec } from './images';

export interface RunContainerOptions {
  /** Default: tw-<random>. */
  name?: string;
  labels?: Record<string, string>;
  /** Overrides the image CMD. */
  cmd?: string[];
  env?: Record<string, string>;
  healthcheck?: HealthcheckSpec;
  /** e.g. 'unless-stopped' (useful for engine-restart tests). */
  restart?: string;
  /** Create but do not start. */
  createOnly?: boolean;
  /** `--init` (tini as PID 1: signals reach the command, stops are fast). Default true. */
  init?: boolean;
}

export interface RunningContainer {
  id: string;
  name: string;
}

export async function runContainer(
  engine: DockerEngine,
  image: string,
  opts: RunContainerOptions = {},
): Promise<RunningContainer> {
  const name = opts.name ?? `tw-${crypto.randomBytes(4).toString('hex')}`;
  const args = opts.createOnly ? ['create'] : ['run', '-d'];
  args.push('--network', 'none', '--name', name);
  for (const [k, v] of Object.entries(opts.labels ?? {})) args.push('--label', `${k}=${v}`);
  for (const [k, v] of Object.entries(opts.env ?? {})) args.push('--env', `${k}=${v}`);
  if (opts.restart) args.push('--restart', opts.restart);
  if (opts.init !== false) args.push('--init');
  const h = opts.healthcheck;
  if (h) {
    args.push(
      '--health-cmd',
      h.cmd.map((c) => (/[\s'"]/.test(c) ? `'${c.replace(/'/g, `'\\''`)}'` : c)).join(' '),
    );
    args.push(
      '--health-interval',
      h.interval ?? '1s',
      '--health-timeout',
      h.timeout ?? '1s',
      '--health-retries',
      String(h.retries ?? 1),
    );
    if (h.startPeriod) args.push('--health-start-period', h.startPeriod);
  }
  args.push(image, ...(opts.cmd ?? []));
  const id = (await engine.docker(args)).trim().split('\n').pop() ?? '';
  return { id, name };
}

export async function removeContainer(engine: DockerEngine, idOrName: string): Promise<void> {
  await engine.docker(['rm', '-f', '-v', idOrName]);
}

/** IDs of all containers (running or not) on the engine. */
export async function listContainers(engine: DockerEngine): Promise<string[]> {
  return (await engine.docker(['ps', '-aq', '--no-trunc'])).split('\n').filter(Boolean);
}
