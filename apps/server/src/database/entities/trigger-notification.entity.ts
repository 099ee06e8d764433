import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a trigger last notified for a container (ONCE=true sends each update only once). */
@Entity({ name: 'trigger_notification' })
export class TriggerNotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 200, name: 'trigger_id' })
  triggerId: string;

  @PrimaryColumn({ type: 'varchar', length: 512, name: 'container_identity' })
  containerIdentity: string;

  @Column({ type: 'varchar', length: 32, name: 'event_kind' })
  eventKind: string;

  /** The remote tag or digest that was notified. */
  @Column({ type: 'varchar', length: 256 })
  value: string;

  @Column({ type: 'varchar', length: 32 })
  at: string;
}
