import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AUTH_CONFIG } from './auth.tokens';
import type { AuthConfig } from './auth-config';
import { AuthStore } from './auth.store';
import { afterFailure, lockRemainingMs } from './lockout';

export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins: try again in ${retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Runs `action`; a lockout answer carries `Retry-After`. */
export async function withRetryAfter<T>(response: Response, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof TooManyAttemptsException) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

/**
 * Sign-in throttling per user name and per client IP, with exponential back-off, kept in the
 * database so a restart does not reset it. Attempts run one at a time so parallel guesses
 * cannot slip past a lock.
 */
@Injectable()
export class LoginThrottleService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly store: AuthStore,
  ) {}

  /** Runs `attempt` (which returns whether the credentials were right) under the throttle. */
  run<T>(username: string, ip: string, attempt: () => Promise<T | undefined>): Promise<T | undefined> {
    const next = this.queue.then(() => this.attemptNow(username, ip, attempt));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async attemptNow<T>(username: string, ip: string, attempt: () => Promise<T | undefined>): Promise<T | undefined> {
    const userKey = `user:${username.toLowerCase().slice(0, 180)}`;
    const ipKey = `ip:${ip}`;
    const now = Date.now();
    const [userState, ipState] = await Promise.all([this.store.getAttempt(userKey), this.store.getAttempt(ipKey)]);
    const waitMs = Math.max(lockRemainingMs(userState, now), lockRemainingMs(ipState, now));
    if (waitMs > 0) throw new TooManyAttemptsException(Math.ceil(waitMs / 1000));
    const result = await attempt();
    const { lockout } = this.config;
    if (result === undefined) {
      const settings = { baseMs: lockout.baseMs, maxMs: lockout.maxMs, windowMs: lockout.windowMs };
      await this.store.saveAttempt(userKey, afterFailure(userState, now, { ...settings, threshold: lockout.attempts }));
      await this.store.saveAttempt(ipKey, afterFailure(ipState, now, { ...settings, threshold: lockout.ipAttempts }));
    } else if (userState) {
      await this.store.clearAttempt(userKey);
    }
    return result;
  }
}
