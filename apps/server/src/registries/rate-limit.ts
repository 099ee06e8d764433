/** Registry rate-limit state as last reported by `ratelimit-limit` / `ratelimit-remaining`. */
export interface RateLimit {
  limit: number;
  remaining: number;
  /** Window length in seconds (`w=21600` is Docker Hub's 6 hours), when sent. */
  windowSeconds?: number;
  updatedAt: Date;
}

interface RateLimitValue {
  quota: number;
  windowSeconds?: number;
}

/**
 * Parses one rate-limit header value: `100;w=21600` (Docker Hub), `100`, or a list of policies
 * (`100, 100;w=21600`, IETF draft style) where the first number is the quota in effect.
 */
export function parseRateLimitValue(value: string | undefined): RateLimitValue | undefined {
  if (value === undefined) return undefined;
  let quota: number | undefined;
  let windowSeconds: number | undefined;
  for (const item of value.split(',')) {
    const [head, ...params] = item.split(';').map((part) => part.trim());
    if (quota === undefined && head !== undefined && /^\d+$/.test(head)) quota = Number(head);
    for (const param of params) {
      const match = /^w\s*=\s*(\d+)$/i.exec(param);
      if (match && windowSeconds === undefined) windowSeconds = Number(match[1]);
    }
  }
  if (quota === undefined) return undefined;
  return windowSeconds === undefined ? { quota } : { quota, windowSeconds };
}

/** Both headers parsed into a {@link RateLimit}, or undefined when either is absent or invalid. */
export function parseRateLimit(
  limitHeader: string | undefined,
  remainingHeader: string | undefined,
  now = new Date(),
): RateLimit | undefined {
  const limit = parseRateLimitValue(limitHeader);
  const remaining = parseRateLimitValue(remainingHeader);
  if (!limit || !remaining) return undefined;
  const windowSeconds = limit.windowSeconds ?? remaining.windowSeconds;
  const result: RateLimit = { limit: limit.quota, remaining: remaining.quota, updatedAt: now };
  if (windowSeconds !== undefined) result.windowSeconds = windowSeconds;
  return result;
}

/** `Retry-After` as milliseconds from now: delay-seconds or an HTTP date; undefined if invalid. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
