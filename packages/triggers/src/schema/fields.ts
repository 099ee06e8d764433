import { z } from 'zod';

/**
 * Field builders for trigger schemas. Config values arrive as strings from the environment (and as
 * strings, numbers or booleans from YAML or the UI), so every builder coerces, trims, treats an
 * empty string as "not set", and records help text, a UI format and an example as zod metadata for
 * `describeSchema`.
 */

/** UI hint stored in the zod metadata under `format`. */
export type FieldFormat = 'url' | 'email-list' | 'list' | 'template' | 'multiline';

interface FieldMeta {
  help: string;
  example?: string;
  label?: string;
}

function meta(info: FieldMeta, format?: FieldFormat): Record<string, unknown> {
  const out: Record<string, unknown> = { description: info.help };
  if (info.example !== undefined) out.example = info.example;
  if (info.label !== undefined) out.title = info.label;
  if (format !== undefined) out.format = format;
  return out;
}

/** Trims strings and turns "" into undefined, so an empty variable means "use the default". */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

function toBoolean(value: unknown): unknown {
  const blank = blankToUndefined(value);
  if (typeof blank !== 'string') return blank;
  const lower = blank.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return blank;
}

function toNumber(value: unknown): unknown {
  const blank = blankToUndefined(value);
  if (typeof blank === 'string' && /^[-+]?\d+(\.\d+)?$/.test(blank)) return Number(blank);
  return blank;
}

function toList(value: unknown): unknown {
  if (Array.isArray(value))
    return (value as unknown[])
      .map((item) => (typeof item === 'string' ? item.trim() : item))
      .filter((item) => item !== '');
  const blank = blankToUndefined(value);
  if (typeof blank !== 'string') return blank;
  return blank
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `'true'|'false'` (also yes/no, on/off, 1/0) → boolean, with a default. */
export function booleanField(defaultValue: boolean, info: FieldMeta) {
  return z
    .preprocess(toBoolean, z.boolean({ error: 'expected true or false' }).default(defaultValue))
    .meta(meta(info));
}

interface IntegerOptions extends FieldMeta {
  min: number;
  max: number;
}

/** Integer within [min, max], with a default. */
export function integerField(defaultValue: number, info: IntegerOptions) {
  return z
    .preprocess(
      toNumber,
      z
        .number({ error: 'expected a number' })
        .int({ error: 'expected a whole number' })
        .min(info.min, { error: `must be at least ${info.min}` })
        .max(info.max, { error: `must be at most ${info.max}` })
        .default(defaultValue),
    )
    .meta(meta(info));
}

/** A required non-empty string. */
export function requiredString(info: FieldMeta & { max?: number }) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string({ error: 'is required' })
        .max(info.max ?? 4096, { error: `must be at most ${info.max ?? 4096} characters` }),
    )
    .meta(meta(info));
}

/** An optional string (empty = not set). */
export function optionalString(info: FieldMeta & { max?: number }) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .max(info.max ?? 4096, { error: `must be at most ${info.max ?? 4096} characters` })
        .optional(),
    )
    .meta(meta(info));
}

/** A string with a default. */
export function defaultedString(
  defaultValue: string,
  info: FieldMeta & { max?: number; format?: FieldFormat },
) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .max(info.max ?? 4096, { error: `must be at most ${info.max ?? 4096} characters` })
        .default(defaultValue),
    )
    .meta(meta(info, info.format));
}

function caseFolder(values: readonly string[]) {
  const upper = values.every((value) => value === value.toUpperCase());
  return (value: unknown): unknown => {
    const blank = blankToUndefined(value);
    if (typeof blank !== 'string') return blank;
    return upper ? blank.toUpperCase() : blank.toLowerCase();
  };
}

/** One of a fixed set of values (case-insensitive on input, output in the case of `values`), with a default. */
export function enumField<const T extends readonly [string, ...string[]]>(
  values: T,
  defaultValue: T[number],
  info: FieldMeta,
) {
  return z
    .preprocess(
      caseFolder(values),
      z.enum(values, { error: `expected one of: ${values.join(', ')}` }).default(defaultValue),
    )
    .meta(meta(info));
}

/** Optional one-of (empty = not set). */
export function optionalEnumField<const T extends readonly [string, ...string[]]>(
  values: T,
  info: FieldMeta,
) {
  return z
    .preprocess(
      caseFolder(values),
      z.enum(values, { error: `expected one of: ${values.join(', ')}` }).optional(),
    )
    .meta(meta(info));
}

/** Whether `value` parses as a URL whose scheme is one of `schemes` (without the colon). */
export function hasScheme(value: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol.slice(0, -1)) && url.host !== '';
  } catch {
    return false;
  }
}

interface UrlOptions extends FieldMeta {
  schemes: readonly string[];
}

function urlSchema(options: UrlOptions) {
  return z.string({ error: 'is required' }).refine((value) => hasScheme(value, options.schemes), {
    error: `must be a URL starting with ${options.schemes.map((scheme) => `${scheme}://`).join(' or ')}`,
  });
}

/** A required URL restricted to an allow-list of schemes. */
export function requiredUrl(options: UrlOptions) {
  return z.preprocess(blankToUndefined, urlSchema(options)).meta(meta(options, 'url'));
}

/** An optional URL restricted to an allow-list of schemes. */
export function optionalUrl(options: UrlOptions) {
  return z.preprocess(blankToUndefined, urlSchema(options).optional()).meta(meta(options, 'url'));
}

/** A URL with a default (used for API base URLs that tests point at local servers). */
export function defaultedUrl(defaultValue: string, options: UrlOptions) {
  return z
    .preprocess(blankToUndefined, urlSchema(options).default(defaultValue))
    .meta(meta(options, 'url'));
}

// Deliberately simple: a local part, "@", a domain with a dot or "localhost". `Name <addr>` is accepted.
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

/** Parses `Name <addr>` or `addr` into the bare address, or null. */
export function emailAddress(entry: string): string | null {
  const angled = /^[^<>]*<([^<>]+)>$/.exec(entry.trim());
  const address = (angled ? angled[1] : entry).trim();
  return EMAIL.test(address) ? address : null;
}

/** Comma-separated e-mail addresses (at least one). */
export function emailListField(info: FieldMeta) {
  return z
    .preprocess(
      toList,
      z
        .array(
          z.string().refine((entry) => emailAddress(entry) !== null, {
            error: (issue) => `"${String(issue.input)}" is not an e-mail address`,
          }),
          {
            error: 'is required',
          },
        )
        .min(1, { error: 'needs at least one address' }),
    )
    .meta(meta(info, 'email-list'));
}

/** Comma-separated list of values matching `item` (at least one unless `optional`). */
export function listField<T extends string>(
  info: FieldMeta & { item: z.ZodType<T>; defaultValue?: T[] },
) {
  const array = z.array(info.item, { error: 'is required' });
  if (info.defaultValue !== undefined)
    return z.preprocess(toList, array.default(info.defaultValue)).meta(meta(info, 'list'));
  return z
    .preprocess(toList, array.min(1, { error: 'needs at least one value' }))
    .meta(meta(info, 'list'));
}

/** Optional comma-separated list (empty = not set). */
export function optionalListField<T extends string>(info: FieldMeta & { item: z.ZodType<T> }) {
  return z.preprocess(toList, z.array(info.item).optional()).meta(meta(info, 'list'));
}
