import type { z } from 'zod';
import type { TriggerDeps, TriggerProvider, TriggerType } from './trigger';
import { commonTriggerSchema, type CommonTriggerConfig } from './common.schema';
import { commandTriggerType } from './providers/command/command.trigger';
import { discordTriggerType } from './providers/discord/discord.trigger';
import { emailTriggerType } from './providers/email/email.trigger';
import { gotifyTriggerType } from './providers/gotify/gotify.trigger';
import { mqttTriggerType } from './providers/mqtt/mqtt.trigger';
import { ntfyTriggerType } from './providers/ntfy/ntfy.trigger';
import { slackTriggerType } from './providers/slack/slack.trigger';
import { smsTriggerType } from './providers/sms/sms.trigger';
import { telegramTriggerType } from './providers/telegram/telegram.trigger';
import { webhookTriggerType } from './providers/webhook/webhook.trigger';

/** Names of the trigger types this package provides. */
export type TriggerTypeName =
  | 'webhook'
  | 'email'
  | 'sms'
  | 'slack'
  | 'discord'
  | 'telegram'
  | 'ntfy'
  | 'gotify'
  | 'mqtt'
  | 'command';

/** Any trigger type, whatever its schema. */
export type AnyTriggerType = TriggerType<z.ZodObject>;

/** Every trigger type by name: the one place types are registered (no dynamic require). */
export const triggerTypes = {
  webhook: webhookTriggerType,
  email: emailTriggerType,
  sms: smsTriggerType,
  slack: slackTriggerType,
  discord: discordTriggerType,
  telegram: telegramTriggerType,
  ntfy: ntfyTriggerType,
  gotify: gotifyTriggerType,
  mqtt: mqttTriggerType,
  command: commandTriggerType,
} as const satisfies Record<TriggerTypeName, AnyTriggerType>;

/** Provider config of a given type, as parsed by its schema. */
export type TriggerTypeConfig<N extends TriggerTypeName> = z.infer<
  (typeof triggerTypes)[N]['schema']
>;

/** Type names, in registration order. */
export const TRIGGER_TYPE_NAMES = Object.keys(triggerTypes) as TriggerTypeName[];

/** WUD type names that map to a Tidewatch type (`WUD_TRIGGER_HTTP_*` → webhook). */
export const WUD_TRIGGER_TYPE_ALIASES: Readonly<Record<string, TriggerTypeName>> = {
  http: 'webhook',
  smtp: 'email',
};

export function isTriggerTypeName(name: string): name is TriggerTypeName {
  return Object.prototype.hasOwnProperty.call(triggerTypes, name);
}

/**
 * The full config schema of a trigger: the type's own keys plus the common ones, strict (an
 * unknown key, i.e. a misspelt variable, is an error). Object-level rules of the type are kept.
 */
export function triggerConfigSchema(type: AnyTriggerType): z.ZodObject {
  return type.schema.safeExtend(commonTriggerSchema.shape).strict();
}

/** One problem in a trigger's configuration, named by key and by environment suffix. */
export interface TriggerConfigIssue {
  key: string;
  env: string;
  message: string;
}

/** A trigger configuration that does not validate; `message` lists every issue. */
export class TriggerConfigError extends Error {
  constructor(
    readonly typeName: string,
    readonly issues: readonly TriggerConfigIssue[],
  ) {
    super(
      `Invalid ${typeName} trigger configuration: ${issues.map((issue) => `${issue.env}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'TriggerConfigError';
  }
}

function toIssues(error: z.ZodError): TriggerConfigIssue[] {
  const issues: TriggerConfigIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        issues.push({ key, env: key.toUpperCase(), message: 'unknown setting' });
      continue;
    }
    const key = issue.path.map(String).join('_') || '(config)';
    issues.push({ key, env: key.toUpperCase(), message: issue.message });
  }
  return issues;
}

/** Parsed configuration of one trigger: the engine's common options and the provider's own. */
export interface ParsedTriggerConfig<N extends TriggerTypeName = TriggerTypeName> {
  type: N;
  common: CommonTriggerConfig;
  config: TriggerTypeConfig<N>;
}

/**
 * Validates raw values (strings from the environment, or JSON from the API) for a trigger type.
 * @throws TriggerConfigError naming every bad key.
 */
export function parseTriggerConfig<N extends TriggerTypeName>(
  typeName: N,
  raw: Record<string, unknown>,
): ParsedTriggerConfig<N> {
  const type: AnyTriggerType = triggerTypes[typeName];
  const result = triggerConfigSchema(type).safeParse(raw);
  if (!result.success) throw new TriggerConfigError(typeName, toIssues(result.error));
  const commonKeys = new Set(Object.keys(commonTriggerSchema.shape));
  const commonRaw: Record<string, unknown> = {};
  const ownRaw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw))
    (commonKeys.has(key) ? commonRaw : ownRaw)[key] = value;
  return {
    type: typeName,
    common: commonTriggerSchema.parse(commonRaw),
    config: type.schema.parse(ownRaw) as TriggerTypeConfig<N>,
  };
}

/** Parses and instantiates a trigger in one step. */
export function createTrigger<N extends TriggerTypeName>(
  typeName: N,
  raw: Record<string, unknown>,
  deps?: TriggerDeps,
): { provider: TriggerProvider } & ParsedTriggerConfig<N> {
  const parsed = parseTriggerConfig(typeName, raw);
  const type: AnyTriggerType = triggerTypes[typeName];
  return { ...parsed, provider: type.create(parsed.config, deps) };
}

/** A copy of a config safe to return from the API: secret values replaced by `****` (absent when unset). */
export function maskSecrets(
  type: Pick<AnyTriggerType, 'secretKeys'>,
  config: Record<string, unknown>,
): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (type.secretKeys.includes(key)) {
      if (value !== undefined && value !== null && value !== '') masked[key] = '****';
    } else {
      masked[key] = value;
    }
  }
  return masked;
}
