import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TriggerEvent, TriggerEventKind } from '@tidewatch/triggers';
import { DataSource, type EntityManager, In } from 'typeorm';
import { ContainerEntity, OutboxEntity, TriggerNotificationEntity } from '../database/entities';
import { CHECK_FIELDS } from '../containers/containers.repository';
import { DeliveryService } from './delivery.service';
import type { TriggerInstance } from './trigger-instance';
import { eventId, passesThreshold, triggerFor, updateValue } from './trigger-policy';
import { type OutboxPayload, makeEvent, toTriggerContainer } from './trigger-events';
import { TriggersService } from './triggers.service';

const INSERT_CHUNK = 100;

interface PlannedDelivery {
  row: OutboxEntity;
  notifications: TriggerNotificationEntity[];
}

/**
 * Turns what happened (a check's results, an update's outcome) into deliveries: applies each
 * trigger's policy (events, AUTO, threshold, include/exclude, ONCE, mode) and writes the outbox rows
 * in the same transaction that records the containers, so nothing is lost or sent twice.
 */
@Injectable()
export class TriggerDispatcher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly triggers: TriggersService,
    private readonly delivery: DeliveryService,
  ) {}

  /** Stores checked containers and the deliveries their updates and errors call for, atomically. */
  async recordCheck(checked: ContainerEntity[], changed: ContainerEntity[]): Promise<void> {
    const at = new Date().toISOString();
    const changedIds = new Set(changed.map((container) => container.id));
    let queued = 0;
    await this.dataSource.transaction(async (manager) => {
      // Only the check's own columns, and only for containers still stored (one may have gone meanwhile).
      for (const container of checked) {
        await manager.update(ContainerEntity, { id: container.id }, Object.fromEntries(CHECK_FIELDS.map((field) => [field, container[field]])));
      }
      const auto = this.triggers.list().filter((trigger) => trigger.enabled && trigger.common.auto);
      if (auto.length === 0) return;
      const notified = await this.notifiedFor(manager, auto, checked);
      const planned: PlannedDelivery[] = [];
      for (const trigger of auto) {
        const events: Array<{ event: TriggerEvent; identity: string; value: string }> = [];
        for (const container of checked) {
          const view = toTriggerContainer(container);
          const { applies, threshold } = triggerFor(trigger, view);
          if (!applies) continue;
          if (container.updateAvailable && trigger.common.events.includes('update-available') && passesThreshold(threshold, view.updateKind)) {
            const value = updateValue(view);
            const key = `${trigger.id}|${container.identity}`;
            if (trigger.common.once && notified.get(key) === `update-available|${value}`) continue;
            // ONCE: one event per new version; otherwise one per check.
            const id = trigger.common.once ? eventId(trigger.id, container.identity, 'update-available', value) : eventId(trigger.id, container.identity, 'update-available', value, at);
            events.push({ event: makeEvent(id, 'update-available', view, at), identity: container.identity, value });
          }
          if (container.errorMessage && changedIds.has(container.id) && trigger.common.events.includes('check-error')) {
            const id = eventId(trigger.id, container.identity, 'check-error', container.errorMessage, at);
            events.push({ event: makeEvent(id, 'check-error', view, at, container.errorMessage), identity: container.identity, value: container.errorMessage.slice(0, 200) });
          }
        }
        planned.push(...this.plan(trigger, events, at));
      }
      await this.insert(manager, planned);
      queued = planned.length;
    });
    if (queued > 0) this.delivery.wake();
  }

  /** Queues events about one container (update applied, failed, rolled back) for every trigger that wants them. */
  async recordEvent(kind: TriggerEventKind, container: ContainerEntity, message?: string): Promise<void> {
    const at = new Date().toISOString();
    const view = toTriggerContainer(container);
    const planned = this.triggers
      .list()
      .filter((trigger) => trigger.enabled && trigger.common.events.includes(kind) && triggerFor(trigger, view).applies)
      .flatMap((trigger) => this.plan(trigger, [{ event: makeEvent(eventId(trigger.id, container.identity, kind, at), kind, view, at, message), identity: container.identity, value: kind }], at));
    if (planned.length === 0) return;
    await this.dataSource.transaction((manager) => this.insert(manager, planned));
    this.delivery.wake();
  }

  /** One delivery per event in simple mode, one for all of them in batch mode. */
  private plan(trigger: TriggerInstance, events: Array<{ event: TriggerEvent; identity: string; value: string }>, at: string): PlannedDelivery[] {
    if (events.length === 0) return [];
    const notifications = (items: typeof events) =>
      items
        .filter((item) => item.event.kind === 'update-available')
        .map((item) => Object.assign(new TriggerNotificationEntity(), { triggerId: trigger.id, containerIdentity: item.identity, eventKind: 'update-available', value: item.value, at }));
    const row = (items: typeof events, id: string): OutboxEntity =>
      Object.assign(new OutboxEntity(), {
        id: randomUUID(),
        triggerId: trigger.id,
        eventId: id,
        eventKind: items[0].event.kind,
        containerIdentities: items.map((item) => item.identity),
        payload: { mode: trigger.common.mode, events: items.map((item) => item.event) } satisfies OutboxPayload,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: Date.now(),
        lastError: null,
        origin: 'auto',
      });
    if (trigger.common.mode === 'batch') {
      return [{ row: row(events, eventId(trigger.id, 'batch', ...events.map((item) => item.event.id))), notifications: notifications(events) }];
    }
    return events.map((item) => ({ row: row([item], item.event.id), notifications: notifications([item]) }));
  }

  private async insert(manager: EntityManager, planned: PlannedDelivery[]): Promise<void> {
    if (planned.length === 0) return;
    // An event id already queued (e.g. the same ONCE event planned twice) is not queued again.
    const existing = new Set(
      (await manager.find(OutboxEntity, { select: { eventId: true }, where: { eventId: In(planned.map((item) => item.row.eventId)) } })).map((row) => row.eventId),
    );
    const fresh = planned.filter((item) => !existing.has(item.row.eventId));
    // Plain multi-row INSERTs (save() would read every row back first).
    for (let index = 0; index < fresh.length; index += INSERT_CHUNK) {
      await manager.insert(OutboxEntity, fresh.slice(index, index + INSERT_CHUNK).map((item) => item.row));
    }
    const notifications = fresh.flatMap((item) => item.notifications);
    for (let index = 0; index < notifications.length; index += INSERT_CHUNK) {
      await manager.upsert(TriggerNotificationEntity, notifications.slice(index, index + INSERT_CHUNK), { conflictPaths: ['triggerId', 'containerIdentity'], skipUpdateIfNoValuesChanged: false });
    }
  }

  private async notifiedFor(manager: EntityManager, triggers: TriggerInstance[], containers: ContainerEntity[]): Promise<Map<string, string>> {
    const rows = await manager.find(TriggerNotificationEntity, {
      where: { triggerId: In(triggers.map((trigger) => trigger.id)), containerIdentity: In([...new Set(containers.map((container) => container.identity))]) },
    });
    return new Map(rows.map((row) => [`${row.triggerId}|${row.containerIdentity}`, `${row.eventKind}|${row.value}`]));
  }
}
