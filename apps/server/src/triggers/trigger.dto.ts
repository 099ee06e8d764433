import { PageQueryDto } from '../common/page-query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ALL_TRIGGER_TYPES } from './trigger-catalog';

const TYPES = [...ALL_TRIGGER_TYPES];

@ValidatorConstraint({ name: 'stringRecord' })
class StringRecordConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length <= 100 &&
      Object.entries(value).every(
        ([key, item]) =>
          /^[a-z0-9_]{1,64}$/.test(key) &&
          (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') &&
          String(item).length <= 8192,
      )
    );
  }

  defaultMessage(): string {
    return 'configuration must be an object of lower-case keys (a-z, 0-9, _) to string, number or boolean values';
  }
}

export class TriggerFieldDto {
  @ApiProperty({ example: 'url' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['string', 'number', 'boolean', 'enum', 'url', 'email-list', 'list'] })
  type: string;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ description: 'Default value, as text.' }) default?: string;
  @ApiProperty({ description: 'Write-only: never returned by the API.' }) secret: boolean;
  @ApiProperty() help: string;
  @ApiPropertyOptional({ type: [String] }) options?: string[];
  @ApiPropertyOptional() example?: string;
  @ApiProperty({ description: 'Environment suffix: TIDEWATCH_TRIGGER_{type}_{name}_{env}.' })
  env: string;
  @ApiPropertyOptional({
    enum: ['template'],
    description: 'template = rendered by the engine (${container.name} …).',
  })
  format?: string;
  @ApiProperty({
    enum: ['common', 'provider'],
    description: 'common = engine options every trigger has; provider = the type’s own.',
  })
  group: string;
}

export class TriggerTypeDto {
  @ApiProperty({ example: 'webhook' }) type: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [TriggerFieldDto] }) fields: TriggerFieldDto[];
}

export class TriggerDto {
  @ApiProperty({ example: 'webhook.ops' }) id: string;
  @ApiProperty({ example: 'webhook' }) type: string;
  @ApiProperty({ example: 'ops' }) name: string;
  @ApiProperty({
    enum: ['env', 'ui'],
    description: 'env: defined by environment variables (read-only); ui: created through the API.',
  })
  source: 'env' | 'ui';
  @ApiProperty() readOnly: boolean;
  @ApiProperty() enabled: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Settings; secrets masked.',
  })
  configuration: Record<string, string>;
  @ApiProperty({
    type: [String],
    description: 'Secret settings that have a value (the values are never returned).',
  })
  secretsSet: string[];
  @ApiProperty({ enum: ['simple', 'batch'] }) mode: string;
  @ApiProperty({ enum: ['all', 'major', 'minor', 'patch'] }) threshold: string;
  @ApiProperty() once: boolean;
  @ApiProperty() auto: boolean;
  @ApiProperty({ type: [String] }) events: string[];
}

export class ContainerTriggerDto extends TriggerDto {
  @ApiProperty({
    enum: ['all', 'major', 'minor', 'patch'],
    description:
      "Threshold for this container (its trigger.include label may override the trigger's).",
  })
  containerThreshold: string;
}

export class CreateTriggerDto {
  @ApiProperty({ enum: TYPES })
  @IsIn(TYPES, { message: `type must be one of: ${TYPES.join(', ')}` })
  type: string;

  @ApiProperty({ example: 'ops' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'name must be lower-case letters, digits or dashes (at most 64)',
  })
  name: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { url: 'https://hooks.example/tidewatch', threshold: 'minor' },
  })
  @IsObject({ message: 'configuration must be an object' })
  @Validate(StringRecordConstraint)
  configuration: Record<string, string | number | boolean>;
}

export class UpdateTriggerDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'All settings; a secret left out keeps its stored value, an empty string clears it.',
  })
  @IsObject({ message: 'configuration must be an object' })
  @Validate(StringRecordConstraint)
  configuration: Record<string, string | number | boolean>;
}

export class TriggerParams {
  @ApiProperty({ enum: TYPES })
  @IsIn(TYPES, { message: `type must be one of: ${TYPES.join(', ')}` })
  type: string;

  @ApiProperty()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'name must be a trigger name (lower-case letters, digits, dashes)',
  })
  name: string;
}

export class ContainerTriggerParams extends TriggerParams {
  @ApiProperty()
  @Matches(/^[a-f0-9]{12,64}$/, {
    message: 'id must be a Docker container ID (12 to 64 lower-case hex characters)',
  })
  id: string;
}

export class TestTriggerDto {
  @ApiPropertyOptional({ description: 'Send this container instead of a sample.' })
  @IsOptional()
  @Matches(/^[a-f0-9]{12,64}$/, { message: 'containerId must be a Docker container ID' })
  containerId?: string;
}

export class RunResultDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Redacted summary of what was sent.' })
  summary: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ description: 'History entry of this run.' }) runId: string;
}

export class TriggerRunDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'webhook.ops' }) trigger: string;
  @ApiProperty() triggerType: string;
  @ApiProperty() triggerName: string;
  @ApiProperty({
    enum: ['update-available', 'update-applied', 'update-failed', 'rolled-back', 'check-error'],
  })
  event: string;
  @ApiProperty({ type: String, nullable: true }) containerIdentity: string | null;
  @ApiProperty({ type: String, nullable: true }) containerName: string | null;
  @ApiProperty({ enum: ['success', 'error', 'retrying'] }) status: string;
  @ApiProperty() attempt: number;
  @ApiProperty() durationMs: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ enum: ['auto', 'manual', 'test', 'retry'] }) origin: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Outbox delivery this run belongs to (retry it with POST /api/history/{id}/retry).',
  })
  deliveryId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['pending', 'delivering', 'delivered', 'failed'],
  })
  deliveryStatus: string | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    nullable: true,
    description: 'Steps of an update action with durations.',
  })
  steps: unknown[] | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class HistoryPageDto {
  @ApiProperty({ type: [TriggerRunDto] }) items: TriggerRunDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export class HistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Trigger id (type.name).' })
  @IsOptional()
  @Matches(/^[a-z0-9-]+\.[a-z0-9-]+$/, {
    message: 'trigger must be a trigger id such as webhook.ops',
  })
  trigger?: string;

  @ApiPropertyOptional({ description: 'Container identity (watcher/name) or name.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  container?: string;

  @ApiPropertyOptional({ enum: ['success', 'error', 'retrying'] })
  @IsOptional()
  @IsIn(['success', 'error', 'retrying'], { message: 'status must be success, error or retrying' })
  status?: string;

  @ApiPropertyOptional({
    enum: ['update-available', 'update-applied', 'update-failed', 'rolled-back', 'check-error'],
  })
  @IsOptional()
  @IsIn(['update-available', 'update-applied', 'update-failed', 'rolled-back', 'check-error'], {
    message: 'event must be a trigger event kind',
  })
  event?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({}, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}

export class RunIdParam {
  @ApiProperty()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'id must be a history entry id (UUID)' })
  id: string;
}
