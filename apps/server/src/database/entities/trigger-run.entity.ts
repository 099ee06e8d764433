import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type TriggerRunStatus = 'success' | 'error' | 'retrying';

/** One attempt of one trigger (history). */
@Entity({ name: 'trigger_run' })
@Index('IDX_trigger_run_at', ['at'])
export class TriggerRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 64, name: 'trigger_type' })
  triggerType: string;

  @Column({ type: 'varchar', length: 128, name: 'trigger_name' })
  triggerName: string;

  @Column({ type: 'varchar', length: 64, name: 'outbox_id', nullable: true })
  outboxId: string | null;

  @Column({ type: 'varchar', length: 128, name: 'event_id', nullable: true })
  eventId: string | null;

  @Column({ type: 'varchar', length: 32, name: 'event_kind' })
  eventKind: string;

  /** Container identities (stable across recreation) and names at the time. */
  @Index('IDX_trigger_run_identity')
  @Column({ type: 'varchar', length: 512, name: 'container_identity', nullable: true })
  containerIdentity: string | null;

  @Column({ type: 'varchar', length: 256, name: 'container_name', nullable: true })
  containerName: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: TriggerRunStatus;

  @Column({ type: 'integer', default: 1 })
  attempt: number;

  @Column({ type: 'integer', name: 'duration_ms', default: 0 })
  durationMs: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Redacted, human-readable summary of what was sent. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  /** `auto`, `manual`, `test`, `retry`. */
  @Column({ type: 'varchar', length: 16, default: 'auto' })
  origin: string;

  /** Steps of an update action, with durations (docker/compose triggers). */
  @Column({ type: 'simple-json', nullable: true })
  steps: object[] | null;

  @Column({ type: 'varchar', length: 32 })
  at: string;
}
