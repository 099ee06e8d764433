import {
  COMMON_TRIGGER_KEYS,
  type CommonTriggerConfig,
  type TriggerDeps,
  type TriggerProvider,
  type TriggerType,
  WUD_TRIGGER_KEY_ALIASES,
  commonTriggerSchema,
  secretValues,
  triggerTypes,
} from '@tidewatch/triggers';
import type { z } from 'zod';

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
  definition: TriggerType;
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

export function isTriggerType(type: string): type is keyof typeof triggerTypes {
  return Object.hasOwn(triggerTypes, type);
}

function parseWith<S extends z.ZodType>(schema: S, values: Record<string, string>, id: string): z.infer<S> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  throw new TriggerConfigError(id, key, `${key ? `${key.toUpperCase()}: ` : ''}${issue.message}`);
}

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
  if (!isTriggerType(type)) {
    throw new TriggerConfigError(id, undefined, `unknown trigger type "${type}" (known: ${Object.keys(triggerTypes).join(', ')})`);
  }
  if (!TRIGGER_NAME.test(name)) {
    throw new TriggerConfigError(id, undefined, `trigger name "${name}" must be lower-case letters, digits or dashes`);
  }
  const definition = triggerTypes[type] as TriggerType;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawValues)) values[WUD_TRIGGER_KEY_ALIASES[key] ?? key] = value;
  const typeKeys = Object.keys(definition.schema.shape);
  const common: Record<string, string> = {};
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if ((COMMON_TRIGGER_KEYS as readonly string[]).includes(key)) common[key] = value;
    else if (typeKeys.includes(key)) own[key] = value;
    else throw new TriggerConfigError(id, key, `${key.toUpperCase()}: unknown setting for a ${type} trigger (known: ${[...typeKeys, ...COMMON_TRIGGER_KEYS].map((k) => k.toUpperCase()).join(', ')})`);
  }
  const commonConfig = parseWith(commonTriggerSchema, common, id);
  const config = parseWith(definition.schema, own, id);
  return {
    id,
    type,
    name,
    source,
    enabled: options.enabled ?? true,
    common: commonConfig,
    values,
    definition,
    provider: definition.create(config, options.deps),
    secrets: secretValues(values, definition.secretKeys),
  };
}

/** Settings with secrets replaced by a mask (`ab****yz`; short ones fully masked). */
export function maskedValues(instance: Pick<TriggerInstance, 'values' | 'definition'>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [key, value] of Object.entries(instance.values)) {
    masked[key] = instance.definition.secretKeys.includes(key) ? maskSecret(value) : value;
  }
  return masked;
}

export function maskSecret(value: string): string {
  if (value.length === 0) return '';
  if (value.length < 8) return '****';
  return `${value.slice(0, 2)}****${value.slice(-2)}`;
}
