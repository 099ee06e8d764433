import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every state-changing action: who, what, when, from where. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Index('IDX_audit_log_at')
  @Column({ type: 'varchar', length: 32 })
  at: string;

  @Column({ type: 'varchar', length: 256 })
  actor: string;

  @Column({ type: 'varchar', length: 128 })
  action: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  target: string | null;

  @Column({ type: 'simple-json', nullable: true })
  details: object | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  ip: string | null;
}
