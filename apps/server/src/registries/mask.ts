/**
 * Masks a secret for display: `ab****yz` for long values, `****` for short ones so that a
 * short secret never shows most of itself.
 */
export function maskSecret(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === '') return '';
  if (value.length < 10) return '****';
  return `${value.slice(0, 2)}****${value.slice(-2)}`;
}

/** A copy of `config` with every key in `secretKeys` masked. */
export function maskConfiguration(
  config: Readonly<Record<string, string | undefined>>,
  secretKeys: readonly string[],
): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    masked[key] = secretKeys.includes(key) ? (maskSecret(value) ?? '') : value;
  }
  return masked;
}
