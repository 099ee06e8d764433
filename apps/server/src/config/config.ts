import { isAbsolute, resolve } from 'node:path';
import { CronTime } from 'cron';
import { z } from 'zod';
import { type AuthConfig, type CorsConfig, readAuthConfig, readCorsConfig, readTrustProxy } from '../auth/auth-config';
import { ConfigError, type ConfigLeaf, type ConfigTree, buildConfigTree, flattenLeaves, getNode, isLeaf } from './env-tree';

export { ConfigError } from './env-tree';

export interface WatcherConfig {
  name: string;
  socket?: string;
  host?: string;
  port: number;
  protocol: 'http' | 'https';
  cafile?: string;
  certfile?: string;
  keyfile?: string;
  cron: string;
  /** Milliseconds of random delay added to each scheduled check (WUD's JITTER). */
  jitter: number;
  watchbydefault: boolean;
  watchall: boolean;
  watchevents: boolean;
  watchatstart: boolean;
}

/** A configured plug-in instance (registry, trigger): values are validated by the plug-in's own schema. */
export interface ComponentConfig {
  type: string;
  name: string;
  /** Flattened keys, lower-case, `_`-joined: `auth_type`, `url`. */
  values: Record<string, string>;
  /** The variable each key came from, for error messages. */
  sources: Record<string, string>;
}

export interface TidewatchConfig {
  /** `cors`: off unless TIDEWATCH_SERVER_CORS_ORIGIN is set; `trustProxy`: Express's trust proxy (TIDEWATCH_SERVER_TRUSTPROXY). */
  server: { port: number; host: string; cors?: CorsConfig; trustProxy: string | number | boolean };
  /** Sign-in, users, sessions, OIDC, lockout (`TIDEWATCH_AUTH_*`, see auth/auth-config.ts). */
  auth: AuthConfig;
  dataDir: string;
  databaseUrl?: string;
  log: { level: 'error' | 'warn' | 'info' | 'debug' | 'verbose'; format: 'text' | 'json' };
  publicUrl?: string;
  /** Key for secrets at rest; a key file in the data directory when unset. */
  secretKey?: string;
  /** Trigger delivery: retries after the first attempt, back-off base and cap (ms), parallel deliveries. */
  delivery: { retries: number; backoffMs: number; maxBackoffMs: number; concurrency: number; timeoutMs: number };
  watchers: WatcherConfig[];
  registries: ComponentConfig[];
  triggers: ComponentConfig[];
  /** `GET /metrics`: Bearer-token protected (`TOKEN`) unless `AUTH=false`. */
  metrics: { enabled: boolean; auth: boolean; token?: string };
  /** Settings of features that read their own sections (auth, …), kept raw. */
  raw: ConfigTree;
  /** Non-fatal remarks, e.g. WUD variables Tidewatch does not use. */
  warnings: string[];
}

const booleanText = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['true', 'false', '1', '0', 'yes', 'no'].includes(value), 'must be true or false')
  .transform((value) => ['true', '1', 'yes'].includes(value));

const portText = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .refine((port) => port >= 1 && port <= 65535, 'must be a port between 1 and 65535');

const nonNegativeInt = z.string().trim().regex(/^\d+$/, 'must be a whole number of milliseconds').transform(Number);

function boundedInt(min: number, max: number, message: string) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
}

const cronText = z
  .string()
  .trim()
  .refine((expression) => {
    try {
      new CronTime(expression);
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid cron expression (e.g. "0 * * * *")');

const nameText = /^[a-z0-9][a-z0-9-]*$/;

const KNOWN_TOP_LEVEL = new Set(['server', 'data', 'database', 'log', 'public', 'watcher', 'registry', 'trigger', 'auth', 'secret', 'metrics', 'delivery']);
// WUD settings with no meaning here are accepted quietly so a WUD environment boots unchanged.
const WUD_IGNORED = new Set(['store', 'prometheus', 'run', 'event']);

function parseLeaf<T>(leaf: ConfigLeaf, schema: z.ZodType<T>): T {
  const result = schema.safeParse(leaf.value);
  if (!result.success) {
    const message = result.error.issues.map((issue) => issue.message).join('; ');
    throw new ConfigError(`${leaf.source}: ${message} (got "${leaf.value.length > 80 ? `${leaf.value.slice(0, 80)}…` : leaf.value}")`);
  }
  return result.data;
}

function optionalLeaf<T>(tree: ConfigTree, path: string[], schema: z.ZodType<T>): T | undefined {
  const node = getNode(tree, path);
  if (node === undefined) return undefined;
  if (!isLeaf(node)) {
    const first = flattenLeaves(node).values().next().value;
    throw new ConfigError(`${first?.source ?? path.join('_')}: unknown setting`);
  }
  return parseLeaf(node, schema);
}

function assertOnlyKeys(node: ConfigTree, allowed: string[], context: string): void {
  for (const [key, leaf] of flattenLeaves(node)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(`${leaf.source}: unknown ${context} setting "${key.toUpperCase()}" (known: ${allowed.map((k) => k.toUpperCase()).join(', ')})`);
    }
  }
}

const WATCHER_KEYS = ['socket', 'host', 'port', 'protocol', 'cafile', 'certfile', 'keyfile', 'cron', 'jitter', 'watchbydefault', 'watchall', 'watchevents', 'watchatstart', 'watchdigest'];

function readWatchers(tree: ConfigTree): WatcherConfig[] {
  const section = getNode(tree, ['watcher']);
  if (section === undefined) {
    return [defaultWatcher('local', {})];
  }
  if (isLeaf(section)) throw new ConfigError(`${section.source}: expected TIDEWATCH_WATCHER_{name}_{setting}`);
  return Object.entries(section).map(([name, node]) => {
    if (isLeaf(node)) throw new ConfigError(`${node.source}: expected TIDEWATCH_WATCHER_{name}_{setting}`);
    if (!nameText.test(name)) {
      const first = flattenLeaves(node).values().next().value;
      throw new ConfigError(`${first?.source ?? name}: watcher name "${name}" must be lower-case letters, digits or dashes`);
    }
    assertOnlyKeys(node, WATCHER_KEYS, 'watcher');
    return defaultWatcher(name, node);
  });
}

function defaultWatcher(name: string, node: ConfigTree): WatcherConfig {
  const host = optionalLeaf(node, ['host'], z.string().trim().min(1, 'must not be empty'));
  const socket = optionalLeaf(node, ['socket'], z.string().trim().min(1, 'must not be empty'));
  const cafile = optionalLeaf(node, ['cafile'], z.string().trim().min(1));
  const certfile = optionalLeaf(node, ['certfile'], z.string().trim().min(1));
  const keyfile = optionalLeaf(node, ['keyfile'], z.string().trim().min(1));
  const protocol = optionalLeaf(node, ['protocol'], z.enum(['http', 'https'], { message: 'must be http or https' })) ?? (cafile || certfile ? 'https' : 'http');
  if ((certfile === undefined) !== (keyfile === undefined)) {
    const leaf = (getNode(node, [certfile ? 'certfile' : 'keyfile']) as ConfigLeaf).source;
    throw new ConfigError(`${leaf}: CERTFILE and KEYFILE must be set together`);
  }
  return {
    name,
    socket: host ? undefined : (socket ?? '/var/run/docker.sock'),
    host,
    port: optionalLeaf(node, ['port'], portText) ?? 2375,
    protocol,
    cafile,
    certfile,
    keyfile,
    cron: optionalLeaf(node, ['cron'], cronText) ?? '0 * * * *',
    jitter: optionalLeaf(node, ['jitter'], nonNegativeInt) ?? 60000,
    watchbydefault: optionalLeaf(node, ['watchbydefault'], booleanText) ?? true,
    watchall: optionalLeaf(node, ['watchall'], booleanText) ?? false,
    watchevents: optionalLeaf(node, ['watchevents'], booleanText) ?? true,
    watchatstart: optionalLeaf(node, ['watchatstart'], booleanText) ?? true,
  };
}

function readMetrics(tree: ConfigTree): TidewatchConfig['metrics'] {
  const section = getNode(tree, ['metrics']);
  if (section !== undefined && !isLeaf(section)) assertOnlyKeys(section, ['enabled', 'auth', 'token'], 'metrics');
  const token = optionalLeaf(tree, ['metrics', 'token'], z.string().trim().min(16, 'must be at least 16 characters'));
  return {
    enabled: optionalLeaf(tree, ['metrics', 'enabled'], booleanText) ?? true,
    auth: optionalLeaf(tree, ['metrics', 'auth'], booleanText) ?? true,
    ...(token ? { token } : {}),
  };
}

/** `TIDEWATCH_{KIND}_{type}_{name}_{key}` → one component per (type, name). */
function readComponents(tree: ConfigTree, kind: 'registry' | 'trigger'): ComponentConfig[] {
  const section = getNode(tree, [kind]);
  if (section === undefined) return [];
  const hint = `TIDEWATCH_${kind.toUpperCase()}_{type}_{name}_{setting}`;
  if (isLeaf(section)) throw new ConfigError(`${section.source}: expected ${hint}`);
  const components: ComponentConfig[] = [];
  for (const [type, byName] of Object.entries(section)) {
    if (isLeaf(byName)) throw new ConfigError(`${byName.source}: expected ${hint}`);
    for (const [name, node] of Object.entries(byName)) {
      if (isLeaf(node)) throw new ConfigError(`${node.source}: expected ${hint}`);
      if (!nameText.test(name)) {
        const first = flattenLeaves(node).values().next().value;
        throw new ConfigError(`${first?.source ?? name}: ${kind} name "${name}" must be lower-case letters, digits or dashes`);
      }
      const values: Record<string, string> = {};
      const sources: Record<string, string> = {};
      for (const [key, leaf] of flattenLeaves(node)) {
        values[key] = leaf.value;
        sources[key] = leaf.source;
      }
      components.push({ type, name, values, sources });
    }
  }
  return components;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): TidewatchConfig {
  const tree = buildConfigTree(env);
  const warnings: string[] = [];
  for (const [key, node] of Object.entries(tree)) {
    if (KNOWN_TOP_LEVEL.has(key)) continue;
    const leaf = isLeaf(node) ? node : flattenLeaves(node).values().next().value;
    if (!leaf) continue;
    if (leaf.source.startsWith('WUD_')) {
      if (!WUD_IGNORED.has(key)) warnings.push(`${leaf.source} is a WUD setting Tidewatch does not use; ignored`);
      continue;
    }
    throw new ConfigError(`${leaf.source}: unknown setting`);
  }
  const dataDirText = optionalLeaf(tree, ['data', 'dir'], z.string().trim().min(1, 'must not be empty')) ?? './data';
  const databaseUrl = optionalLeaf(
    tree,
    ['database', 'url'],
    z.string().trim().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL'),
  );
  return {
    server: {
      port: optionalLeaf(tree, ['server', 'port'], portText) ?? 3000,
      host: optionalLeaf(tree, ['server', 'host'], z.string().trim().min(1)) ?? '0.0.0.0',
      cors: readCorsConfig(tree),
      trustProxy: readTrustProxy(tree),
    },
    dataDir: isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText),
    databaseUrl,
    log: {
      level: optionalLeaf(tree, ['log', 'level'], z.string().trim().toLowerCase().pipe(z.enum(['error', 'warn', 'info', 'debug', 'verbose'], { message: 'must be error, warn, info, debug or verbose' }))) ?? 'info',
      format: optionalLeaf(tree, ['log', 'format'], z.string().trim().toLowerCase().pipe(z.enum(['text', 'json'], { message: 'must be text or json' }))) ?? 'text',
    },
    publicUrl: optionalLeaf(tree, ['public', 'url'], z.string().trim().url('must be a URL')),
    secretKey: optionalLeaf(tree, ['secret', 'key'], z.string().min(16, 'must be at least 16 characters')),
    delivery: {
      retries: optionalLeaf(tree, ['delivery', 'retries'], boundedInt(0, 50, 'must be a whole number from 0 to 50')) ?? 5,
      backoffMs: optionalLeaf(tree, ['delivery', 'backoff'], boundedInt(1, 3_600_000, 'must be milliseconds from 1 to 3600000')) ?? 2000,
      maxBackoffMs: optionalLeaf(tree, ['delivery', 'maxbackoff'], boundedInt(1, 86_400_000, 'must be milliseconds from 1 to 86400000')) ?? 600_000,
      concurrency: optionalLeaf(tree, ['delivery', 'concurrency'], boundedInt(1, 256, 'must be a whole number from 1 to 256')) ?? 8,
      timeoutMs: optionalLeaf(tree, ['delivery', 'timeout'], boundedInt(100, 600_000, 'must be milliseconds from 100 to 600000')) ?? 30_000,
    },
    metrics: readMetrics(tree),
    watchers: readWatchers(tree),
    registries: readComponents(tree, 'registry'),
    triggers: readComponents(tree, 'trigger'),
    auth: readAuthConfig(tree),
    raw: tree,
    warnings,
  };
}
