import { triggerTypes } from '@tidewatch/triggers';
import type { TidewatchConfig } from '../config/config';
import { type ConfigTree, flattenLeaves } from '../config/env-tree';
import { registryProviders } from '../registries/registry-providers';

// Setting names that hold secrets whatever the component: `..._PASSWORD`, `..._AUTH_BEARER`,
// `..._BOTTOKEN`, `..._CLIENTSECRET`, `SECRET_KEY`, `METRICS_TOKEN`, `..._HASH`, `..._APIKEY`.
const SECRET_NAME = /(password|passwd|pass|secret|token|bearer|hash|key)$/;
// Shorter values are too common to scrub from every line (and are not credentials).
const MIN_SECRET_LENGTH = 3;

function usable(value: string | undefined): value is string {
  return (
    typeof value === 'string' &&
    value.trim().length >= MIN_SECRET_LENGTH &&
    !['true', 'false', 'yes', 'no'].includes(value.trim().toLowerCase())
  );
}

/** The password of a `scheme://user:password@host` URL, raw and decoded. */
function urlPassword(value: string): string[] {
  try {
    const { password } = new URL(value);
    if (!password) return [];
    return [password, decodeURIComponent(password)];
  } catch {
    return [];
  }
}

/** Secret values among environment variables, by name alone (used before the configuration is valid). */
export function secretsFromEnv(env: NodeJS.ProcessEnv): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!usable(value) || !/^(TIDEWATCH|WUD)_/.test(name)) continue;
    // `X__FILE` holds a path; the secret itself is in the file.
    if (name.endsWith('__FILE')) continue;
    if (SECRET_NAME.test(name.toLowerCase())) values.push(value);
    values.push(...urlPassword(value));
  }
  return values;
}

function leavesOf(tree: ConfigTree): Array<[string, string]> {
  return [...flattenLeaves(tree)].map(([key, leaf]) => [key, leaf.value]);
}

/**
 * Every secret value the configuration holds: settings named like secrets anywhere, the secret
 * keys of each registry and trigger schema (e.g. a Slack webhook URL), passwords inside URLs
 * (the PostgreSQL URL), and the Basic-auth encoding of registry `login:password` pairs.
 */
export function configSecrets(config: TidewatchConfig): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined) => {
    if (usable(value)) secrets.add(value);
  };
  for (const [key, value] of leavesOf(config.raw)) {
    if (SECRET_NAME.test(key)) add(value);
    for (const password of urlPassword(value)) add(password);
  }
  if (config.databaseUrl) for (const password of urlPassword(config.databaseUrl)) add(password);
  add(config.secretKey);
  add(config.metrics.token);
  for (const registry of config.registries) {
    const provider = (
      registryProviders as Record<string, { secretKeys: readonly string[] } | undefined>
    )[registry.type];
    for (const key of provider?.secretKeys ?? []) add(registry.values[key]);
    const login = registry.values.login ?? registry.values.username ?? registry.values.user;
    const password = registry.values.password ?? registry.values.token;
    if (login && password) add(Buffer.from(`${login}:${password}`).toString('base64'));
    add(registry.values.auth);
  }
  for (const trigger of config.triggers) {
    const type = (triggerTypes as Record<string, { secretKeys: readonly string[] } | undefined>)[
      trigger.type
    ];
    for (const key of type?.secretKeys ?? []) add(trigger.values[key]);
    const user = trigger.values.auth_user ?? trigger.values.user;
    const password = trigger.values.auth_password ?? trigger.values.pass ?? trigger.values.password;
    if (user && password) add(Buffer.from(`${user}:${password}`).toString('base64'));
  }
  return [...secrets];
}
