import { Injectable, Logger, NotFoundException, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ContainerEventsService } from '../containers/container-events.service';
import { ContainersRepository } from '../containers/containers.repository';
import type { ContainerEntity } from '../database/entities';
import { CheckCycle } from '../registries/check-cycle';
import { RegistriesService } from '../registries/registries.service';
import { SchedulerRepository, watcherJobName } from '../scheduler/scheduler.repository';
import { TriggerDispatcher } from '../triggers/trigger-dispatcher.service';
import { WatchersService } from '../watchers/watchers.service';
import { type CheckOutcome, UpdateChecker } from './update-checker';

export interface CycleReport {
  watcher: string;
  containers: number;
  durationMs: number;
  error: string | null;
}

/**
 * Runs check cycles: sync a watcher's containers from its engine, then check every container
 * against its registry, each distinct image once per cycle. Also checks containers the engine's
 * events reveal between cycles, and single containers on request.
 */
@Injectable()
export class UpdatesService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UpdatesService.name);
  private readonly checker: UpdateChecker;
  private readonly lastCycle = new Map<string, CycleReport>();
  private readonly onChanged = (containers: ContainerEntity[]) => {
    this.check(containers).catch((error: unknown) => this.logger.error(`Check after an engine event failed: ${String(error)}`));
  };

  constructor(
    registries: RegistriesService,
    private readonly watchers: WatchersService,
    private readonly store: ContainersRepository,
    private readonly events: ContainerEventsService,
    private readonly scheduler: SchedulerRepository,
    private readonly dispatcher: TriggerDispatcher,
  ) {
    this.checker = new UpdateChecker(registries);
  }

  onApplicationBootstrap(): void {
    this.events.on('changed', this.onChanged);
    for (const name of this.watchers.names()) {
      const config = this.watchers.configOf(name);
      this.scheduler.addCron(watcherJobName(name), config.cron, config.jitter, async () => {
        await this.runCycle(name);
      });
      if (config.watchatstart) this.runCycle(name).catch(() => undefined);
    }
  }

  onModuleDestroy(): void {
    this.events.off('changed', this.onChanged);
    for (const name of this.watchers.names()) this.scheduler.remove(watcherJobName(name));
  }

  /** One watcher's cycle; an unreachable engine is recorded on the watcher and rethrown. */
  async runCycle(watcher: string): Promise<ContainerEntity[]> {
    const started = Date.now();
    try {
      const containers = await this.watchers.sync(watcher);
      const checked = await this.check(containers);
      this.recordCycle({ watcher, containers: checked.length, durationMs: Date.now() - started, error: null });
      return checked;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.recordCycle({ watcher, containers: 0, durationMs: Date.now() - started, error: message });
      throw error;
    }
  }

  private recordCycle(report: CycleReport): void {
    this.lastCycle.set(report.watcher, report);
    this.events.emitCycle(report);
  }

  /** Every watcher's cycle; one failing engine does not stop the others. */
  async runAll(): Promise<ContainerEntity[]> {
    const results = await Promise.allSettled(this.watchers.names().map((name) => this.runCycle(name)));
    return results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
  }

  /** Re-reads one container from its engine and checks it now. */
  async checkOne(id: string): Promise<ContainerEntity> {
    const existing = await this.store.findById(id);
    if (!existing) throw new NotFoundException(`Container ${id} not found`);
    await this.watchers.refresh(existing.watcher, existing.id);
    const current = await this.store.findById(existing.id);
    if (!current) throw new NotFoundException(`Container ${id} no longer exists`);
    const [checked] = await this.check([current]);
    return checked;
  }

  cycleReports(): CycleReport[] {
    return [...this.lastCycle.values()];
  }

  /** Checks containers, each distinct image once (the cycle shares registry results), and stores the outcome. */
  async check(containers: ContainerEntity[]): Promise<ContainerEntity[]> {
    if (containers.length === 0) return [];
    const cycle = new CheckCycle();
    const outcomes = await Promise.all(containers.map((container) => this.checker.check(container, cycle)));
    const checkedAt = new Date().toISOString();
    const changed: ContainerEntity[] = [];
    containers.forEach((container, index) => {
      const before = JSON.stringify([container.updateAvailable, container.updateKind, container.result, container.errorMessage]);
      apply(container, outcomes[index], checkedAt);
      if (before !== JSON.stringify([container.updateAvailable, container.updateKind, container.result, container.errorMessage])) changed.push(container);
    });
    await this.dispatcher.recordCheck(containers, changed);
    this.events.emitUpdated(containers, changed);
    return containers;
  }
}

function apply(container: ContainerEntity, outcome: CheckOutcome, checkedAt: string): void {
  container.result = outcome.result;
  container.updateAvailable = outcome.updateAvailable;
  container.updateKind = outcome.updateKind;
  container.errorMessage = outcome.errorMessage;
  container.decision = outcome.decision;
  container.checkedAt = checkedAt;
  container.image = {
    ...container.image,
    tag: { ...container.image.tag, semver: outcome.semver },
    digest: { ...container.image.digest, watch: outcome.watchDigest, value: outcome.localDigest },
  };
}
