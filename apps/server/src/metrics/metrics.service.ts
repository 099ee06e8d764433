import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Counter,
  Gauge,
  Histogram,
  Registry as PromRegistry,
  collectDefaultMetrics,
} from 'prom-client';
import type { Repository } from 'typeorm';
import { APP_VERSION } from '../common/version';
import {
  ContainerEventsService,
  type ContainerEvents,
} from '../containers/container-events.service';
import { ContainerEntity } from '../database/entities';
import { RegistriesService } from '../registries/registries.service';
import type { Registry } from '../registries/registry';
import { DeliveryService } from '../triggers/delivery.service';
import { WatchersService } from '../watchers/watchers.service';

/** How a container stands after its last check (the `status` label of `tidewatch_containers`). */
export type ContainerUpdateStatus = 'update_available' | 'up_to_date' | 'error' | 'unchecked';
const CONTAINER_STATUSES: ContainerUpdateStatus[] = [
  'update_available',
  'up_to_date',
  'error',
  'unchecked',
];
const UPDATE_KINDS = ['major', 'minor', 'patch', 'prerelease', 'digest', 'unknown'] as const;

/** What became of a webhook call (the `result` label of `tidewatch_webhook_events_total`). */
export type WebhookResult =
  'accepted' | 'ignored' | 'duplicate' | 'unauthorized' | 'malformed' | 'confirmed' | 'unconfirmed';

type ContainerRow = Pick<
  ContainerEntity,
  'watcher' | 'updateAvailable' | 'errorMessage' | 'checkedAt' | 'updateKind' | 'image'
>;

export function containerStatus(
  container: Pick<ContainerEntity, 'updateAvailable' | 'errorMessage' | 'checkedAt'>,
): ContainerUpdateStatus {
  if (container.errorMessage) return 'error';
  if (container.updateAvailable) return 'update_available';
  return container.checkedAt ? 'up_to_date' : 'unchecked';
}

export function updateKindLabel(
  container: Pick<ContainerEntity, 'updateKind'>,
): (typeof UPDATE_KINDS)[number] {
  const kind = container.updateKind;
  if (kind?.kind === 'digest') return 'digest';
  const diff = kind?.semverDiff;
  return diff && (UPDATE_KINDS as readonly string[]).includes(diff) ? diff : 'unknown';
}

/**
 * The Prometheus registry of the process (`GET /metrics`). Event-driven series (check durations,
 * trigger runs, webhooks) are recorded as they happen; state series (containers, updates,
 * registries, outbox) are read at scrape time, so they are never stale.
 */
@Injectable()
export class MetricsService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly registry = new PromRegistry();
  private readonly logger = new Logger(MetricsService.name);

  private readonly containers = new Gauge({
    name: 'tidewatch_containers',
    help: 'Watched containers by watcher and update status.',
    labelNames: ['watcher', 'status'],
    registers: [this.registry],
  });
  private readonly updates = new Gauge({
    name: 'tidewatch_updates',
    help: 'Containers with an update available, by kind of update.',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  private readonly watcherUp = new Gauge({
    name: 'tidewatch_watcher_up',
    help: '1 when the watcher reaches its Docker engine.',
    labelNames: ['watcher'],
    registers: [this.registry],
  });
  private readonly watcherLastCheck = new Gauge({
    name: 'tidewatch_watcher_last_check_timestamp_seconds',
    help: 'Unix time of the last successful sync of the watcher.',
    labelNames: ['watcher'],
    registers: [this.registry],
  });
  private readonly checkDuration = new Histogram({
    name: 'tidewatch_check_duration_seconds',
    help: 'Duration of full check cycles, per watcher.',
    labelNames: ['watcher'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });
  private readonly checkCycles = new Counter({
    name: 'tidewatch_check_cycles_total',
    help: 'Full check cycles, per watcher and result.',
    labelNames: ['watcher', 'result'],
    registers: [this.registry],
  });
  private readonly registryRequests = new Counter({
    name: 'tidewatch_registry_requests_total',
    help: 'Registry HTTP requests by registry, kind and status.',
    labelNames: ['registry', 'kind', 'status'],
    registers: [this.registry],
  });
  private readonly rateLimitRemaining = new Gauge({
    name: 'tidewatch_registry_ratelimit_remaining',
    help: 'Requests left in the rate-limit window, as the registry last reported.',
    labelNames: ['registry'],
    registers: [this.registry],
  });
  private readonly rateLimitLimit = new Gauge({
    name: 'tidewatch_registry_ratelimit_limit',
    help: 'Rate-limit quota, as the registry last reported.',
    labelNames: ['registry'],
    registers: [this.registry],
  });
  private readonly triggerRuns = new Counter({
    name: 'tidewatch_trigger_runs_total',
    help: 'Trigger runs (delivery attempts) by trigger type, name and status.',
    labelNames: ['type', 'name', 'status'],
    registers: [this.registry],
  });
  private readonly outboxDepth = new Gauge({
    name: 'tidewatch_outbox_depth',
    help: 'Trigger deliveries waiting (pending) or given up (failed).',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly outboxOldest = new Gauge({
    name: 'tidewatch_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest undelivered trigger delivery (0 when none).',
    registers: [this.registry],
  });
  private readonly webhookEvents = new Counter({
    name: 'tidewatch_webhook_events_total',
    help: 'Registry push webhooks by registry and result.',
    labelNames: ['registry', 'result'],
    registers: [this.registry],
  });
  private readonly databaseUp = new Gauge({
    name: 'tidewatch_database_up',
    help: '1 when the last scrape could read the database.',
    registers: [this.registry],
  });
  /** Update actions (docker / compose triggers): applied, rolled back, failed. */
  readonly updateOutcomes = new Counter({
    name: 'tidewatch_update_outcomes_total',
    help: 'Update actions by outcome (applied, rolled_back, failed) and trigger.',
    labelNames: ['outcome', 'trigger'],
    registers: [this.registry],
  });

  private readonly onCycle = (report: ContainerEvents['cycle'][0]) => {
    this.checkDuration.observe({ watcher: report.watcher }, report.durationMs / 1000);
    this.checkCycles.inc({ watcher: report.watcher, result: report.error ? 'error' : 'success' });
  };

  private readonly onHistory = (run: ContainerEvents['history'][0]) => {
    const dot = run.trigger.indexOf('.');
    this.triggerRuns.inc({
      type: dot === -1 ? run.trigger : run.trigger.slice(0, dot),
      name: dot === -1 ? '' : run.trigger.slice(dot + 1),
      status: run.status,
    });
  };

  constructor(
    @InjectRepository(ContainerEntity) private readonly store: Repository<ContainerEntity>,
    private readonly events: ContainerEventsService,
    private readonly watchers: WatchersService,
    private readonly registries: RegistriesService,
    private readonly delivery: DeliveryService,
  ) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'tidewatch_info',
      help: 'Tidewatch version.',
      labelNames: ['version'],
      registers: [this.registry],
    }).set({ version: APP_VERSION }, 1);
    for (const outcome of ['applied', 'rolled_back', 'failed'])
      this.updateOutcomes.inc({ outcome, trigger: '' }, 0);
  }

  onApplicationBootstrap(): void {
    this.events.on('cycle', this.onCycle);
    this.events.on('history', this.onHistory);
  }

  onModuleDestroy(): void {
    this.events.off('cycle', this.onCycle);
    this.events.off('history', this.onHistory);
  }

  webhookEvent(registry: string, result: WebhookResult): void {
    this.webhookEvents.inc({ registry, result });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text, with state series read now. */
  async scrape(): Promise<string> {
    await this.refresh();
    return this.registry.metrics();
  }

  private async refresh(): Promise<void> {
    let rows: ContainerRow[] = [];
    try {
      rows = await this.store.find({
        select: {
          watcher: true,
          updateAvailable: true,
          errorMessage: true,
          checkedAt: true,
          updateKind: true,
          image: true,
        },
      });
      this.databaseUp.set(1);
    } catch (error) {
      this.databaseUp.set(0);
      this.logger.warn(
        `Metrics could not read the containers: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.refreshContainers(rows);
    this.refreshWatchers();
    this.refreshRegistries(rows);
    await this.refreshOutbox();
  }

  private refreshContainers(rows: ContainerRow[]): void {
    this.containers.reset();
    this.updates.reset();
    for (const watcher of new Set([...this.watchers.names(), ...rows.map((row) => row.watcher)])) {
      for (const status of CONTAINER_STATUSES) this.containers.set({ watcher, status }, 0);
    }
    for (const kind of UPDATE_KINDS) this.updates.set({ kind }, 0);
    for (const row of rows) {
      this.containers.inc({ watcher: row.watcher, status: containerStatus(row) });
      if (row.updateAvailable) this.updates.inc({ kind: updateKindLabel(row) });
    }
  }

  private refreshWatchers(): void {
    this.watcherUp.reset();
    this.watcherLastCheck.reset();
    for (const watcher of this.watchers.list()) {
      this.watcherUp.set({ watcher: watcher.name }, watcher.connected ? 1 : 0);
      if (watcher.lastCheck)
        this.watcherLastCheck.set({ watcher: watcher.name }, Date.parse(watcher.lastCheck) / 1000);
    }
  }

  /** Configured and built-in registries, plus the per-host ones the containers use. */
  private registriesInUse(rows: ContainerRow[]): Registry[] {
    const all = new Set<Registry>(this.registries.list());
    for (const host of new Set(
      rows
        .map((row) => row.image?.registryHost)
        .filter((host): host is string => typeof host === 'string' && host !== ''),
    )) {
      try {
        all.add(this.registries.resolve(host));
      } catch {
        // an unparsable host has no registry: nothing to report
      }
    }
    return [...all];
  }

  private refreshRegistries(rows: ContainerRow[]): void {
    this.registryRequests.reset();
    this.rateLimitRemaining.reset();
    this.rateLimitLimit.reset();
    for (const registry of this.registriesInUse(rows)) {
      // The client keeps cumulative counts; expose them as they are.
      for (const count of registry.counters())
        this.registryRequests.inc(
          { registry: registry.id, kind: count.kind, status: count.status },
          count.count,
        );
      const limit = registry.rateLimit();
      if (limit) {
        this.rateLimitRemaining.set({ registry: registry.id }, limit.remaining);
        this.rateLimitLimit.set({ registry: registry.id }, limit.limit);
      }
    }
  }

  private async refreshOutbox(): Promise<void> {
    try {
      const depth = await this.delivery.depth();
      this.outboxDepth.set({ status: 'pending' }, depth.pending);
      this.outboxDepth.set({ status: 'failed' }, depth.failed);
      this.outboxOldest.set(
        depth.oldestPendingAt
          ? Math.max(0, (Date.now() - new Date(depth.oldestPendingAt).getTime()) / 1000)
          : 0,
      );
    } catch (error) {
      this.logger.warn(
        `Metrics could not read the outbox: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** Outcome of an update action, for `tidewatch_update_outcomes_total`. */
export type UpdateOutcome = 'applied' | 'rolled_back' | 'failed';

/** The small API update actions use to count their outcomes. */
@Injectable()
export class UpdateOutcomeMetrics {
  constructor(private readonly metrics: MetricsService) {}

  /** `trigger` is `type.name` of the action (e.g. `docker.local`). */
  record(outcome: UpdateOutcome, trigger = ''): void {
    this.metrics.updateOutcomes.inc({ outcome, trigger });
  }
}
