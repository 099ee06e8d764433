import {
  type AnyTriggerType,
  type CommonTriggerConfig,
  type TriggerDeps,
  type TriggerProvider,
  TriggerConfigError as PackageConfigError,
  WUD_TRIGGER_KEY_ALIASES,
  createTrigger,
  isTriggerTypeName,
  maskSecrets,
  secretValues,
  triggerTypes,
} from '@tidewatch/triggers';

/** Where a trigger was defined: environment/YAML (read-only in the API) or the UI/API (stored). */
export type TriggerSource = 'env' | 'ui';

/** A configured trigger: its policy (common options) and the provider that sends. */
export interface TriggerInstance {
  id: string;
  type: string;
  name: string;
  source: TriggerSource;
  enabled: boolean;
  common: CommonTriggerConfig;
  /** The settings as given (lower-case keys), secrets included: never expose as is. */
  values: Readonly<Record<string, string>>;
  definition: AnyTriggerType;
  provider: TriggerProvider;
  /** Secret values, for redacting anything that leaves the engine. */
  secrets: string[];
}

/** A setting of a trigger is invalid; `key` is the lower-case config key when one is at fault. */
export class TriggerConfigError extends Error {
  constructor(
    readonly triggerId: string,
    readonly key: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'TriggerConfigError';
  }
}

export const TRIGGER_NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Validates a trigger's settings (common options + its type's schema; unknown keys are errors)
 * and builds its provider. Does no I/O.
 */
export function buildTriggerInstance(
  type: string,
  name: string,
  rawValues: Readonly<Record<string, string>>,
  source: TriggerSource,
  options: { enabled?: boolean; deps?: TriggerDeps } = {},
): TriggerInstance {
  const id = `${type}.${name}`;
  if (!isTriggerTypeName(type)) {
    throw new TriggerConfigError(id, undefined, `unknown trigger type "${type}" (known: ${Object.keys(triggerTypes).join(', ')})`);
  }
  if (!TRIGGER_NAME.test(name)) {
    throw new TriggerConfigError(id, undefined, `trigger name "${name}" must be lower-case letters, digits or dashes`);
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawValues)) values[WUD_TRIGGER_KEY_ALIASES[key] ?? key] = value;
  try {
    const created = createTrigger(type, values, options.deps);
    const definition: AnyTriggerType = triggerTypes[type];
    return {
      id,
      type,
      name,
      source,
      enabled: options.enabled ?? true,
      common: created.common,
      values,
      definition,
      provider: created.provider,
      secrets: secretValues(values, definition.secretKeys),
    };
  } catch (error) {
    if (error instanceof PackageConfigError) {
      const [first] = error.issues;
      throw new TriggerConfigError(id, first?.key, first ? `${first.key.toUpperCase()}: ${first.message}` : error.message);
    }
    throw error;
  }
}

/** Settings safe to return: secret values replaced by `****`. */
export function maskedValues(instance: Pick<TriggerInstance, 'values' | 'definition'>): Record<string, string> {
  return maskSecrets(instance.definition, instance.values) as Record<string, string>;
}
