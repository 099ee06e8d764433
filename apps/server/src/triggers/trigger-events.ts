import type { TriggerContainer, TriggerEvent, TriggerEventKind } from '@tidewatch/triggers';
import { toContainerDto } from '../containers/container.mapper';
import type { ContainerEntity } from '../database/entities';

/** The container object triggers receive (DESIGN §5), from the stored entity. */
export function toTriggerContainer(container: ContainerEntity): TriggerContainer {
  return toContainerDto(container);
}

export function makeEvent(id: string, kind: TriggerEventKind, container: TriggerContainer, occurredAt: string, message?: string): TriggerEvent {
  return { id, kind, occurredAt, container, ...(message ? { message } : {}) };
}

/** What the outbox stores for one delivery. */
export interface OutboxPayload {
  mode: 'simple' | 'batch';
  events: TriggerEvent[];
}
