import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, LessThanOrEqual, MoreThanOrEqual, type FindOptionsWhere, type Repository } from 'typeorm';
import { OutboxEntity, TriggerRunEntity } from '../database/entities';
import { DeliveryService } from './delivery.service';
import type { HistoryPageDto, HistoryQueryDto, TriggerRunDto } from './trigger.dto';

/** Trigger runs (every attempt, manual runs, tests), newest first. */
@Injectable()
export class HistoryService {
  constructor(
    @InjectRepository(TriggerRunEntity) private readonly runs: Repository<TriggerRunEntity>,
    @InjectRepository(OutboxEntity) private readonly outbox: Repository<OutboxEntity>,
    private readonly delivery: DeliveryService,
  ) {}

  async list(query: HistoryQueryDto): Promise<HistoryPageDto> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const base: FindOptionsWhere<TriggerRunEntity> = {};
    if (query.trigger) {
      const [type, name] = query.trigger.split('.');
      Object.assign(base, { triggerType: type, triggerName: name });
    }
    if (query.status) base.status = query.status as TriggerRunEntity['status'];
    if (query.event) base.eventKind = query.event;
    if (query.from && query.to) base.at = Between(new Date(query.from).toISOString(), new Date(query.to).toISOString());
    else if (query.from) base.at = MoreThanOrEqual(new Date(query.from).toISOString());
    else if (query.to) base.at = LessThanOrEqual(new Date(query.to).toISOString());
    // A container is named by identity (watcher/name) or by its name alone.
    const where = query.container ? [{ ...base, containerIdentity: query.container }, { ...base, containerName: query.container }] : base;
    const [rows, total] = await this.runs.findAndCount({ where, order: { at: 'DESC', id: 'ASC' }, skip: (page - 1) * limit, take: limit });
    const outboxIds = [...new Set(rows.map((row) => row.outboxId).filter((id): id is string => id !== null))];
    const deliveries = outboxIds.length > 0 ? await this.outbox.find({ select: { id: true, status: true }, where: { id: In(outboxIds) } }) : [];
    const statusById = new Map(deliveries.map((row) => [row.id, row.status]));
    return { items: rows.map((row) => toRunDto(row, row.outboxId ? (statusById.get(row.outboxId) ?? null) : null)), total, page, limit };
  }

  /** Retries the delivery a failed run belongs to. */
  async retry(runId: string): Promise<TriggerRunDto> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new NotFoundException(`History entry ${runId} not found`);
    if (!run.outboxId) throw new NotFoundException(`History entry ${runId} was not a queued delivery (a test or manual run); run the trigger again instead`);
    const row = await this.delivery.retry(run.outboxId);
    return toRunDto(run, row.status);
  }
}

export function toRunDto(row: TriggerRunEntity, deliveryStatus: string | null): TriggerRunDto {
  return {
    id: row.id,
    trigger: `${row.triggerType}.${row.triggerName}`,
    triggerType: row.triggerType,
    triggerName: row.triggerName,
    event: row.eventKind,
    containerIdentity: row.containerIdentity,
    containerName: row.containerName,
    status: row.status,
    attempt: row.attempt,
    durationMs: row.durationMs,
    error: row.error,
    summary: row.summary,
    origin: row.origin,
    deliveryId: row.outboxId,
    deliveryStatus,
    steps: Array.isArray(row.steps) ? row.steps : null,
    at: row.at,
  };
}
