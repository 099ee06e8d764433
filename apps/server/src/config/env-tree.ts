import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** A configuration leaf remembers where it came from so errors can name the variable. */
export interface ConfigLeaf {
  value: string;
  source: string;
}

export interface ConfigTree {
  [key: string]: ConfigTree | ConfigLeaf;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function isLeaf(node: ConfigTree | ConfigLeaf | undefined): node is ConfigLeaf {
  return node !== undefined && typeof (node as ConfigLeaf).source === 'string' && typeof (node as ConfigLeaf).value === 'string';
}

// WUD names some kinds differently; a WUD user's variables keep their meaning here.
const WUD_TRIGGER_TYPES: Record<string, string> = {
  http: 'webhook',
  smtp: 'email',
  dockercompose: 'compose',
};

function translateWudPath(path: string[]): string[] {
  if (path[0] === 'trigger' && path[1] && WUD_TRIGGER_TYPES[path[1]]) {
    return ['trigger', WUD_TRIGGER_TYPES[path[1]], ...path.slice(2)];
  }
  return path;
}

function setLeaf(tree: ConfigTree, path: string[], leaf: ConfigLeaf): void {
  let node = tree;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    const existing = node[segment];
    if (last) {
      if (existing !== undefined && !isLeaf(existing)) {
        throw new ConfigError(`${leaf.source} conflicts with other variables that use it as a prefix`);
      }
      node[segment] = leaf;
      return;
    }
    if (existing === undefined) {
      node[segment] = {};
    } else if (isLeaf(existing)) {
      throw new ConfigError(`${existing.source} conflicts with ${leaf.source}`);
    }
    node = node[segment] as ConfigTree;
  }
}

function readSecretFile(variable: string, file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${variable}: cannot read secret file ${file} (${reason})`);
  }
}

/**
 * Builds the configuration tree from `TIDEWATCH_*` variables (and their `WUD_*` twins), WUD-style:
 * the name is lower-cased and split on `_`, so `TIDEWATCH_TRIGGER_WEBHOOK_OPS_AUTH_TYPE` becomes
 * `trigger.webhook.ops.auth.type`. `X__FILE=/path` reads the value of `X` from a file.
 * Tidewatch variables win over WUD twins; both win over the optional YAML file.
 */
export function buildConfigTree(env: NodeJS.ProcessEnv): ConfigTree {
  const tree: ConfigTree = {};
  const yamlPath = env.TIDEWATCH_CONFIG;
  if (yamlPath) {
    mergeYaml(tree, yamlPath);
  }
  const entries = Object.entries(env).filter(([name]) => name.startsWith('WUD_') || name.startsWith('TIDEWATCH_'));
  // WUD first so that TIDEWATCH_* overrides the same setting.
  entries.sort(([a], [b]) => Number(b.startsWith('WUD_')) - Number(a.startsWith('WUD_')) || a.localeCompare(b));
  for (const [name, raw] of entries) {
    if (raw === undefined || name === 'TIDEWATCH_CONFIG') continue;
    const isWud = name.startsWith('WUD_');
    let variable = name;
    let value = raw;
    if (name.endsWith('__FILE')) {
      variable = name.slice(0, -'__FILE'.length);
      value = readSecretFile(name, raw);
    }
    const segments = variable
      .slice(isWud ? 'WUD_'.length : 'TIDEWATCH_'.length)
      .toLowerCase()
      .split('_')
      .filter((segment) => segment.length > 0);
    if (segments.length === 0) continue;
    const path = isWud ? translateWudPath(segments) : segments;
    setLeafOverriding(tree, path, { value, source: name });
  }
  return tree;
}

function setLeafOverriding(tree: ConfigTree, path: string[], leaf: ConfigLeaf): void {
  const parent = getNode(tree, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent && !isLeaf(parent) && isLeaf(parent[last])) {
    parent[last] = leaf;
    return;
  }
  setLeaf(tree, path, leaf);
}

function mergeYaml(tree: ConfigTree, file: string): void {
  let document: unknown;
  try {
    document = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`TIDEWATCH_CONFIG: cannot read YAML file ${file} (${reason})`);
  }
  if (document === null || document === undefined) return;
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw new ConfigError(`TIDEWATCH_CONFIG: ${file} must contain a mapping at the top level`);
  }
  const walk = (value: unknown, path: string[]): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) {
        walk(child, [...path, ...key.toLowerCase().split('_').filter(Boolean)]);
      }
      return;
    }
    const text = Array.isArray(value) ? value.map((item) => scalarText(item)).join(',') : scalarText(value);
    setLeaf(tree, path, { value: text, source: `${file}: ${path.join('.')}` });
  };
  walk(document, []);
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

export function getNode(tree: ConfigTree, path: string[]): ConfigTree | ConfigLeaf | undefined {
  let node: ConfigTree | ConfigLeaf | undefined = tree;
  for (const segment of path) {
    if (node === undefined || isLeaf(node)) return undefined;
    node = node[segment];
  }
  return node;
}

/** Flattens a subtree back to `{ 'auth.type': leaf }`-style keys (joined with `_`, as WUD does). */
export function flattenLeaves(node: ConfigTree | ConfigLeaf | undefined, prefix: string[] = []): Map<string, ConfigLeaf> {
  const out = new Map<string, ConfigLeaf>();
  if (node === undefined) return out;
  if (isLeaf(node)) {
    out.set(prefix.join('_'), node);
    return out;
  }
  for (const [key, child] of Object.entries(node)) {
    for (const [flatKey, leaf] of flattenLeaves(child, [...prefix, key])) out.set(flatKey, leaf);
  }
  return out;
}
