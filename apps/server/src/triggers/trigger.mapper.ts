import type { TriggerInstance } from './trigger-instance';
import { maskedValues } from './trigger-instance';
import type { TriggerDto } from './trigger.dto';

export function toTriggerDto(trigger: TriggerInstance): TriggerDto {
  const secretKeys = trigger.definition.secretKeys;
  const configuration = maskedValues(trigger);
  return {
    id: trigger.id,
    type: trigger.type,
    name: trigger.name,
    source: trigger.source,
    readOnly: trigger.source === 'env',
    enabled: trigger.enabled,
    configuration,
    secretsSet: secretKeys.filter((key) => (trigger.values[key] ?? '') !== ''),
    mode: trigger.common.mode,
    threshold: trigger.common.threshold,
    once: trigger.common.once,
    auto: trigger.common.auto,
    events: [...trigger.common.events],
  };
}
