import { Badge } from '../../../ui/Badge';
import type { Trigger, TriggerType } from '../types';
import { defaultText } from '../utils/trigger-form';

export type TriggerSettingsProps = { triggerType: TriggerType; trigger: Trigger };

/** A read-only trigger's settings (environment-defined): value or default per field, secrets as set / not set. */
export function TriggerSettings({ triggerType, trigger }: TriggerSettingsProps) {
  return (
    <dl className="kv kv--wide">
      {triggerType.fields.map((field) => {
        const stored = trigger.configuration[field.key];
        const fallback = defaultText(field);
        return (
          <div key={field.key}>
            <dt>
              {field.label} <span className="cell__muted cell__mono">{field.env}</span>
            </dt>
            <dd>
              {field.secret ? (
                trigger.secretsSet.includes(field.key) ? (
                  <Badge tone="ok">set</Badge>
                ) : (
                  <span className="cell__muted">not set</span>
                )
              ) : stored !== undefined && stored !== '' ? (
                <span className="cell__mono">{stored}</span>
              ) : fallback ? (
                <span className="cell__muted">
                  default: <span className="cell__mono">{fallback}</span>
                </span>
              ) : (
                <span className="cell__muted">not set</span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
