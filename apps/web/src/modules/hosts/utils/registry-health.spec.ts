import { quotaText, registryHealth } from './registry-health';

const rate = (remaining: number, limit = 100) => ({
  limit,
  remaining,
  windowSeconds: 21600,
  updatedAt: '2026-11-21T10:00:00Z',
});

describe('registry health', () => {
  it.each([
    [{ requests: [], rateLimit: null }, 'neutral', 'not used yet'],
    [{ requests: [{ kind: 'tags', status: '200', count: 5 }], rateLimit: null }, 'ok', 'healthy'],
    [
      {
        requests: [
          { kind: 'tags', status: '200', count: 5 },
          { kind: 'tags', status: '429', count: 1 },
        ],
        rateLimit: null,
      },
      'warn',
      '1 of 6 requests failed',
    ],
    [
      { requests: [{ kind: 'tags', status: 'network', count: 2 }], rateLimit: null },
      'error',
      'failing',
    ],
    [
      { requests: [{ kind: 'manifest-head', status: '200', count: 1 }], rateLimit: rate(5) },
      'warn',
      'quota low',
    ],
    [
      { requests: [{ kind: 'manifest-head', status: '200', count: 1 }], rateLimit: rate(0) },
      'error',
      'quota exhausted',
    ],
  ])('%j → %s %s', (registry, tone, text) => {
    expect(registryHealth(registry)).toEqual({ tone, text });
  });

  it('words the quota', () => {
    expect(quotaText(rate(87))).toBe('87 of 100 left per 6 h');
    expect(quotaText(null)).toBe('no quota reported');
  });
});
