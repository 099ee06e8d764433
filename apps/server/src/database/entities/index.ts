import { AuditLogEntity } from './audit-log.entity';
import { ApiTokenEntity, LoginAttemptEntity, SessionEntity, UserEntity } from './auth.entities';
import { ContainerEntity } from './container.entity';
import { OutboxEntity } from './outbox.entity';
import { TriggerConfigEntity } from './trigger-config.entity';
import { TriggerNotificationEntity } from './trigger-notification.entity';
import { TriggerRunEntity } from './trigger-run.entity';
import { UpdateJournalEntity } from './update-journal.entity';

export * from './audit-log.entity';
export * from './auth.entities';
export * from './container.entity';
export * from './outbox.entity';
export * from './trigger-config.entity';
export * from './trigger-notification.entity';
export * from './trigger-run.entity';
export * from './update-journal.entity';

export const entities = [ContainerEntity, TriggerConfigEntity, OutboxEntity, TriggerRunEntity, TriggerNotificationEntity, AuditLogEntity, UpdateJournalEntity, UserEntity, SessionEntity, ApiTokenEntity, LoginAttemptEntity];
