/** What is remembered per key (`user:alice`, `ip:203.0.113.7`). */
export interface AttemptState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export interface LockoutSettings {
  /** Failures before the first lock. */
  threshold: number;
  baseMs: number;
  maxMs: number;
  /** Quiet time after which failures are forgotten. */
  windowMs: number;
}

/** Milliseconds left on a lock (0 when not locked). */
export function lockRemainingMs(state: AttemptState | null | undefined, now: number): number {
  return state ? Math.max(0, state.lockedUntil - now) : 0;
}

/**
 * The state after one more failure: from the `threshold`-th failure on, the key is locked for
 * base·2^(failures−threshold), capped at max — exponential back-off. Failures older than the
 * window (counted from the end of the last lock) are forgotten.
 */
export function afterFailure(state: AttemptState | null | undefined, now: number, settings: LockoutSettings): AttemptState {
  const quietSince = state ? Math.max(state.lastFailureAt, state.lockedUntil) : 0;
  const previous = state && now - quietSince <= settings.windowMs ? state.failures : 0;
  const failures = previous + 1;
  const over = failures - settings.threshold;
  const lockedUntil = over >= 0 ? now + Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(over, 30)) : 0;
  return { failures, lastFailureAt: now, lockedUntil };
}
