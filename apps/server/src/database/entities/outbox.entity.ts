import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'delivering' | 'delivered' | 'failed';

/**
 * An event to deliver to one trigger. Written in the same transaction that records the update,
 * delivered with retries; `eventId` is the idempotency key receivers see.
 */
@Entity({ name: 'outbox' })
@Index('IDX_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  /** `{type}.{name}` of the trigger. */
  @Column({ type: 'varchar', length: 200, name: 'trigger_id' })
  triggerId: string;

  @Index('IDX_outbox_event', { unique: true })
  @Column({ type: 'varchar', length: 128, name: 'event_id' })
  eventId: string;

  @Column({ type: 'varchar', length: 32, name: 'event_kind' })
  eventKind: string;

  /** Identities of the containers the delivery is about (one in simple mode). */
  @Column({ type: 'simple-json', name: 'container_identities' })
  containerIdentities: string[];

  /** The events (container snapshots) to send. */
  @Column({ type: 'simple-json' })
  payload: object;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'bigint', name: 'next_attempt_at', transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) } })
  nextAttemptAt: number;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 16, default: 'auto' })
  origin: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
