import { randomUUID } from 'node:crypto';
import { Injectable, Logger, NotFoundException, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type TriggerEvent, type TriggerOutcome, TriggerDeliveryError, redact, renderBatchNotification, renderNotification } from '@tidewatch/triggers';
import { In, LessThanOrEqual, type Repository } from 'typeorm';
import { ConfigService } from '../config/config.service';
import { ContainerEventsService } from '../containers/container-events.service';
import { OutboxEntity, TriggerRunEntity, type TriggerRunStatus } from '../database/entities';
import type { TriggerInstance } from './trigger-instance';
import type { OutboxPayload } from './trigger-events';
import { TriggersService } from './triggers.service';

export interface DeliveryResult {
  ok: boolean;
  summary: string | null;
  error: string | null;
  durationMs: number;
  runId: string;
}

/**
 * Delivers the outbox: claims due rows (safe with several replicas), sends them through the
 * trigger's provider, records every attempt in the history, and retries with exponential back-off
 * until the last attempt, after which the row is `failed` and can be retried by hand. Rows caught
 * mid-delivery by a crash are delivered again at start, with the same idempotency key.
 */
@Injectable()
export class DeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryService.name);
  private running = 0;
  private draining = false;
  private again = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly options: ConfigService['delivery'];

  constructor(
    @InjectRepository(OutboxEntity) private readonly outbox: Repository<OutboxEntity>,
    @InjectRepository(TriggerRunEntity) private readonly runs: Repository<TriggerRunEntity>,
    private readonly triggers: TriggersService,
    private readonly events: ContainerEventsService,
    config: ConfigService,
  ) {
    this.options = config.delivery;
  }

  async onApplicationBootstrap(): Promise<void> {
    const interrupted = await this.outbox.update({ status: 'delivering' }, { status: 'pending', nextAttemptAt: Date.now() });
    if (interrupted.affected) this.logger.warn(`Resuming ${interrupted.affected} deliveries interrupted by a restart`);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Looks for due deliveries now (called after new rows are committed). */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    this.drain()
      .catch((error: unknown) => this.logger.error(`Outbox scan failed: ${String(error)}`))
      .finally(() => {
        this.draining = false;
        if (this.again) {
          this.again = false;
          this.wake();
        } else {
          this.scheduleNext().catch(() => undefined);
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.running < this.options.concurrency) {
      const due = await this.outbox.find({
        where: { status: 'pending', nextAttemptAt: LessThanOrEqual(Date.now()) },
        order: { nextAttemptAt: 'ASC' },
        take: this.options.concurrency - this.running,
      });
      if (due.length === 0) return;
      let claimed = 0;
      for (const row of due) {
        const result = await this.outbox.update({ id: row.id, status: 'pending' }, { status: 'delivering', attempts: row.attempts + 1 });
        if (!result.affected) continue; // another replica took it
        claimed += 1;
        row.attempts += 1;
        this.running += 1;
        const task = this.deliverRow(row).finally(() => {
          this.running -= 1;
          this.inFlight.delete(task);
          this.wake();
        });
        this.inFlight.add(task);
      }
      if (claimed === 0) return;
    }
  }

  /** Sleeps until the next row becomes due (or a fallback poll), in case nothing wakes us sooner. */
  private async scheduleNext(): Promise<void> {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const next = await this.outbox.findOne({ where: { status: 'pending' }, order: { nextAttemptAt: 'ASC' } });
    const delay = next ? Math.max(10, Math.min(next.nextAttemptAt - Date.now(), 30_000)) : 30_000;
    this.timer = setTimeout(() => this.wake(), delay);
    this.timer.unref();
  }

  private async deliverRow(row: OutboxEntity): Promise<void> {
    const trigger = this.triggers.list().find((instance) => instance.id === row.triggerId);
    const payload = row.payload as OutboxPayload;
    if (!trigger) {
      await this.outbox.update({ id: row.id }, { status: 'failed', lastError: `Trigger ${row.triggerId} no longer exists` });
      return;
    }
    const result = await this.send(trigger, payload, { outboxId: row.id, eventId: row.eventId, attempt: row.attempts, origin: row.origin, finalAttempt: row.attempts >= this.options.retries + 1 });
    if (result.ok) {
      await this.outbox.update({ id: row.id }, { status: 'delivered', lastError: null });
      return;
    }
    const retryable = result.retryable && row.attempts < this.options.retries + 1;
    await this.outbox.update(
      { id: row.id },
      retryable
        ? { status: 'pending', lastError: result.error, nextAttemptAt: Date.now() + this.backoff(row.attempts, result.retryAfterMs) }
        : { status: 'failed', lastError: result.error },
    );
  }

  private backoff(attempt: number, retryAfterMs?: number): number {
    const exponential = Math.min(this.options.backoffMs * 2 ** (attempt - 1), this.options.maxBackoffMs);
    const jittered = exponential * (0.8 + Math.random() * 0.4);
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  /**
   * Sends one delivery through a trigger and records the attempt. Used by the outbox and for
   * manual runs and tests (origin `manual` / `test`, no retries).
   */
  async send(
    trigger: TriggerInstance,
    payload: OutboxPayload,
    meta: { outboxId?: string; eventId?: string; attempt?: number; origin: string; finalAttempt?: boolean },
  ): Promise<DeliveryResult & { retryable: boolean; retryAfterMs?: number }> {
    const started = Date.now();
    const events = payload.events;
    let outcome: TriggerOutcome | undefined;
    let failure: unknown;
    try {
      const text = payload.mode === 'batch' ? renderBatchNotification(trigger.common, events) : renderNotification(trigger.common, events[0]);
      const context = { logger: providerLogger(this.logger, trigger), title: text.title, body: text.body };
      outcome = payload.mode === 'batch' ? await trigger.provider.notifyBatch(events, context) : await trigger.provider.notify(events[0], context);
    } catch (error) {
      failure = error;
    }
    const durationMs = Date.now() - started;
    const retryable = failure instanceof TriggerDeliveryError ? failure.retryable : failure !== undefined;
    const error = failure === undefined ? null : redact(failure instanceof Error ? failure.message : JSON.stringify(failure), trigger.secrets);
    const status: TriggerRunStatus = failure === undefined ? 'success' : retryable && !meta.finalAttempt && meta.origin !== 'manual' && meta.origin !== 'test' ? 'retrying' : 'error';
    // Update actions report their steps (with durations) for the history.
    const details = outcome?.details ?? (failure instanceof TriggerDeliveryError ? failure.details : undefined);
    const steps = Array.isArray(details?.steps) ? (details.steps as object[]) : undefined;
    const run = await this.record(trigger, events, { ...meta, status, durationMs, error, summary: outcome ? redact(outcome.summary, trigger.secrets) : null, ...(steps ? { steps } : {}) });
    if (error) this.logger.warn(`Trigger ${trigger.id} failed (attempt ${meta.attempt ?? 1}): ${error}`);
    return {
      ok: failure === undefined,
      summary: run.summary,
      error,
      durationMs,
      runId: run.id,
      retryable,
      ...(failure instanceof TriggerDeliveryError && failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    };
  }

  private async record(
    trigger: TriggerInstance,
    events: TriggerEvent[],
    fields: { outboxId?: string; eventId?: string; attempt?: number; origin: string; status: TriggerRunStatus; durationMs: number; error: string | null; summary: string | null; steps?: object[] },
  ): Promise<TriggerRunEntity> {
    const first = events[0];
    const run = this.runs.create({
      id: randomUUID(),
      triggerType: trigger.type,
      triggerName: trigger.name,
      outboxId: fields.outboxId ?? null,
      eventId: fields.eventId ?? first?.id ?? null,
      eventKind: first?.kind ?? 'update-available',
      containerIdentity: events.length === 1 ? (first.container.identity ?? null) : null,
      containerName: events.length === 1 ? first.container.name : `${events.length} containers`,
      status: fields.status,
      attempt: fields.attempt ?? 1,
      durationMs: fields.durationMs,
      error: fields.error,
      summary: fields.summary,
      origin: fields.origin,
      steps: fields.steps ?? null,
      at: new Date().toISOString(),
    });
    await this.runs.insert(run);
    this.events.emitHistory({ id: run.id, trigger: `${run.triggerType}.${run.triggerName}`, status: run.status, containerName: run.containerName });
    return run;
  }

  /** Puts a failed delivery back in the queue (a person pressed Retry). */
  async retry(outboxId: string): Promise<OutboxEntity> {
    const row = await this.outbox.findOneBy({ id: outboxId });
    if (!row) throw new NotFoundException(`Delivery ${outboxId} not found`);
    if (row.status !== 'failed') return row;
    await this.outbox.update({ id: row.id, status: 'failed' }, { status: 'pending', nextAttemptAt: Date.now(), origin: 'retry' });
    this.wake();
    return { ...row, status: 'pending' };
  }

  /** Outbox depth and the age of the oldest undelivered row (metrics, overview). */
  async depth(): Promise<{ pending: number; failed: number; oldestPendingAt: Date | null }> {
    const [pending, failed, oldest] = await Promise.all([
      this.outbox.countBy({ status: In(['pending', 'delivering']) }),
      this.outbox.countBy({ status: 'failed' }),
      this.outbox.findOne({ where: { status: In(['pending', 'delivering']) }, order: { createdAt: 'ASC' } }),
    ]);
    return { pending, failed, oldestPendingAt: oldest?.createdAt ?? null };
  }
}

function providerLogger(logger: Logger, trigger: TriggerInstance) {
  const clean = (message: string) => `${trigger.id}: ${redact(message, trigger.secrets)}`;
  return {
    debug: (message: string) => logger.debug(clean(message)),
    info: (message: string) => logger.log(clean(message)),
    warn: (message: string) => logger.warn(clean(message)),
    error: (message: string) => logger.error(clean(message)),
  };
}
