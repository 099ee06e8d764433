import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Journal of container updates in flight, so a crash mid-update is finished or rolled back at start. */
@Entity({ name: 'update_journal' })
export class UpdateJournalEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 128 })
  host: string;

  @Column({ type: 'varchar', length: 128, name: 'container_id' })
  containerId: string;

  @Column({ type: 'varchar', length: 256, name: 'container_name' })
  containerName: string;

  @Column({ type: 'boolean', name: 'was_running' })
  wasRunning: boolean;

  @Column({ type: 'text', name: 'target_image' })
  targetImage: string;

  @Column({ type: 'text', name: 'target_reference' })
  targetReference: string;

  @Column({ type: 'varchar', length: 32, name: 'started_at' })
  startedAt: string;

  @Column({ type: 'simple-json' })
  steps: object[];

  @Index('IDX_update_journal_outcome')
  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 32, name: 'finished_at', nullable: true })
  finishedAt: string | null;
}
