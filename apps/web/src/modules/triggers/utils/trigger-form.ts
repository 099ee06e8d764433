import type { Trigger, TriggerField } from '../types';

/**
 * The trigger form's model, pure: initial values from a type's field descriptions (and a stored
 * trigger), validation with the messages the form shows, and the configuration sent to the API.
 * Field values are text (comma-joined for lists) or booleans for checkboxes.
 */
export type FormValues = Record<string, string | boolean>;

/**
 * Secret fields are write-only. `keep`: a value is stored and stays (nothing is sent); `change`: a
 * stored value is being replaced (empty = remove it); `new`: no value stored yet.
 */
export type SecretMode = 'keep' | 'change' | 'new';
export type SecretModes = Record<string, SecretMode>;
export type FormErrors = Record<string, string>;

export const NAME_KEY = '__name';
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/** The default of a field as form text ('' when none); arrays become comma-separated text. */
export function defaultText(field: Pick<TriggerField, 'default'>): string {
  const value: unknown = field.default;
  if (Array.isArray(value))
    return value.filter((item) => typeof item === 'string' || typeof item === 'number').join(',');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return '';
}

function toBoolean(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  const normalized = text.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off', ''].includes(normalized)) return false;
  return undefined;
}

/** Whether the field holds a template (rendered as a multi-line text area). */
export function isTemplateField(field: TriggerField): boolean {
  return field.format === 'template';
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function initialValues(
  fields: TriggerField[],
  trigger?: Pick<Trigger, 'configuration'>,
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const stored = field.secret ? undefined : trigger?.configuration[field.key];
    if (field.type === 'boolean')
      values[field.key] = toBoolean(stored) ?? toBoolean(defaultText(field)) ?? false;
    else values[field.key] = stored ?? (field.secret ? '' : defaultText(field));
  }
  return values;
}

export function initialSecretModes(
  fields: TriggerField[],
  trigger?: Pick<Trigger, 'secretsSet'>,
): SecretModes {
  const modes: SecretModes = {};
  for (const field of fields)
    if (field.secret) modes[field.key] = trigger?.secretsSet.includes(field.key) ? 'keep' : 'new';
  return modes;
}

function isAbsoluteUrl(text: string): boolean {
  try {
    return Boolean(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Messages keyed by field key (and NAME_KEY for the trigger name); empty when the form is valid. */
export function validateTriggerForm(
  fields: TriggerField[],
  values: FormValues,
  secrets: SecretModes,
  name?: string,
): FormErrors {
  const errors: FormErrors = {};
  if (name !== undefined) {
    if (!name.trim()) errors[NAME_KEY] = 'Name is required';
    else if (!NAME_PATTERN.test(name))
      errors[NAME_KEY] =
        'Name: lower-case letters, digits and dashes, starting with a letter or digit (at most 64)';
  }
  for (const field of fields) {
    if (field.type === 'boolean') continue;
    if (field.secret && secrets[field.key] === 'keep') continue;
    const raw = values[field.key];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!text) {
      if (field.required) errors[field.key] = `${field.label} is required`;
      continue;
    }
    const message = checkValue(field, text);
    if (message) errors[field.key] = message;
  }
  return errors;
}

function checkValue(field: TriggerField, text: string): string | null {
  switch (field.type) {
    case 'number':
      return Number.isFinite(Number(text)) ? null : `${field.label} must be a number`;
    case 'url':
      return isAbsoluteUrl(text)
        ? null
        : `${field.label} must be a full URL, such as ${field.example ?? 'https://example.com/hook'}`;
    case 'email-list': {
      const bad = splitList(text).find((item) => !EMAIL.test(item));
      return bad ? `${field.label}: "${bad}" is not an email address` : null;
    }
    case 'enum':
      return !field.options || field.options.includes(text)
        ? null
        : `${field.label} must be one of ${field.options.join(', ')}`;
    case 'list': {
      if (!field.options) return null;
      const bad = splitList(text).find((item) => !field.options?.includes(item));
      return bad ? `${field.label}: "${bad}" is not one of ${field.options.join(', ')}` : null;
    }
    case 'string':
    case 'boolean':
      return null;
  }
}

/**
 * The `configuration` to send: values that differ from their default (a setting left at its
 * default stays unset, so a better default later applies), secrets only when entered or removed.
 */
export function toConfiguration(
  fields: TriggerField[],
  values: FormValues,
  secrets: SecretModes,
): Record<string, string> {
  const configuration: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.type === 'boolean') {
      const fallback = toBoolean(defaultText(field)) ?? false;
      if (typeof value === 'boolean' && value !== fallback)
        configuration[field.key] = String(value);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (field.secret) {
      const mode = secrets[field.key] ?? 'new';
      if (mode === 'change') configuration[field.key] = text;
      else if (mode === 'new' && text) configuration[field.key] = text;
      continue;
    }
    const normalized =
      field.type === 'list' || field.type === 'email-list' ? splitList(text).join(',') : text;
    if (normalized && normalized !== defaultText(field)) configuration[field.key] = normalized;
  }
  return configuration;
}

/** The settings to send back when only `enabled` changes: everything but the masked secrets. */
export function keepConfiguration(
  trigger: Pick<Trigger, 'configuration' | 'secretsSet'>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(trigger.configuration).filter(([key]) => !trigger.secretsSet.includes(key)),
  );
}

/** Maps a 400 message from the server to the field it names (`configuration.URL: …`). */
export function serverFieldError(
  message: string,
  fields: TriggerField[],
): { key: string; message: string } | null {
  const match = /configuration\.([A-Za-z0-9_]+):\s*(.*)$/s.exec(message);
  if (match) {
    const key = match[1].toLowerCase();
    const field = fields.find((candidate) => candidate.key === key);
    if (field) return { key, message: `${field.label}: ${match[2]}` };
  }
  if (/^name\b/i.test(message) || /trigger name/i.test(message)) return { key: NAME_KEY, message };
  return null;
}
