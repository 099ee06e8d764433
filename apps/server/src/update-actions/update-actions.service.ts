import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ComposeFileUpdater, ComposeUpdater, ContainerUpdater, type UpdateReport } from '../actions';
import { ContainersRepository } from '../containers/containers.repository';
import { AuditLogEntity, type ContainerEntity } from '../database/entities';
import { UpdateOutcomeMetrics } from '../metrics/metrics.service';
import { TriggerDispatcher } from '../triggers/trigger-dispatcher.service';
import { UpdatesService } from '../updates/updates.service';
import { WatchersService } from '../watchers/watchers.service';
import { type ActionResult, type ActionRunner, ActionRunnerRef, type ComposeActionConfig, type DockerActionConfig } from './action-trigger-types';
import { DbUpdateJournal } from './db-update-journal';
import { pullReference, withTag } from './image-target';

/**
 * Runs the docker and compose update actions: picks the exact image the check found (by digest),
 * recreates the container safely through the per-host ContainerUpdater, records the steps in the
 * audit log, announces the outcome to the triggers (update applied / failed / rolled back), and
 * re-checks the container. At start, finishes or rolls back updates a crash interrupted.
 */
@Injectable()
export class UpdateActionsService implements ActionRunner, OnApplicationBootstrap {
  private readonly logger = new Logger(UpdateActionsService.name);
  private readonly updaters = new Map<string, ContainerUpdater>();

  constructor(
    ref: ActionRunnerRef,
    @InjectRepository(AuditLogEntity) private readonly audit: Repository<AuditLogEntity>,
    private readonly journal: DbUpdateJournal,
    private readonly store: ContainersRepository,
    private readonly watchers: WatchersService,
    private readonly updates: UpdatesService,
    private readonly dispatcher: TriggerDispatcher,
    private readonly metrics: UpdateOutcomeMetrics,
  ) {
    ref.current = this;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const watcher of this.watchers.names()) {
      try {
        const reports = await this.updater(watcher).recover();
        for (const report of reports) this.logger.warn(`Recovered an interrupted update on ${watcher}: ${JSON.stringify(report)}`);
      } catch (error) {
        this.logger.error(`Could not recover interrupted updates on ${watcher}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** One updater per host (its lock and concurrency limit are per host); trigger options go per request. */
  private updater(watcher: string, config?: DockerActionConfig): ContainerUpdater {
    const key = config ? `${watcher}|${config.health_timeout}|${config.stable}|${config.rollback}|${config.prune}` : `${watcher}|default`;
    let updater = this.updaters.get(key);
    if (!updater) {
      updater = new ContainerUpdater(this.watchers.engine(watcher), this.journal, this.logger, {
        host: watcher,
        ...(config ? { healthTimeoutMs: config.health_timeout, stableSeconds: config.stable, rollback: config.rollback, pruneOldImage: config.prune } : {}),
      });
      this.updaters.set(key, updater);
    }
    return updater;
  }

  async run(kind: 'docker' | 'compose', config: DockerActionConfig | ComposeActionConfig, containerId: string, triggerId: string): Promise<ActionResult> {
    const container = await this.store.findById(containerId);
    if (!container) return { ok: false, outcome: 'failed', summary: `container ${containerId.slice(0, 12)} is not known`, reason: `Container ${containerId.slice(0, 12)} is not known (removed?)`, steps: [] };
    if (!container.updateAvailable || !container.result) {
      return { ok: true, outcome: 'unchanged', summary: `${container.name}: no update available`, steps: [] };
    }
    const digest = container.result.digest;
    const tag = container.result.tag ?? container.image.tag.value;
    const targetImage = digest ? `${pullReference(container.image.reference)}@${digest}` : withTag(container.image.reference, tag);
    const targetReference = withTag(container.image.reference, tag);
    let report: UpdateReport;
    if (kind === 'compose') {
      const compose = config as ComposeActionConfig;
      const files = new ComposeFileUpdater({ ...(compose.file ? { file: compose.file } : {}), backup: compose.backup, git: compose.git ? { push: compose.git_push } : false });
      const [result] = await new ComposeUpdater(this.watchers.engine(container.watcher), files, this.updater(container.watcher, compose), this.logger).update({
        items: [{ containerId: container.id, tag, ...(digest ? { digest, targetImage } : {}) }],
        dryRun: compose.dryrun,
      });
      const service = result?.services[0];
      report = service?.report ?? { outcome: result?.outcome === 'dry-run' ? 'dry-run' : 'failed', reason: result?.reason ?? 'the compose file could not be updated', containerName: container.name, oldContainerId: container.id, toImage: targetReference, steps: [], timing: { requestedAt: new Date().toISOString(), totalMs: 0 }, warnings: [] } as unknown as UpdateReport;
      if (result && result.outcome !== 'updated' && result.outcome !== 'dry-run' && result.reason) report = { ...report, reason: result.reason };
    } else {
      const docker = config;
      report = await this.updater(container.watcher, docker).update({ containerId: container.id, targetImage, targetReference, dryRun: docker.dryrun });
    }
    return this.settle(container, report, triggerId, targetReference);
  }

  private async settle(container: ContainerEntity, report: UpdateReport, triggerId: string, target: string): Promise<ActionResult> {
    const ok = report.outcome === 'updated' || report.outcome === 'unchanged' || report.outcome === 'dry-run';
    const steps = report.steps.map((step) => ({ ...step }));
    await this.audit.insert({
      id: randomUUID(),
      at: new Date().toISOString(),
      actor: `trigger:${triggerId}`,
      action: 'container.update',
      target: container.identity,
      details: { outcome: report.outcome, reason: report.reason ?? null, target, steps, timing: report.timing },
      ip: null,
    });
    if (report.outcome === 'updated') this.metrics.record('applied', triggerId);
    else if (report.outcome === 'rolled-back') this.metrics.record('rolled_back', triggerId);
    else if (report.outcome === 'failed') this.metrics.record('failed', triggerId);
    const summary = `${container.name} → ${target}: ${report.outcome}${report.timing?.totalMs ? ` in ${report.timing.totalMs} ms` : ''}`;
    if (report.outcome === 'updated') {
      await this.dispatcher.recordEvent('update-applied', container, `Updated to ${target}`);
      if (report.newContainerId) await this.recheck(container.watcher, report.newContainerId);
    } else if (report.outcome === 'rolled-back') {
      await this.dispatcher.recordEvent('rolled-back', container, report.reason);
    } else if (report.outcome === 'failed') {
      await this.dispatcher.recordEvent('update-failed', container, report.reason);
    }
    return { ok, outcome: report.outcome, summary, ...(report.reason ? { reason: `${container.name}: ${report.reason}` } : {}), steps };
  }

  /** The new container is read and checked at once (the engine's events would also bring it). */
  private async recheck(watcher: string, id: string): Promise<void> {
    try {
      await this.watchers.refresh(watcher, id);
      const fresh = await this.store.findById(id);
      if (fresh) await this.updates.check([fresh]);
    } catch (error) {
      this.logger.warn(`Re-check after the update failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
