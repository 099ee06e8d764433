import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A trigger created through the API/UI. Secret fields are stored encrypted (see SecretBox). */
@Entity({ name: 'trigger_config' })
export class TriggerConfigEntity {
  /** `{type}.{name}` */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** JSON of the non-secret settings. */
  @Column({ type: 'simple-json' })
  config: Record<string, string>;

  /** Encrypted JSON of the secret settings (AES-256-GCM, base64). */
  @Column({ type: 'text', name: 'secrets', nullable: true })
  secrets: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
