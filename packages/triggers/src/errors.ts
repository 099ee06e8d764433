/** Why a delivery failed, for metrics and history filters. */
export type TriggerFailureCode =
  'http-status' | 'timeout' | 'network' | 'aborted' | 'rejected' | 'config' | 'exit-code';

export interface TriggerDeliveryErrorOptions {
  retryable: boolean;
  code: TriggerFailureCode;
  /** HTTP status (or SMTP reply code) when the receiver answered. */
  status?: number;
  /** Receiver's hint (HTTP `Retry-After`, Telegram `retry_after`), in milliseconds. */
  retryAfterMs?: number;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * A failed delivery. `retryable` tells the engine whether another attempt may succeed: 5xx, 408,
 * 429, timeouts and network errors are retryable; other 4xx and configuration problems are not.
 * The message is already redacted.
 */
export class TriggerDeliveryError extends Error {
  readonly retryable: boolean;
  readonly code: TriggerFailureCode;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly details?: Record<string, unknown>;

  constructor(message: string, options: TriggerDeliveryErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TriggerDeliveryError';
    this.retryable = options.retryable;
    this.code = options.code;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.details !== undefined) this.details = options.details;
  }
}

/** Whether an HTTP status is worth retrying: 5xx, 408 Request Timeout and 429 Too Many Requests. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** Parses `Retry-After` (delta-seconds or HTTP date) into milliseconds, capped at one hour. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) {
    ms = Number(trimmed) * 1000;
  } else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - now);
  }
  return Math.min(ms, 3_600_000);
}

/** The first `code` (ECONNREFUSED, …) along the cause chain; duck-typed because errors may come from another realm. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return undefined;
}

/** `message` of anything thrown. */
export function errorMessage(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    return (error as { message: string }).message;
  }
  return String(error);
}
