import { createHash } from 'node:crypto';
import type { TriggerEvent } from './trigger';

/**
 * Idempotency key of a delivery: the event id for one event; for a batch, a stable hash of the
 * sorted event ids (so the same batch retried gets the same key whatever the order).
 */
export function idempotencyKey(events: readonly Pick<TriggerEvent, 'id'>[]): string {
  if (events.length === 1 && events[0] !== undefined) return events[0].id;
  const ids = events.map((event) => event.id).sort();
  return `batch-${createHash('sha256').update(ids.join('\n')).digest('hex')}`;
}
