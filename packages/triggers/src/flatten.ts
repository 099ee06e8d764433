/** A leaf of a flattened object. */
export type FlatValue = string | number | boolean | null;

// lodash's `words()` as far as ASCII goes: camelCase humps, acronyms, digit runs; every other
// character separates words. `displayName` → display_name, `HTTPServer` → http_server, `v2` → v_2.
const WORD = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g;
const SIMPLE_WORD = /^[a-z0-9]+$|^[A-Z0-9]+$/;

/** lodash-compatible `snakeCase` for ASCII keys (non-ASCII letters are kept inside words). */
export function snakeCase(key: string): string {
  // lodash only splits digits from letters when the key needs "unicode" word splitting at all.
  if (SIMPLE_WORD.test(key) && !/[a-zA-Z][0-9]|[0-9][a-zA-Z]/.test(key)) return key.toLowerCase();
  const words: string[] = [];
  // lodash deburrs first (Ä → A) and drops the combining marks.
  const deburred = key.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const chunk of deburred.split(/[^A-Za-z0-9\u00C0-\uFFFF]+/)) {
    if (chunk === '') continue;
    const matched = chunk.match(WORD);
    if (matched) words.push(...matched);
  }
  return words.map((word) => word.toLowerCase()).join('_');
}

/**
 * WUD's `flatten()`: nested objects and arrays become one level, keys snake_cased per segment and
 * joined with `_` (`updateKind.remoteValue` → `update_kind_remote_value`, `image.tag.value` →
 * `image_tag_value`, label `com.docker.compose.project` → `labels_com_docker_compose_project`).
 * Used for the MQTT payload and the command trigger's environment.
 * Unlike the `flat` package, empty objects and arrays are dropped (they carry no value), and
 * `undefined` is dropped rather than kept.
 */
export function flatten(value: unknown): Record<string, FlatValue> {
  const out: Record<string, FlatValue> = {};
  walk(value, '', out, 0);
  delete out.result_changed;
  return out;
}

function walk(value: unknown, prefix: string, out: Record<string, FlatValue>, depth: number): void {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    if (prefix !== '') out[prefix] = value;
    return;
  }
  if (typeof value === 'number') {
    if (prefix !== '') out[prefix] = Number.isFinite(value) ? value : null;
    return;
  }
  if (typeof value === 'bigint') {
    if (prefix !== '') out[prefix] = value.toString();
    return;
  }
  if (depth > 32) return;
  if (value instanceof Date) {
    if (prefix !== '') out[prefix] = value.toISOString();
    return;
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index): [string, unknown] => [String(index), item])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    const segment = snakeCase(key);
    if (segment === '') continue;
    walk(item, prefix === '' ? segment : `${prefix}_${segment}`, out, depth + 1);
  }
}
