import { randomBytes, randomUUID } from 'node:crypto';
import type { DockerRepository } from '../../docker/docker.repository';
import type { DockerContainerInspect, DockerImageInspect } from '../../docker/docker.types';
import { silentActionLogger, type ActionLogger } from '../common/action-logger';
import { ConcurrencyLimit, KeyedMutex } from '../common/concurrency';
import { isDigestReference, splitReference } from '../common/image-reference';
import { buildRecreatePlan, describeChanges, type RecreatePlan } from './container-spec';
import { decideRecovery, readProgress } from './recovery';
import { detectOwnContainerIds, isOwnContainer } from './self-container';
import {
  commandFromLabel,
  readUpdateLabels,
  type HealthProbe,
  type UpdateLabelSettings,
} from './update-labels';
import type {
  JournalData,
  JournalEntry,
  UpdateJournal,
  UpdateOutcome,
  UpdateStepName,
} from './update-journal';
import type { RecoveryReport, UpdateErrorCode, UpdateReport, UpdateRequest } from './update-report';

/** Suffix of the old container's name while its replacement is checked. */
export const PARKED_SUFFIX = '-tidewatch-old';

export interface ContainerUpdaterOptions {
  /** The Docker host (watcher name) this updater acts on; keys its journal entries. */
  host?: string;
  /** Longest wait for the new container to pass the health gate (default 120 s). */
  healthTimeoutMs?: number;
  /** "Still running after N s" when there is neither healthcheck nor probe (default 5). */
  stableSeconds?: number;
  /** Polling interval of the health gate (default 100 ms). */
  healthPollMs?: number;
  /** Updates running at once on this host (default 2). */
  concurrency?: number;
  pullTimeoutMs?: number;
  /** A pull without progress for this long is abandoned (default 60 s). */
  pullIdleTimeoutMs?: number;
  /** Pre/post hooks and probe commands (default 60 s). */
  hookTimeoutMs?: number;
  /** The test run (default 120 s). */
  testTimeoutMs?: number;
  /** Remove the old image after a successful update when nothing else uses it (default false). */
  pruneOldImage?: boolean;
  /**
   * Roll back when the new container fails its health gate (default true). With false, the
   * failing new container is left running and the old one stays stopped as `<name>-tidewatch-old`
   * for a person to decide; the container's next update is refused until then.
   */
  rollback?: boolean;
  /** IDs of the container Tidewatch runs in (default: detected from /proc and the host name). */
  ownContainerIds?: string[];
}

class UpdateFailure extends Error {
  constructor(
    readonly code: UpdateErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Recreates a container on a new image, safely: the environment ends either on the new version,
 * healthy, or back on the old one as if nothing happened. Every step is journaled before and
 * after it runs, so `recover()` can finish or roll back an update a crash interrupted.
 */
export class ContainerUpdater {
  private readonly mutex = new KeyedMutex();
  private readonly limit: ConcurrencyLimit;
  private readonly host: string;
  private readonly ownIds: string[];
  private readonly settings: Required<
    Omit<ContainerUpdaterOptions, 'host' | 'ownContainerIds' | 'concurrency'>
  >;

  constructor(
    private readonly docker: DockerRepository,
    private readonly journal: UpdateJournal,
    private readonly logger: ActionLogger = silentActionLogger,
    options: ContainerUpdaterOptions = {},
  ) {
    this.host = options.host ?? 'local';
    this.limit = new ConcurrencyLimit(options.concurrency ?? 2);
    this.ownIds = options.ownContainerIds ?? detectOwnContainerIds();
    this.settings = {
      healthTimeoutMs: options.healthTimeoutMs ?? 120_000,
      stableSeconds: options.stableSeconds ?? 5,
      healthPollMs: options.healthPollMs ?? 100,
      pullTimeoutMs: options.pullTimeoutMs ?? 600_000,
      pullIdleTimeoutMs: options.pullIdleTimeoutMs ?? 60_000,
      hookTimeoutMs: options.hookTimeoutMs ?? 60_000,
      testTimeoutMs: options.testTimeoutMs ?? 120_000,
      pruneOldImage: options.pruneOldImage ?? false,
      rollback: options.rollback ?? true,
    };
  }

  /** Updates one container (waits for a free slot on this host and for the container's lock). */
  async update(request: UpdateRequest): Promise<UpdateReport> {
    const requestedAt = Date.now();
    return this.limit.run(async () => {
      const found = await this.docker.inspectContainerFull(request.containerId);
      const key = found ? found.name.replace(/^\//, '') : request.containerId;
      return this.mutex.run(key, () => this.perform(request, requestedAt, found?.name));
    });
  }

  /** A batch: every request through the per-host concurrency limit; reports in request order. */
  updateMany(requests: UpdateRequest[]): Promise<UpdateReport[]> {
    return Promise.all(requests.map((request) => this.update(request)));
  }

  /**
   * Finishes or rolls back the updates a crash interrupted (call once at start, before any
   * update): a new container that passed (or now passes) the health gate is kept and the old one
   * removed; otherwise the new one is removed and the old one gets its name and state back.
   */
  async recover(): Promise<RecoveryReport[]> {
    const reports: RecoveryReport[] = [];
    for (const entry of await this.journal.pending()) {
      if (entry.host !== this.host) continue;
      reports.push(await this.mutex.run(entry.containerName, () => this.recoverOne(entry)));
    }
    return reports;
  }

  // -------------------------------------------------------------------------------------------

  private async perform(
    request: UpdateRequest,
    requestedAt: number,
    knownName?: string,
  ): Promise<UpdateReport> {
    const targetReference = request.targetReference ?? request.targetImage;
    const run = new UpdateRun(this.journal, this.logger, requestedAt, {
      outcome: 'failed',
      containerName: knownName ?? request.containerId,
      oldContainerId: request.containerId,
      toImage: { reference: targetReference, pulled: request.targetImage },
      steps: [],
      timing: { requestedAt: new Date(requestedAt).toISOString(), totalMs: 0 },
      warnings: [],
    });
    let old: DockerContainerInspect;
    let labels: UpdateLabelSettings;
    try {
      old = await run.step(
        'inspect',
        async () => {
          // By ID, else by name: a queued request may find its container already replaced.
          const found =
            (await this.docker.inspectContainerFull(request.containerId)) ??
            (knownName ? await this.docker.inspectContainerFull(knownName) : null);
          if (!found)
            throw new UpdateFailure('not-found', `container ${request.containerId} not found`);
          return found;
        },
        (found) =>
          `${found.name}: ${found.config.Image ?? '?'} (${short(found.imageId)}), ${found.state.status}`,
      );
      run.report.containerName = old.name;
      run.report.oldContainerId = old.id;
      run.report.fromImage = { reference: old.config.Image ?? '', id: old.imageId };
      labels = readUpdateLabels(old.config.Labels);
      for (const problem of labels.problems) run.report.warnings.push(problem);
      this.refuseUnsafe(old, labels);
      if (await this.refuseParked(old)) {
        throw new UpdateFailure(
          'busy',
          `${old.name}${PARKED_SUFFIX} exists: an earlier update of ${old.name} was interrupted; run recovery (restart Tidewatch) or remove it`,
        );
      }
    } catch (error) {
      return run.fail(error);
    }

    if (isDigestReference(request.targetImage) && old.config.Image === targetReference) {
      const local = await this.docker.inspectImageFull(request.targetImage);
      if (local && local.id === old.imageId)
        return run.unchanged(`already on ${request.targetImage}`);
    }
    if (request.dryRun) return this.dryRun(run, old, labels, request, targetReference);

    const wasRunning = old.state.running;
    const journalId = randomUUID();
    run.journalId = journalId;
    run.report.journalId = journalId;
    try {
      await this.journal.begin({
        id: journalId,
        host: this.host,
        containerId: old.id,
        containerName: old.name,
        wasRunning,
        targetImage: request.targetImage,
        targetReference,
        startedAt: new Date().toISOString(),
      });
    } catch (error) {
      run.journalId = undefined;
      return run.fail(
        new UpdateFailure(
          'journal',
          `could not journal the update, so it was not started: ${message(error)}`,
        ),
      );
    }

    // Phase 1: nothing is touched; a failure leaves the old container exactly as it was.
    let newImage: DockerImageInspect;
    let plan: RecreatePlan;
    try {
      if (labels.preHook) {
        const command = labels.preHook;
        if (wasRunning)
          await run.step(
            'pre-hook',
            () => this.runHook(old.id, command, 'pre-update hook'),
            (detail) => detail,
          );
        else run.skip('pre-hook', 'container not running: pre-update hook skipped');
      }
      newImage = await run.step(
        'pull',
        () => this.pull(request, targetReference),
        (image) => `${request.targetImage} → ${short(image.id)}`,
      );
      run.report.toImage.id = newImage.id;
      if (newImage.id === old.imageId && old.config.Image === targetReference) {
        await this.journal.finish(journalId, 'unchanged', 'already on the target image');
        run.journalId = undefined;
        return run.unchanged(`already on ${request.targetImage} (${short(newImage.id)})`);
      }
      const testCommand =
        typeof request.testCommand === 'string'
          ? commandFromLabel(request.testCommand)
          : (request.testCommand ?? labels.testCommand);
      if (testCommand)
        await run.step(
          'test-run',
          () => this.testRun(old, newImage, testCommand, run),
          (detail) => detail,
        );
      const oldImage = await this.docker.inspectImageFull(old.imageId);
      if (!oldImage)
        run.report.warnings.push(
          'the old image is gone: its defaults cannot be told apart, so the whole configuration is kept',
        );
      const engineHostname =
        old.hostConfig.NetworkMode === 'host' ? (await this.docker.engineInfo()).name : undefined;
      plan = buildRecreatePlan(old, oldImage?.config ?? null, targetReference, { engineHostname });
    } catch (error) {
      const report = run.fail(error);
      await this.journal.finish(journalId, 'failed', report.reason).catch(() => undefined);
      return report;
    }

    // Phase 2: the old container is stopped and parked; any failure rolls back.
    const parked = `${old.name}${PARKED_SUFFIX}`;
    let newId: string | undefined;
    let oldStoppedAt: string | undefined;
    try {
      if (wasRunning) {
        await run.step(
          'stop-old',
          async () => {
            try {
              await this.docker.stopContainer(old.id);
            } catch (error) {
              throw new UpdateFailure(
                'stop',
                `could not stop the old container: ${message(error)}`,
              );
            }
            oldStoppedAt = (await this.docker.inspectContainerFull(old.id))?.state.finishedAt;
          },
          () =>
            `stopped with ${old.config.StopSignal || 'SIGTERM'} (grace ${old.config.StopTimeout ?? 10} s)`,
        );
      }
      await run.step(
        'rename-old',
        async () => {
          try {
            await this.docker.renameContainer(old.id, parked);
          } catch (error) {
            throw new UpdateFailure(
              'rename',
              `could not rename the old container: ${message(error)}`,
            );
          }
        },
        () => `${old.name} → ${parked}`,
        () => ({ parkedName: parked }),
      );
      newId = await run.step(
        'create-new',
        async () => {
          try {
            return await this.docker.createContainer(plan.name, plan.body);
          } catch (error) {
            throw new UpdateFailure(
              'create',
              `could not create the new container: ${message(error)}`,
            );
          }
        },
        (id) => `${plan.name} (${short(id)}) on ${targetReference}`,
        (id) => ({ newContainerId: id }),
      );
      run.report.newContainerId = newId;
      const createdId = newId;
      if (wasRunning) {
        const startedAt = await run.step('start-new', async () => {
          try {
            for (const extra of plan.extraNetworks)
              await this.docker.connectNetwork(extra.network, createdId, extra.endpoint);
            await this.docker.startContainer(createdId);
          } catch (error) {
            throw new UpdateFailure(
              'start',
              `could not start the new container: ${message(error)}`,
            );
          }
          return (await this.docker.inspectContainerFull(createdId))?.state.startedAt;
        });
        if (oldStoppedAt && startedAt)
          run.report.timing.downtimeMs = Math.max(
            0,
            Date.parse(startedAt) - Date.parse(oldStoppedAt),
          );
        await run.step(
          'health',
          () => this.healthGate(createdId, labels, request.probe),
          (detail) => detail,
        );
        run.report.timing.healthyAfterMs = Date.now() - requestedAt;
      } else {
        for (const extra of plan.extraNetworks)
          await this.docker.connectNetwork(extra.network, createdId, extra.endpoint);
      }
    } catch (error) {
      const failure = toFailure(error);
      if (!this.settings.rollback && failure.code === 'health' && newId) {
        const reason = `${failure.message}; rollback is off: the new container was kept and the old one stays stopped as ${parked}`;
        await this.journal.finish(journalId, 'failed', reason).catch(() => undefined);
        return run.finish('failed', reason, failure.code);
      }
      try {
        const restartedAt = await run.step(
          'rollback',
          () => this.rollBack({ oldId: old.id, name: old.name, wasRunning, newId }),
          (at) => (at ? 'old container restored and started' : 'old container restored'),
        );
        if (oldStoppedAt && restartedAt)
          run.report.timing.downtimeMs = Math.max(
            0,
            Date.parse(restartedAt) - Date.parse(oldStoppedAt),
          );
        run.report.newContainerId = undefined;
        await this.journal.finish(journalId, 'rolled-back', failure.message).catch(() => undefined);
        return run.finish('rolled-back', failure.message, failure.code);
      } catch (rollbackError) {
        // The journal entry stays pending: recovery tries again at the next start.
        const reason = `${failure.message}; rollback failed: ${message(rollbackError)}`;
        this.logger.error(`update of ${old.name}: ${reason}`);
        return run.finish('failed', reason, 'rollback');
      }
    }

    // Phase 3: the new container is in service; what follows cannot undo the update.
    const finalId = newId;
    await run
      .step(
        'remove-old',
        () => this.docker.removeContainer(old.id, { force: true, volumes: false }),
        () => `${parked} removed`,
      )
      .catch((error: unknown) => {
        run.report.warnings.push(`could not remove ${parked}: ${message(error)}`);
      });
    if ((request.pruneOldImage ?? this.settings.pruneOldImage) && old.imageId !== newImage.id) {
      await run
        .step(
          'prune-image',
          () => this.pruneImage(old.imageId),
          (detail) => detail,
        )
        .catch((error: unknown) => {
          run.report.warnings.push(`could not remove the old image: ${message(error)}`);
        });
    }
    if (labels.postHook && wasRunning) {
      const command = labels.postHook;
      await run
        .step(
          'post-hook',
          () => this.runHook(finalId, command, 'post-update hook'),
          (detail) => detail,
        )
        .catch((error: unknown) => {
          run.report.warnings.push(message(error));
        });
    }
    await this.journal.finish(journalId, 'updated').catch((error: unknown) => {
      run.report.warnings.push(`could not close the journal entry: ${message(error)}`);
    });
    return run.finish('updated');
  }

  private refuseUnsafe(old: DockerContainerInspect, labels: UpdateLabelSettings): void {
    if (labels.self || isOwnContainer(old.id, this.ownIds)) {
      throw new UpdateFailure(
        'self',
        `${old.name} is the container Tidewatch runs in: updating it in place would stop Tidewatch half-way through. Update it with a helper container or by hand`,
      );
    }
    if (old.hostConfig.AutoRemove) {
      throw new UpdateFailure(
        'auto-remove',
        `${old.name} was started with --rm: stopping it deletes it, so a failed update could not be rolled back`,
      );
    }
    if (old.name.endsWith(PARKED_SUFFIX)) {
      throw new UpdateFailure(
        'busy',
        `${old.name} is the old container of an update in progress or interrupted`,
      );
    }
  }

  private async refuseParked(old: DockerContainerInspect): Promise<boolean> {
    const parked = await this.docker.inspectContainerFull(`${old.name}${PARKED_SUFFIX}`);
    return parked !== null && parked.id !== old.id;
  }

  private async pull(request: UpdateRequest, targetReference: string): Promise<DockerImageInspect> {
    try {
      await this.docker.pullImage(request.targetImage, {
        auth: request.registryAuth,
        timeoutMs: this.settings.pullTimeoutMs,
        idleTimeoutMs: this.settings.pullIdleTimeoutMs,
      });
    } catch (error) {
      throw new UpdateFailure('pull', `pull of ${request.targetImage} failed: ${message(error)}`);
    }
    const image = await this.docker.inspectImageFull(request.targetImage);
    if (!image)
      throw new UpdateFailure('pull', `${request.targetImage} is not in the engine after the pull`);
    const { repository, tag, digest } = splitReference(targetReference);
    if (tag && !digest && targetReference !== request.targetImage)
      await this.docker.tagImage(image.id, repository, tag);
    return image;
  }

  private async runHook(
    containerId: string,
    command: string[],
    what: 'pre-update hook' | 'post-update hook',
  ): Promise<string> {
    const code = what === 'pre-update hook' ? 'pre-hook' : 'post-hook';
    const result = await this.docker.exec(containerId, command, {
      timeoutMs: this.settings.hookTimeoutMs,
    });
    if (result.timedOut)
      throw new UpdateFailure(code, `${what} timed out after ${this.settings.hookTimeoutMs} ms`);
    if (result.exitCode !== 0)
      throw new UpdateFailure(code, `${what} exited with ${result.exitCode}${tail(result.output)}`);
    return `${what} exited 0`;
  }

  private async testRun(
    old: DockerContainerInspect,
    image: DockerImageInspect,
    command: string[],
    run: UpdateRun,
  ): Promise<string> {
    const name = `${old.name}-tidewatch-test-${randomBytes(3).toString('hex')}`;
    await run.note('test-run:begin', { testContainerName: name });
    const imageEnv = new Set((await this.docker.inspectImageFull(old.imageId))?.config.Env ?? []);
    const result = await this.docker.runOneOff({
      image: image.id,
      name,
      entrypoint: command,
      cmd: [],
      env: (old.config.Env ?? []).filter((entry) => !imageEnv.has(entry)),
      user: old.config.User || undefined,
      labels: { 'tidewatch.role': 'update-test' },
      timeoutMs: this.settings.testTimeoutMs,
    });
    if (result.timedOut)
      throw new UpdateFailure(
        'test-run',
        `test run did not finish within ${this.settings.testTimeoutMs} ms${tail(result.output)}`,
      );
    if (result.exitCode !== 0)
      throw new UpdateFailure(
        'test-run',
        `test run exited with ${result.exitCode}${tail(result.output)}`,
      );
    return `test run exited 0`;
  }

  /** Judges the started container: HEALTHCHECK, else the probe from labels, else "still running". */
  private async healthGate(
    id: string,
    labels: UpdateLabelSettings,
    override?: HealthProbe,
  ): Promise<string> {
    const started = Date.now();
    const current = await this.docker.inspectContainerFull(id);
    if (!current) throw new UpdateFailure('health', 'the new container disappeared');
    if (!override && current.state.health !== null) {
      const result = await this.docker.waitForHealth(id, {
        timeoutMs: this.settings.healthTimeoutMs,
        intervalMs: this.settings.healthPollMs,
      });
      switch (result.status) {
        case 'healthy':
          return `healthcheck healthy after ${Date.now() - started} ms`;
        case 'unhealthy':
          throw new UpdateFailure(
            'health',
            `the new container's healthcheck reported unhealthy${result.output ? `: ${result.output}` : ''}`,
          );
        case 'not-running':
          throw new UpdateFailure(
            'health',
            `the new container stopped (exit code ${result.exitCode})${result.error ? `: ${result.error}` : ''}`,
          );
        case 'gone':
          throw new UpdateFailure('health', 'the new container disappeared');
        case 'timeout':
          throw new UpdateFailure(
            'health',
            `the new container was not healthy within ${this.settings.healthTimeoutMs} ms (still ${result.health ?? 'unknown'})`,
          );
        case 'no-healthcheck':
          break;
      }
    }
    const probe = override ??
      labels.probe ?? {
        kind: 'stable',
        seconds: labels.stableSeconds ?? this.settings.stableSeconds,
      };
    switch (probe.kind) {
      case 'http':
        return this.probeHttp(id, probe.url, started);
      case 'command':
        return this.probeCommand(id, probe.command, started);
      case 'stable':
        return this.probeStable(id, probe.seconds, current);
    }
  }

  private async ensureRunning(id: string): Promise<void> {
    const state = await this.docker.inspectContainerFull(id);
    if (!state) throw new UpdateFailure('health', 'the new container disappeared');
    if (!state.state.running || state.state.restarting)
      throw new UpdateFailure(
        'health',
        `the new container stopped (exit code ${state.state.exitCode})`,
      );
  }

  private async probeHttp(id: string, url: string, started: number): Promise<string> {
    const deadline = started + this.settings.healthTimeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      await this.ensureRunning(id);
      try {
        const response = await fetch(url, {
          signal: AbortSignal.timeout(Math.max(100, Math.min(5_000, deadline - Date.now()))),
        });
        await response.body?.cancel();
        if (response.ok)
          return `GET ${url} answered ${response.status} after ${Date.now() - started} ms`;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = message(error);
      }
      await sleep(Math.max(this.settings.healthPollMs, 250));
    }
    throw new UpdateFailure(
      'health',
      `${url} did not answer 2xx within ${this.settings.healthTimeoutMs} ms (last: ${last})`,
    );
  }

  private async probeCommand(id: string, command: string[], started: number): Promise<string> {
    const deadline = started + this.settings.healthTimeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      await this.ensureRunning(id);
      const result = await this.docker.exec(id, command, {
        timeoutMs: Math.max(100, Math.min(this.settings.hookTimeoutMs, deadline - Date.now())),
      });
      if (result.exitCode === 0) return `probe command exited 0 after ${Date.now() - started} ms`;
      last = result.timedOut ? 'timed out' : `exit ${result.exitCode}${tail(result.output)}`;
      await sleep(Math.max(this.settings.healthPollMs, 250));
    }
    throw new UpdateFailure(
      'health',
      `probe command did not succeed within ${this.settings.healthTimeoutMs} ms (last: ${last})`,
    );
  }

  private async probeStable(
    id: string,
    seconds: number,
    initial: DockerContainerInspect,
  ): Promise<string> {
    const until = Date.now() + seconds * 1000;
    for (;;) {
      const now = await this.docker.inspectContainerFull(id);
      if (!now) throw new UpdateFailure('health', 'the new container disappeared');
      if (
        !now.state.running ||
        now.restartCount !== initial.restartCount ||
        now.state.startedAt !== initial.state.startedAt
      ) {
        throw new UpdateFailure(
          'health',
          `the new container did not keep running for ${seconds} s (exit code ${now.state.exitCode}, ${now.restartCount} restarts)`,
        );
      }
      const left = until - Date.now();
      if (left <= 0) return `still running after ${seconds} s`;
      await sleep(Math.min(250, left));
    }
  }

  /**
   * Puts the old container back: removes the new one (found by ID, or by the original name),
   * gives the old one its name back and starts it if it ran before. Returns the old container's
   * new start time when it was started.
   */
  private async rollBack(context: {
    oldId: string;
    name: string;
    wasRunning: boolean;
    newId?: string;
  }): Promise<string | undefined> {
    let newId = context.newId;
    if (!newId) {
      const holder = await this.docker.inspectContainerFull(context.name);
      if (holder && holder.id !== context.oldId) newId = holder.id;
    }
    if (newId && newId !== context.oldId)
      await this.docker.removeContainer(newId, { force: true, volumes: true });
    const old = await this.docker.inspectContainerFull(context.oldId);
    if (!old) throw new Error(`the old container ${short(context.oldId)} is gone`);
    if (old.name !== context.name) await this.docker.renameContainer(old.id, context.name);
    if (context.wasRunning && !old.state.running) {
      await this.docker.startContainer(old.id);
      return (await this.docker.inspectContainerFull(old.id))?.state.startedAt;
    }
    return undefined;
  }

  private async pruneImage(imageId: string): Promise<string> {
    const users = (await this.docker.listContainers(true)).filter(
      (container) => container.imageId === imageId,
    );
    if (users.length > 0)
      return `kept ${short(imageId)}: still used by ${users.map((user) => user.name).join(', ')}`;
    // Forced only to drop every tag at once; nothing uses it (checked just above).
    await this.docker.removeImage(imageId, { force: true });
    return `removed ${short(imageId)}`;
  }

  private async dryRun(
    run: UpdateRun,
    old: DockerContainerInspect,
    labels: UpdateLabelSettings,
    request: UpdateRequest,
    targetReference: string,
  ): Promise<UpdateReport> {
    const oldImage = await this.docker.inspectImageFull(old.imageId);
    const engineHostname =
      old.hostConfig.NetworkMode === 'host' ? (await this.docker.engineInfo()).name : undefined;
    const plan = buildRecreatePlan(old, oldImage?.config ?? null, targetReference, {
      engineHostname,
    });
    const present = await this.docker.inspectImageFull(request.targetImage);
    const steps: NonNullable<UpdateReport['plan']> = [];
    const wasRunning = old.state.running;
    const testCommand =
      typeof request.testCommand === 'string'
        ? commandFromLabel(request.testCommand)
        : (request.testCommand ?? labels.testCommand);
    if (labels.preHook && wasRunning)
      steps.push({
        name: 'pre-hook',
        detail: `docker exec ${old.name} ${labels.preHook.join(' ')}`,
      });
    steps.push({
      name: 'pull',
      detail: present
        ? `${request.targetImage} (already in the engine: ${short(present.id)})`
        : `pull ${request.targetImage}`,
    });
    if (testCommand)
      steps.push({
        name: 'test-run',
        detail: `one-off container of the new image, no network: ${testCommand.join(' ')}`,
      });
    if (wasRunning)
      steps.push({
        name: 'stop-old',
        detail: `stop ${old.name} with ${old.config.StopSignal || 'SIGTERM'} (grace ${old.config.StopTimeout ?? 10} s)`,
      });
    steps.push({ name: 'rename-old', detail: `${old.name} → ${old.name}${PARKED_SUFFIX}` });
    steps.push({ name: 'create-new', detail: `${old.name} on ${targetReference}` });
    if (wasRunning) {
      steps.push({ name: 'start-new', detail: `start ${old.name}` });
      steps.push({
        name: 'health',
        detail: describeGate(old, labels, request.probe, this.settings.stableSeconds),
      });
    }
    steps.push({
      name: 'remove-old',
      detail: `remove ${old.name}${PARKED_SUFFIX} (its volumes stay)`,
    });
    if (request.pruneOldImage ?? this.settings.pruneOldImage)
      steps.push({ name: 'prune-image', detail: `remove ${short(old.imageId)} if unused` });
    if (labels.postHook && wasRunning)
      steps.push({
        name: 'post-hook',
        detail: `docker exec ${old.name} ${labels.postHook.join(' ')}`,
      });
    run.report.plan = steps;
    run.report.configDiff = describeChanges(old, plan);
    if (!plan.imageDefaultsKnown)
      run.report.warnings.push(
        'the old image is gone: its defaults cannot be told apart, so the whole configuration would be kept',
      );
    return run.finish('dry-run');
  }

  private async recoverOne(entry: JournalEntry): Promise<RecoveryReport> {
    const progress = readProgress(entry);
    const base = { journalId: entry.id, containerName: entry.containerName };
    const old = await this.docker.inspectContainerFull(entry.containerId);
    let fresh = progress.newContainerId
      ? await this.docker.inspectContainerFull(progress.newContainerId)
      : null;
    if (!fresh) {
      const holder = await this.docker.inspectContainerFull(entry.containerName);
      if (holder && holder.id !== entry.containerId) fresh = holder;
    }
    if (progress.testContainerName)
      await this.docker
        .removeContainer(progress.testContainerName, { force: true, volumes: true })
        .catch(() => false);
    const decision = decideRecovery(progress, {
      oldExists: old !== null,
      newExists: fresh !== null,
      newRunning: fresh?.state.running ?? false,
    });
    const lastStep = entry.steps.at(-1)?.step ?? 'begin';
    const close = async (outcome: UpdateOutcome, detail: string): Promise<RecoveryReport> => {
      await this.journal.finish(entry.id, outcome, detail);
      this.logger.log(`recovered the interrupted update of ${entry.containerName}: ${detail}`);
      return { ...base, action: decision, outcome, detail, ok: true };
    };
    try {
      switch (decision) {
        case 'close':
          if (old && entry.wasRunning && !old.state.running)
            await this.docker.startContainer(old.id);
          return await close(
            'failed',
            `interrupted at ${lastStep}, before the old container was touched`,
          );
        case 'finish':
        case 'verify-new': {
          const newId = fresh?.id ?? '';
          if (decision === 'verify-new') {
            try {
              await this.healthGate(newId, readUpdateLabels(fresh?.config.Labels));
            } catch (error) {
              await this.rollBack({
                oldId: entry.containerId,
                name: entry.containerName,
                wasRunning: entry.wasRunning,
                newId,
              });
              return await close(
                'rolled-back',
                `interrupted at ${lastStep}; the new container failed the health gate (${message(error)}): rolled back`,
              );
            }
          }
          if (entry.wasRunning && fresh && !fresh.state.running)
            await this.docker.startContainer(newId);
          if (old) await this.docker.removeContainer(old.id, { force: true, volumes: false });
          return await close(
            'updated',
            `interrupted at ${lastStep}; the new container is healthy: finished`,
          );
        }
        case 'roll-back':
          await this.rollBack({
            oldId: entry.containerId,
            name: entry.containerName,
            wasRunning: entry.wasRunning,
            newId: fresh?.id,
          });
          return await close('rolled-back', `interrupted at ${lastStep}: rolled back`);
      }
    } catch (error) {
      const detail = `recovery of ${entry.containerName} failed (${message(error)}); will retry at the next start`;
      this.logger.error(detail);
      return { ...base, action: decision, outcome: 'failed', detail, ok: false };
    }
  }
}

/** Step bookkeeping of one update: report entries and journal records. */
class UpdateRun {
  journalId?: string;

  constructor(
    private readonly journal: UpdateJournal,
    private readonly logger: ActionLogger,
    private readonly requestedAt: number,
    readonly report: UpdateReport,
  ) {}

  async step<T>(
    name: UpdateStepName,
    task: () => Promise<T>,
    describe?: (result: T) => string | undefined,
    data?: (result: T) => JournalData,
  ): Promise<T> {
    const startedAt = new Date();
    await this.note(`${name}:begin`);
    try {
      const result = await task();
      const detail = describe?.(result);
      this.report.steps.push({
        name,
        startedAt: startedAt.toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        ok: true,
        ...(detail ? { detail } : {}),
      });
      this.logger.debug(`${this.report.containerName}: ${name} ok${detail ? ` (${detail})` : ''}`);
      await this.note(`${name}:done`, data?.(result));
      return result;
    } catch (error) {
      this.report.steps.push({
        name,
        startedAt: startedAt.toISOString(),
        durationMs: Date.now() - startedAt.getTime(),
        ok: false,
        detail: message(error),
      });
      this.logger.warn(`${this.report.containerName}: ${name} failed: ${message(error)}`);
      await this.note(`${name}:failed`, { error: message(error) }).catch(() => undefined);
      throw error;
    }
  }

  skip(name: UpdateStepName, detail: string): void {
    this.report.steps.push({
      name,
      startedAt: new Date().toISOString(),
      durationMs: 0,
      ok: true,
      detail,
    });
  }

  /** Journals a record when the update has an entry (not before begin, not for dry-runs). */
  async note(
    step: `${UpdateStepName}:${'begin' | 'done' | 'failed'}`,
    data?: JournalData,
  ): Promise<void> {
    if (this.journalId) await this.journal.step(this.journalId, step, data);
  }

  unchanged(detail: string): UpdateReport {
    this.report.reason = detail;
    return this.finish('unchanged', detail);
  }

  fail(error: unknown): UpdateReport {
    const failure = toFailure(error);
    return this.finish('failed', failure.message, failure.code);
  }

  finish(outcome: UpdateOutcome, reason?: string, code?: UpdateErrorCode): UpdateReport {
    this.report.outcome = outcome;
    if (reason) this.report.reason = reason;
    if (code) this.report.errorCode = code;
    this.report.timing.totalMs = Date.now() - this.requestedAt;
    const level = outcome === 'failed' || outcome === 'rolled-back' ? 'warn' : 'log';
    this.logger[level](
      `update of ${this.report.containerName} to ${this.report.toImage.reference}: ${outcome}${reason ? ` (${reason})` : ''}`,
    );
    return this.report;
  }
}

function describeGate(
  old: DockerContainerInspect,
  labels: UpdateLabelSettings,
  override: HealthProbe | undefined,
  stableSeconds: number,
): string {
  const test = old.config.Healthcheck?.Test?.[0];
  if (!override && test && test !== 'NONE')
    return 'wait for the HEALTHCHECK to report healthy (if the new image keeps one)';
  const probe = override ??
    labels.probe ?? { kind: 'stable', seconds: labels.stableSeconds ?? stableSeconds };
  switch (probe.kind) {
    case 'http':
      return `poll ${probe.url} until it answers 2xx`;
    case 'command':
      return `docker exec ${probe.command.join(' ')} until it exits 0`;
    case 'stable':
      return `still running after ${probe.seconds} s`;
  }
}

function toFailure(error: unknown): UpdateFailure {
  if (error instanceof UpdateFailure) return error;
  return new UpdateFailure('internal', message(error));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function short(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function tail(output: string): string {
  const text = output.trim();
  if (!text) return '';
  return `: ${text.length > 500 ? `…${text.slice(-500)}` : text}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
