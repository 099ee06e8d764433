import { z } from 'zod';
import { basicCredentials, CredentialSource, decodeBasicAuth } from './credentials';
import { RegistryConfigError } from './registry-error';
import { ProviderType, Registry, RegistryDefinition, RegistryDeps } from './registry';

/** Raw configuration of one instance: lower-case keys (`login`, `webhook_token`) to strings. */
export type RawRegistryConfig = Readonly<Record<string, string | undefined>>;

/** A registry provider: its config schema and how to build an instance from a valid config. */
export interface ProviderFactory {
  readonly type: ProviderType;
  readonly description: string;
  /** zod schema of the config (lower-case keys); `.meta({ description, secret })` on fields. */
  readonly schema: z.ZodObject;
  /** Config keys holding secrets (masked for display). */
  readonly secretKeys: readonly string[];
  /** Whether a built-in anonymous instance (`<type>.public`) exists. */
  readonly anonymousDefault: boolean;
  /** Validates `config` (throws {@link RegistryConfigError} naming the key) and builds the instance. */
  create(name: string, config: RawRegistryConfig, deps?: RegistryDeps): Registry;
}

/** Field builders carrying help text and the secret flag in zod metadata. */
export const field = {
  text: (description: string) => z.string().min(1).meta({ description }),
  secret: (description: string) => z.string().min(1).meta({ description, secret: true }),
  url: (description: string) =>
    z
      .string()
      .refine((value) => /^https?:\/\/[^/\s]+/i.test(value), 'must be an http(s) URL')
      .meta({ description }),
  /** Kept a string (no transform) so the schema converts to JSON Schema for the UI; read with {@link isTrue}. */
  boolean: (description: string) =>
    z
      .enum(['true', 'false', 'TRUE', 'FALSE', 'True', 'False', '1', '0', 'yes', 'no'])
      .meta({ description }),
};

export function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['true', '1', 'yes'].includes(value.toLowerCase());
}

/** Keys every provider accepts. */
export const commonFields = {
  webhook_token: field
    .secret('Bearer token expected on POST /api/webhooks/registry/{name} (push notifications)')
    .optional(),
  concurrency: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .meta({ description: 'Requests in flight at once to this registry (default 8)' })
    .optional(),
};

interface ProviderSpec<S extends z.ZodObject> {
  type: ProviderType;
  description: string;
  /** Provider-specific fields; common ones are added. */
  schema: S;
  anonymousDefault?: boolean;
  define(name: string, config: z.output<S>): RegistryDefinition;
}

export function defineProvider<S extends z.ZodObject>(spec: ProviderSpec<S>): ProviderFactory {
  const schema = spec.schema.extend(commonFields).strict();
  const secretKeys = Object.entries(schema.shape)
    .filter(([, fieldSchema]) => fieldMeta(fieldSchema as z.ZodType)?.secret === true)
    .map(([key]) => key);
  return {
    type: spec.type,
    description: spec.description,
    schema,
    secretKeys,
    anonymousDefault: spec.anonymousDefault ?? false,
    create(name, rawConfig, deps) {
      const id = `${spec.type}.${name}`;
      if (!/^[\w.:\-[\]]+$/.test(name))
        throw new RegistryConfigError(id, undefined, `Invalid registry name "${name}"`);
      const config = withoutEmptyValues(rawConfig);
      const parsed = schema.safeParse(config);
      if (!parsed.success) throw configError(id, parsed.error);
      const {
        webhook_token: webhookToken,
        concurrency,
        ...specific
      } = parsed.data as z.output<S> & {
        webhook_token?: string;
        concurrency?: number;
      };
      let definition: RegistryDefinition;
      try {
        definition = spec.define(name, specific as unknown as z.output<S>);
      } catch (error) {
        if (error instanceof RegistryConfigError) throw error;
        throw new RegistryConfigError(
          id,
          undefined,
          `Invalid configuration for registry ${id}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return new Registry(
        spec.type,
        name,
        definition,
        {
          config,
          secretKeys,
          ...(webhookToken ? { webhookToken } : {}),
          ...(concurrency !== undefined ? { concurrency } : {}),
        },
        deps,
      );
    },
  };
}

/** Throws from `define` when a combination of keys is wrong; `key` is lower-case. */
export function invalidKey(
  type: ProviderType,
  name: string,
  key: string,
  problem: string,
): RegistryConfigError {
  const id = `${type}.${name}`;
  return new RegistryConfigError(
    id,
    key.toUpperCase(),
    `Invalid configuration for registry ${id}: ${key.toUpperCase()} ${problem}`,
  );
}

function configError(id: string, error: z.ZodError): RegistryConfigError {
  const issue = error.issues[0];
  if (!issue)
    return new RegistryConfigError(id, undefined, `Invalid configuration for registry ${id}`);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => key.toUpperCase());
    return new RegistryConfigError(
      id,
      keys[0],
      `Invalid configuration for registry ${id}: unknown key${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`,
    );
  }
  const key = issue.path.length > 0 ? String(issue.path[0]).toUpperCase() : undefined;
  const message =
    issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
  return new RegistryConfigError(
    id,
    key,
    `Invalid configuration for registry ${id}: ${key ? `${key} ` : ''}${message}`,
  );
}

function fieldMeta(schema: z.ZodType): Record<string, unknown> | undefined {
  let current: z.ZodType | undefined = schema;
  for (let depth = 0; current && depth < 5; depth++) {
    const meta = current.meta();
    if (meta) return meta;
    current = (current._zod.def as { innerType?: z.ZodType }).innerType;
  }
  return undefined;
}

function withoutEmptyValues(config: RawRegistryConfig): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(config))
    if (value !== undefined && value !== '') result[key.toLowerCase()] = value;
  return result;
}

/** `https://host[:port]` from a configured URL, refusing plain http unless allowed. */
export function originOf(
  type: ProviderType,
  name: string,
  key: string,
  url: string,
  allowHttp: boolean,
): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidKey(type, name, key, 'is not a valid URL');
  }
  if (parsed.protocol === 'http:' && !allowHttp) {
    throw invalidKey(
      type,
      name,
      key,
      `uses plain http; use https${type === 'custom' ? ', or set INSECURE=true' : ''}`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw invalidKey(type, name, key, 'must be an http(s) URL');
  return new URL(parsed.origin);
}

/** Matches the host of one configured URL exactly. */
export function exactHost(host: string): (candidate: string) => 'exact' | undefined {
  const wanted = host.toLowerCase();
  return (candidate) => (candidate === wanted ? 'exact' : undefined);
}

/**
 * Username/password credentials from the usual keys: `login` + `password` (or `token` as the
 * password), or `auth` = base64(login:password). Anonymous when none is set.
 */
export function loginCredentials(
  type: ProviderType,
  name: string,
  config: {
    login?: string | undefined;
    password?: string | undefined;
    token?: string | undefined;
    auth?: string | undefined;
  },
): CredentialSource {
  if (config.auth !== undefined) {
    if (config.login !== undefined || config.password !== undefined)
      throw invalidKey(type, name, 'auth', 'cannot be combined with LOGIN/PASSWORD');
    const decoded = decodeBasicAuth(config.auth);
    if (!decoded) throw invalidKey(type, name, 'auth', 'must be base64 of login:password');
    return basicCredentials(decoded.username, decoded.password);
  }
  const password = config.password ?? config.token;
  if (config.login !== undefined && password === undefined)
    throw invalidKey(type, name, 'password', 'is required when LOGIN is set');
  if (config.login === undefined && password !== undefined) {
    throw invalidKey(
      type,
      name,
      'login',
      `is required when ${config.password !== undefined ? 'PASSWORD' : 'TOKEN'} is set`,
    );
  }
  return basicCredentials(config.login, password);
}
