import type { INestApplicationContext, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { type TidewatchConfig, loadConfig } from '../config/config';
import { ContainersRepository } from '../containers/containers.repository';
import { createLogger } from '../logging/logger';
import { createRegistryResolver } from '../registries/registries.service';
import { SchedulerRepository } from '../scheduler/scheduler.repository';
import { DeliveryService } from '../triggers/delivery.service';
import { TriggersService, buildTriggerPlugins } from '../triggers/triggers.service';
import { UpdatesService } from '../updates/updates.service';
import { WatchersService } from '../watchers/watchers.service';
import { parseArgs } from './args';
import {
  type WatcherOutcome,
  buildCheckReport,
  checkExitCode,
  formatCheckTable,
} from './check-report';
import type { CliIo } from './io';

export const CHECK_USAGE = `Usage: tidewatch check [--json] [--fail-on-update] [--notify]

Runs one full check of every watcher (same configuration as the server), prints the containers
with their updates, and exits. No HTTP listener; no trigger fires unless --notify.

  --json             print a JSON report instead of a table
  --fail-on-update   exit with 1 when an update is available
  --notify           let the triggers fire for what this check finds (and wait for them)

Exit codes: 0 = done, 1 = updates found (with --fail-on-update), 2 = something could not be
checked (an engine or registry error, a bad configuration).`;

const NOTIFY_WAIT_MS = 60_000;
const LIFECYCLE_HOOKS = new Set([
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
  'then',
  'constructor',
  'toJSON',
]);

/**
 * A stand-in that does what `known` says and fails loudly on anything else, so a new dependency
 * on it shows up as an error instead of a silent no-op.
 */
function stub<T extends object>(name: string, known: Partial<T>): T {
  return new Proxy(known as T, {
    get(target, property) {
      if (typeof property === 'symbol' || property in target)
        return Reflect.get(target, property) as unknown;
      if (LIFECYCLE_HOOKS.has(property)) return undefined;
      return () => {
        throw new Error(`tidewatch check: ${name}.${property}() is not available without --notify`);
      };
    },
  });
}

/** No schedules in a one-shot run. */
const idleScheduler: Pick<SchedulerRepository, 'addCron' | 'nextRun' | 'remove'> = {
  addCron: () => undefined,
  nextRun: () => null,
  remove: () => undefined,
};

function cliOverrides(notify: boolean): Provider[] {
  const overrides: Provider[] = [{ provide: SchedulerRepository, useValue: idleScheduler }];
  if (!notify) {
    // Without --notify nothing is queued (no trigger is active) and nothing queued earlier is sent.
    overrides.push({
      provide: TriggersService,
      useValue: stub<TriggersService>('TriggersService', { list: () => [], find: () => undefined }),
    });
    overrides.push({
      provide: DeliveryService,
      useValue: stub<DeliveryService>('DeliveryService', {
        wake: () => undefined,
        depth: () => Promise.resolve({ pending: 0, failed: 0, oldestPendingAt: null }),
      }),
    });
  }
  return overrides;
}

/** The configuration for a one-shot run: no engine event streams, no cycle at start (we run it). */
export function oneShotConfig(config: TidewatchConfig): TidewatchConfig {
  return {
    ...config,
    watchers: config.watchers.map((watcher) => ({
      ...watcher,
      watchevents: false,
      watchatstart: false,
    })),
  };
}

function hasExplicitLogLevel(env: NodeJS.ProcessEnv): boolean {
  return env.TIDEWATCH_LOG_LEVEL !== undefined || env.WUD_LOG_LEVEL !== undefined;
}

async function waitForDeliveries(app: INestApplicationContext, io: CliIo): Promise<void> {
  const delivery = app.get(DeliveryService);
  const deadline = Date.now() + NOTIFY_WAIT_MS;
  for (;;) {
    const depth = await delivery.depth();
    if (depth.pending === 0) return;
    if (Date.now() > deadline) {
      io.err(
        `tidewatch check: ${depth.pending} trigger deliveries are still pending; the server will retry them\n`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'fail-on-update', 'notify'] });
  const notify = args.flags.has('notify');
  const config = oneShotConfig(loadConfig(io.env));
  const logger = createLogger(config, {
    fd: 2,
    ...(hasExplicitLogLevel(io.env) ? {} : { level: 'warn' }),
  });
  const module = AppModule.forRoot(
    config,
    createRegistryResolver(config.registries),
    buildTriggerPlugins(config.triggers),
    { logger, headless: true, overrides: cliOverrides(notify) },
  );
  const app = await NestFactory.createApplicationContext(module, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  try {
    const updates = app.get(UpdatesService);
    const names = app.get(WatchersService).names();
    const outcomes: WatcherOutcome[] = [];
    for (const name of names) {
      try {
        const checked = await updates.runCycle(name);
        outcomes.push({ name, containers: checked.length, error: null });
      } catch (error) {
        outcomes.push({
          name,
          containers: 0,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    const reachable = new Set(
      outcomes.filter((outcome) => outcome.error === null).map((outcome) => outcome.name),
    );
    const containers = (await app.get(ContainersRepository).findAll()).filter((container) =>
      reachable.has(container.watcher),
    );
    const report = buildCheckReport(containers, outcomes);
    if (notify) await waitForDeliveries(app, io);
    io.out(
      args.flags.has('json') ? `${JSON.stringify(report, null, 2)}\n` : formatCheckTable(report),
    );
    return checkExitCode(report, args.flags.has('fail-on-update'));
  } finally {
    await app.close();
  }
}
