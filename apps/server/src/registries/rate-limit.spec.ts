import { parseRateLimit, parseRateLimitValue, parseRetryAfter } from './rate-limit';

describe('parseRateLimitValue', () => {
  it.each([
    ['100;w=21600', { quota: 100, windowSeconds: 21600 }],
    ['100', { quota: 100 }],
    [' 76 ; w=21600 ', { quota: 76, windowSeconds: 21600 }],
    ['100, 100;w=21600', { quota: 100, windowSeconds: 21600 }],
    ['0;w=21600', { quota: 0, windowSeconds: 21600 }],
    ['100;W=60', { quota: 100, windowSeconds: 60 }],
    ['100;w=abc', { quota: 100 }],
    ['abc', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRateLimitValue(value)).toEqual(expected);
  });
});

describe('parseRateLimit', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('reads Docker Hub headers', () => {
    expect(parseRateLimit('100;w=21600', '20;w=21600', now)).toEqual({
      limit: 100,
      remaining: 20,
      windowSeconds: 21600,
      updatedAt: now,
    });
  });
  it('takes the window from either header', () => {
    expect(parseRateLimit('100', '20;w=60', now)).toEqual({
      limit: 100,
      remaining: 20,
      windowSeconds: 60,
      updatedAt: now,
    });
  });
  it('has no window when none is sent', () => {
    expect(parseRateLimit('100', '20', now)).toEqual({ limit: 100, remaining: 20, updatedAt: now });
  });
  it.each([
    [undefined, '20'],
    ['100', undefined],
    ['x', '1'],
  ])('is undefined for %j / %j', (limit, remaining) => {
    expect(parseRateLimit(limit, remaining, now)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['0', 0],
    ['5', 5000],
    [' 120 ', 120000],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
