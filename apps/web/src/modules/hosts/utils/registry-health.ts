import type { Registry } from '../types';

export type RegistryHealth = { tone: 'ok' | 'warn' | 'error' | 'neutral'; text: string };

/** Requests by outcome, and a one-word health from the last answers and the quota. */
export function registryHealth(registry: Pick<Registry, 'requests' | 'rateLimit'>): RegistryHealth {
  const total = registry.requests.reduce((sum, entry) => sum + entry.count, 0);
  const failed = registry.requests
    .filter((entry) => !/^[23]\d\d$/.test(entry.status))
    .reduce((sum, entry) => sum + entry.count, 0);
  if (registry.rateLimit && registry.rateLimit.remaining <= 0)
    return { tone: 'error', text: 'quota exhausted' };
  if (total === 0) return { tone: 'neutral', text: 'not used yet' };
  if (failed === total) return { tone: 'error', text: 'failing' };
  if (
    registry.rateLimit &&
    registry.rateLimit.limit > 0 &&
    registry.rateLimit.remaining / registry.rateLimit.limit < 0.1
  )
    return { tone: 'warn', text: 'quota low' };
  if (failed > 0) return { tone: 'warn', text: `${failed} of ${total} requests failed` };
  return { tone: 'ok', text: 'healthy' };
}

export function quotaText(rateLimit: Registry['rateLimit']): string {
  if (!rateLimit) return 'no quota reported';
  const window = rateLimit.windowSeconds
    ? ` per ${rateLimit.windowSeconds >= 3600 ? `${Math.round(rateLimit.windowSeconds / 3600)} h` : `${rateLimit.windowSeconds} s`}`
    : '';
  return `${rateLimit.remaining} of ${rateLimit.limit} left${window}`;
}
