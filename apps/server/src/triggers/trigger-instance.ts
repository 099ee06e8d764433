import { type AnyTriggerType, type CommonTriggerConfig, type TriggerDeps, type TriggerProvider, WUD_TRIGGER_KEY_ALIASES, maskSecrets, secretValues } from '@tidewatch/triggers';
import { ALL_TRIGGER_TYPES, CatalogConfigError, type TriggerCatalog } from './trigger-catalog';

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
  catalog: TriggerCatalog,
  type: string,
  name: string,
  rawValues: Readonly<Record<string, string>>,
  source: TriggerSource,
  options: { enabled?: boolean; deps?: TriggerDeps } = {},
): TriggerInstance {
  const id = `${type}.${name}`;
  if (!catalog.has(type)) {
    throw new TriggerConfigError(id, undefined, `unknown trigger type "${type}" (known: ${ALL_TRIGGER_TYPES.join(', ')})`);
  }
  if (!TRIGGER_NAME.test(name)) {
    throw new TriggerConfigError(id, undefined, `trigger name "${name}" must be lower-case letters, digits or dashes`);
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawValues)) values[WUD_TRIGGER_KEY_ALIASES[key] ?? key] = value;
  try {
    const created = catalog.create(type, id, values, options.deps);
    return {
      id,
      type,
      name,
      source,
      enabled: options.enabled ?? true,
      common: created.common,
      values,
      definition: created.definition,
      provider: created.provider,
      secrets: secretValues(values, created.definition.secretKeys),
    };
  } catch (error) {
    if (error instanceof CatalogConfigError) throw new TriggerConfigError(id, error.key, error.message);
    throw error;
  }
}

/** Settings safe to return: secret values replaced by `****`. */
export function maskedValues(instance: Pick<TriggerInstance, 'values' | 'definition'>): Record<string, string> {
  return maskSecrets(instance.definition, instance.values) as Record<string, string>;
}
