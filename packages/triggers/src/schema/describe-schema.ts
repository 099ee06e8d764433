import { z } from 'zod';
import type { TriggerType } from '../trigger';
import { commonTriggerSchema } from '../common.schema';

/** Field kinds the UI knows how to render. `list` is a comma-separated list (multi-select when it has options). */
export type TriggerFieldType =
  'string' | 'number' | 'boolean' | 'enum' | 'url' | 'email-list' | 'list';

/** One config field, JSON-friendly, for building forms and docs. */
export interface TriggerFieldDescription {
  /** Config key as the schema sees it (`auth_type`). */
  key: string;
  /** Environment suffix (`AUTH_TYPE` in `TIDEWATCH_TRIGGER_{type}_{name}_AUTH_TYPE`). */
  env: string;
  label: string;
  type: TriggerFieldType;
  required: boolean;
  default?: string | number | boolean | string[];
  /** Write-only: never returned by the API, redacted from summaries. */
  secret: boolean;
  help: string;
  options?: string[];
  example?: string;
  /** `template` for TITLE/BODY-style fields rendered by the engine. */
  format?: 'template';
  /** `common` fields are the engine's (mode, threshold, …); `provider` fields are the type's own. */
  group: 'provider' | 'common';
}

const WORD_LABELS: Record<string, string> = {
  url: 'URL',
  tls: 'TLS',
  id: 'ID',
  hass: 'Home Assistant',
  cmd: 'Command',
  accountsid: 'Account SID',
  authtoken: 'Auth token',
  apikey: 'API key',
  apisecret: 'API secret',
  bottoken: 'Bot token',
  chatid: 'Chat ID',
  clientid: 'Client ID',
  cachain: 'CA chain',
  clientcert: 'client certificate',
  clientkey: 'client key',
  rejectunauthorized: 'verify certificate',
  batchtitle: 'Batch title',
};

function labelFor(key: string): string {
  const words = key.split('_').map((word) => WORD_LABELS[word] ?? word);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Inspected {
  base: z.ZodType;
  optional: boolean;
  defaultValue: unknown;
  hasDefault: boolean;
  meta: Record<string, unknown>;
}

/** Walks through wrappers (preprocess pipes, defaults, optionals) to the schema that decides the type. */
function inspect(schema: z.ZodType): Inspected {
  const found: Inspected = {
    base: schema,
    optional: false,
    defaultValue: undefined,
    hasDefault: false,
    meta: {},
  };
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 20; depth += 1) {
    const info = z.globalRegistry.get(current);
    if (info) found.meta = { ...info, ...found.meta };
    if (current instanceof z.ZodDefault) {
      found.hasDefault = true;
      found.defaultValue = current.def.defaultValue;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      found.optional = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      // preprocess = pipe(transform → target); .transform() = pipe(source → transform).
      current = (current.out instanceof z.ZodTransform ? current.in : current.out) as z.ZodType;
    } else {
      break;
    }
  }
  found.base = current;
  return found;
}

function jsonDefault(value: unknown): TriggerFieldDescription['default'] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return undefined;
}

function enumOptions(schema: z.ZodType): string[] | undefined {
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  return undefined;
}

/** Describes every field of a zod object schema (`secretKeys` marks write-only fields). */
export function describeObjectSchema(
  schema: z.ZodObject,
  secretKeys: readonly string[],
  group: TriggerFieldDescription['group'],
): TriggerFieldDescription[] {
  const fields: TriggerFieldDescription[] = [];
  // The default shape type is a loose record of `any`; every field of a zod object is a ZodType.
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const info = inspect(fieldSchema);
    const format = typeof info.meta.format === 'string' ? info.meta.format : undefined;
    let type: TriggerFieldType = 'string';
    let options: string[] | undefined;
    if (info.base instanceof z.ZodBoolean) type = 'boolean';
    else if (info.base instanceof z.ZodNumber) type = 'number';
    else if (info.base instanceof z.ZodEnum) {
      type = 'enum';
      options = enumOptions(info.base);
    } else if (info.base instanceof z.ZodArray) {
      type = format === 'email-list' ? 'email-list' : 'list';
      options = enumOptions(inspect(info.base.element as z.ZodType).base);
    } else if (format === 'url') type = 'url';
    const field: TriggerFieldDescription = {
      key,
      env: key.toUpperCase(),
      label: typeof info.meta.title === 'string' ? info.meta.title : labelFor(key),
      type,
      required: !info.optional && !info.hasDefault,
      secret: secretKeys.includes(key),
      help: typeof info.meta.description === 'string' ? info.meta.description : '',
      group,
    };
    const defaultValue = info.hasDefault ? jsonDefault(info.defaultValue) : undefined;
    if (defaultValue !== undefined) field.default = defaultValue;
    if (options !== undefined) field.options = options;
    if (typeof info.meta.example === 'string') field.example = info.meta.example;
    if (format === 'template') field.format = 'template';
    fields.push(field);
  }
  return fields;
}

/**
 * JSON-friendly description of a trigger type's config fields, for UI forms and docs. With
 * `includeCommon`, the engine's common fields (mode, threshold, once, auto, templates, events,
 * include/exclude) follow the type's own.
 */
export function describeSchema(
  type: Pick<TriggerType, 'schema' | 'secretKeys'>,
  options: { includeCommon?: boolean } = {},
): TriggerFieldDescription[] {
  const own = describeObjectSchema(type.schema, type.secretKeys, 'provider');
  return options.includeCommon
    ? [...own, ...describeObjectSchema(commonTriggerSchema, [], 'common')]
    : own;
}
