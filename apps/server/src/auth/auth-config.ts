import { z } from 'zod';
import { ConfigError, type ConfigLeaf, type ConfigTree, flattenLeaves, getNode, isLeaf } from '../config/env-tree';
import { isSupportedHtpasswdHash } from './htpasswd';
import { ROLES, type Role } from './roles';

/** An OpenID Connect provider (`TIDEWATCH_AUTH_OIDC_{name}_*`, WUD's `WUD_AUTH_OIDC_{name}_*`). */
export interface OidcProviderConfig {
  name: string;
  discovery: string;
  clientId: string;
  clientSecret?: string;
  /** The callback URL registered at the provider; derived from PUBLIC_URL or the request when unset. */
  redirect?: string;
  scope: string;
  /** Dot path of the claim holding groups or roles (`groups`, `realm_access.roles`). */
  roleClaim: string;
  adminGroups: string[];
  operatorGroups: string[];
  viewerGroups: string[];
  /** Role of a user in none of the groups; `none` refuses the sign-in. */
  defaultRole: Role | 'none';
  label: string;
  /** Allow a plain-http provider (tests, labs). */
  insecure: boolean;
  timeoutMs: number;
}

/** A WUD basic-auth user (`{WUD|TIDEWATCH}_AUTH_BASIC_{name}_USER/HASH`), kept for migration. */
export interface BasicUserConfig {
  name: string;
  user: string;
  /** An htpasswd hash: bcrypt (`$2y$`), Apache MD5 (`$apr1$`) or `{SHA}`. */
  hash: string;
  role: Role;
  source: string;
}

export interface AuthConfig {
  /** `TIDEWATCH_AUTH_DISABLED=true`: everyone is admin (trusted networks only). */
  disabled: boolean;
  /** `TIDEWATCH_AUTH_ADMIN_USER` / `_PASSWORD`: an admin managed by the environment. */
  admin?: { user: string; password: string; source: string };
  basic: BasicUserConfig[];
  oidc: OidcProviderConfig[];
  session: { idleMs: number; absoluteMs: number; cookieSecure: 'auto' | 'always' | 'never' };
  /** Sign-in throttling: after `attempts` failures per user (`ipAttempts` per IP) within `windowMs`, lock for base·2^n up to max. */
  lockout: { attempts: number; ipAttempts: number; baseMs: number; maxMs: number; windowMs: number };
}

const MINUTE = 60_000;

const booleanText = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['true', 'false', '1', '0', 'yes', 'no'].includes(value), 'must be true or false')
  .transform((value) => ['true', '1', 'yes'].includes(value));

function wholeNumber(min: number, max: number, unit: string) {
  const message = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.string().trim().regex(/^\d+$/, message).transform(Number).refine((value) => value >= min && value <= max, message);
}

const roleText = z.string().trim().toLowerCase().pipe(z.enum(ROLES, { message: 'must be admin, operator or viewer' }));
const listText = z.string().transform((value) => value.split(/[,;]/).map((item) => item.trim()).filter(Boolean));
const nameText = /^[a-z0-9][a-z0-9-]*$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9._@+-]{1,128}$/;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

function parseLeaf<T>(leaf: ConfigLeaf, schema: z.ZodType<T>, secret = false): T {
  const result = schema.safeParse(leaf.value);
  if (!result.success) {
    const message = result.error.issues.map((issue) => issue.message).join('; ');
    const shown = secret ? '' : ` (got "${leaf.value.length > 80 ? `${leaf.value.slice(0, 80)}…` : leaf.value}")`;
    throw new ConfigError(`${leaf.source}: ${message}${shown}`);
  }
  return result.data;
}

function leaf(tree: ConfigTree, path: string[]): ConfigLeaf | undefined {
  const node = getNode(tree, path);
  if (node === undefined) return undefined;
  if (!isLeaf(node)) {
    const first = flattenLeaves(node).values().next().value;
    throw new ConfigError(`${first?.source ?? path.join('_')}: unknown setting`);
  }
  return node;
}

function optional<T>(tree: ConfigTree, path: string[], schema: z.ZodType<T>, secret = false): T | undefined {
  const found = leaf(tree, path);
  return found === undefined ? undefined : parseLeaf(found, schema, secret);
}

function assertOnlyKeys(node: ConfigTree, allowed: string[], context: string): void {
  for (const [key, value] of flattenLeaves(node)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(`${value.source}: unknown ${context} setting "${key.toUpperCase()}" (known: ${allowed.map((k) => k.toUpperCase()).join(', ')})`);
    }
  }
}

/** Named sub-sections (`AUTH_BASIC_{name}_*`, `AUTH_OIDC_{name}_*`). */
function named(tree: ConfigTree, kind: 'basic' | 'oidc'): Array<[string, ConfigTree]> {
  const section = getNode(tree, [kind]);
  if (section === undefined) return [];
  const hint = `TIDEWATCH_AUTH_${kind.toUpperCase()}_{name}_{setting}`;
  if (isLeaf(section)) throw new ConfigError(`${section.source}: expected ${hint}`);
  return Object.entries(section).map(([name, node]) => {
    if (isLeaf(node)) throw new ConfigError(`${node.source}: expected ${hint}`);
    if (!nameText.test(name)) {
      const first = flattenLeaves(node).values().next().value;
      throw new ConfigError(`${first?.source ?? name}: name "${name}" must be lower-case letters, digits or dashes`);
    }
    return [name, node];
  });
}

function required(node: ConfigTree, key: string, name: string, kind: string): ConfigLeaf {
  const found = leaf(node, [key]);
  if (found === undefined || found.value.trim() === '') {
    const first = flattenLeaves(node).values().next().value;
    const variable = first?.source.replace(/_[A-Z0-9]+(__FILE)?$/, `_${key.toUpperCase()}`) ?? `TIDEWATCH_AUTH_${kind}_${name.toUpperCase()}_${key.toUpperCase()}`;
    throw new ConfigError(`${variable}: is required`);
  }
  return found;
}

function readBasic(tree: ConfigTree): BasicUserConfig[] {
  return named(tree, 'basic').map(([name, node]) => {
    assertOnlyKeys(node, ['user', 'hash', 'role'], 'basic auth');
    const user = required(node, 'user', name, 'BASIC');
    const hash = required(node, 'hash', name, 'BASIC');
    parseLeaf(user, z.string().trim().regex(USERNAME_PATTERN, 'must be 1-128 letters, digits or . _ @ + -'));
    if (!isSupportedHtpasswdHash(hash.value.trim())) {
      throw new ConfigError(`${hash.source}: must be an htpasswd hash made with bcrypt ($2y$, htpasswd -B), Apache MD5 ($apr1$) or SHA-1 ({SHA}); plain text and crypt() are not accepted`);
    }
    return { name, user: user.value.trim(), hash: hash.value.trim(), role: optional(node, ['role'], roleText) ?? 'admin', source: hash.source };
  });
}

const OIDC_KEYS = ['discovery', 'clientid', 'clientsecret', 'redirect', 'scope', 'roleclaim', 'admingroups', 'operatorgroups', 'viewergroups', 'defaultrole', 'label', 'insecure', 'timeout'];

function readOidc(tree: ConfigTree): OidcProviderConfig[] {
  return named(tree, 'oidc').map(([name, node]) => {
    assertOnlyKeys(node, OIDC_KEYS, 'OIDC');
    const insecure = optional(node, ['insecure'], booleanText) ?? false;
    const url = z
      .string()
      .trim()
      .url('must be a URL')
      .refine((value) => value.startsWith('https://') || (insecure && value.startsWith('http://')), insecure ? 'must be an http(s) URL' : 'must be an https:// URL (or set INSECURE=true)');
    const discovery = parseLeaf(required(node, 'discovery', name, 'OIDC'), url);
    const clientId = parseLeaf(required(node, 'clientid', name, 'OIDC'), z.string().trim().min(1));
    return {
      name,
      discovery,
      clientId,
      clientSecret: optional(node, ['clientsecret'], z.string().min(1), true),
      redirect: optional(node, ['redirect'], url),
      scope: optional(node, ['scope'], z.string().trim().min(1)) ?? 'openid profile email groups',
      roleClaim: optional(node, ['roleclaim'], z.string().trim().regex(/^[\w.:/-]+$/, 'must be a claim name or dot path')) ?? 'groups',
      adminGroups: optional(node, ['admingroups'], listText) ?? [],
      operatorGroups: optional(node, ['operatorgroups'], listText) ?? [],
      viewerGroups: optional(node, ['viewergroups'], listText) ?? [],
      defaultRole: optional(node, ['defaultrole'], z.string().trim().toLowerCase().pipe(z.enum([...ROLES, 'none'], { message: 'must be none, viewer, operator or admin' }))) ?? 'none',
      label: optional(node, ['label'], z.string().trim().min(1).max(64)) ?? name,
      insecure,
      timeoutMs: optional(node, ['timeout'], wholeNumber(100, 120_000, 'milliseconds')) ?? 5000,
    };
  });
}

function readAdmin(tree: ConfigTree): AuthConfig['admin'] {
  const user = leaf(tree, ['admin', 'user']);
  const password = leaf(tree, ['admin', 'password']);
  const section = getNode(tree, ['admin']);
  if (section !== undefined && !isLeaf(section)) assertOnlyKeys(section, ['user', 'password'], 'admin');
  if (!user && !password) return undefined;
  if (!user) throw new ConfigError(`${password?.source}: TIDEWATCH_AUTH_ADMIN_USER must be set too`);
  if (!password) throw new ConfigError(`${user.source}: TIDEWATCH_AUTH_ADMIN_PASSWORD (or TIDEWATCH_AUTH_ADMIN_PASSWORD__FILE) must be set too`);
  parseLeaf(user, z.string().trim().regex(USERNAME_PATTERN, 'must be 1-128 letters, digits or . _ @ + -'));
  parseLeaf(password, z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`), true);
  return { user: user.value.trim(), password: password.value, source: password.source };
}

/** Reads and validates the `auth` section (`TIDEWATCH_AUTH_*` and WUD's `WUD_AUTH_*`). */
export function readAuthConfig(root: ConfigTree): AuthConfig {
  const node = getNode(root, ['auth']);
  if (node !== undefined && isLeaf(node)) throw new ConfigError(`${node.source}: unknown setting`);
  const tree: ConfigTree = node ?? {};
  for (const key of Object.keys(tree)) {
    if (!['disabled', 'admin', 'basic', 'oidc', 'session', 'cookie', 'lockout'].includes(key)) {
      const node = tree[key];
      const first = isLeaf(node) ? node : flattenLeaves(node).values().next().value;
      throw new ConfigError(`${first?.source ?? key}: unknown auth setting`);
    }
  }
  for (const section of ['session', 'cookie', 'lockout'] as const) {
    const sub = getNode(tree, [section]);
    if (sub !== undefined && !isLeaf(sub)) {
      assertOnlyKeys(sub, { session: ['idle', 'absolute'], cookie: ['secure'], lockout: ['attempts', 'ipattempts', 'base', 'max', 'window'] }[section], section);
    }
  }
  const idleMinutes = optional(tree, ['session', 'idle'], wholeNumber(1, 525_600, 'minutes')) ?? 12 * 60;
  const absoluteMinutes = optional(tree, ['session', 'absolute'], wholeNumber(1, 525_600, 'minutes')) ?? 7 * 24 * 60;
  const secure = optional(tree, ['cookie', 'secure'], z.string().trim().toLowerCase().pipe(z.enum(['auto', 'true', 'false'], { message: 'must be auto, true or false' }))) ?? 'auto';
  return {
    disabled: optional(tree, ['disabled'], booleanText) ?? false,
    admin: readAdmin(tree),
    basic: readBasic(tree),
    oidc: readOidc(tree),
    session: { idleMs: idleMinutes * MINUTE, absoluteMs: Math.max(idleMinutes, absoluteMinutes) * MINUTE, cookieSecure: secure === 'auto' ? 'auto' : secure === 'true' ? 'always' : 'never' },
    lockout: {
      attempts: optional(tree, ['lockout', 'attempts'], wholeNumber(1, 1000, 'attempts')) ?? 5,
      ipAttempts: optional(tree, ['lockout', 'ipattempts'], wholeNumber(1, 100_000, 'attempts')) ?? 20,
      baseMs: (optional(tree, ['lockout', 'base'], wholeNumber(1, 86_400, 'seconds')) ?? 30) * 1000,
      maxMs: (optional(tree, ['lockout', 'max'], wholeNumber(1, 604_800, 'seconds')) ?? 900) * 1000,
      windowMs: (optional(tree, ['lockout', 'window'], wholeNumber(1, 604_800, 'seconds')) ?? 900) * 1000,
    },
  };
}

/** `TIDEWATCH_SERVER_CORS_*` (WUD: `WUD_SERVER_CORS_*`): off unless an origin is configured. */
export interface CorsConfig {
  origins: string[] | '*';
  methods: string[];
}

export function readCorsConfig(root: ConfigTree): CorsConfig | undefined {
  const section = getNode(root, ['server', 'cors']);
  if (section === undefined) return undefined;
  if (isLeaf(section)) throw new ConfigError(`${section.source}: expected TIDEWATCH_SERVER_CORS_ORIGIN`);
  assertOnlyKeys(section, ['enabled', 'origin', 'methods'], 'CORS');
  const enabled = optional(section, ['enabled'], booleanText);
  const origin = optional(
    section,
    ['origin'],
    listText.refine((origins) => origins.length > 0 && origins.every((item) => item === '*' || /^https?:\/\/[^/\s]+$/.test(item)), 'must be * or a comma-separated list of origins like https://dash.example.com'),
  );
  if (enabled === false || (enabled === undefined && origin === undefined)) return undefined;
  const methods = optional(section, ['methods'], listText.refine((items) => items.every((item) => /^[A-Za-z]+$/.test(item)), 'must be HTTP methods')) ?? ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
  return { origins: !origin || origin.includes('*') ? '*' : origin, methods: methods.map((method) => method.toUpperCase()) };
}

/** `TIDEWATCH_SERVER_TRUSTPROXY`: Express's `trust proxy` (client IP and https from X-Forwarded-*). */
export function readTrustProxy(root: ConfigTree): string | number | boolean {
  const value = optional(root, ['server', 'trustproxy'], z.string().trim().min(1));
  if (value === undefined) return false;
  if (['true', 'false'].includes(value.toLowerCase())) return value.toLowerCase() === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
