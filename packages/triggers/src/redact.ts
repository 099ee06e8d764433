const MASK = '****';

/**
 * Replaces every occurrence of each secret in `text` with `****`, also in the encodings a secret
 * typically takes on the wire (URL-encoded, base64 of `user:password` is covered by passing it).
 * Longer secrets are replaced first so a secret that contains another is masked whole.
 */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length === 0) continue;
    variants.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) variants.add(encoded);
    const formEncoded = encoded.replace(/%20/g, '+');
    if (formEncoded !== encoded) variants.add(formEncoded);
  }
  let result = text;
  for (const variant of [...variants].sort((a, b) => b.length - a.length)) {
    result = result.split(variant).join(MASK);
  }
  return result;
}

/** Collects the values of a config's secret keys (non-empty strings only). */
export function secretValues(
  config: Record<string, unknown>,
  secretKeys: readonly string[],
): string[] {
  const values: string[] = [];
  for (const key of secretKeys) {
    const value = config[key];
    if (typeof value === 'string' && value.length > 0) values.push(value);
  }
  return values;
}

/** Removes user-info (`user:password@`) from a URL string; leaves anything unparsable as is. */
export function stripUrlCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Redacts a value for a JSON-friendly detail object, recursively. */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, secrets);
    return out;
  }
  return value;
}
