import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { SessionEntity, UserEntity } from '../database/entities';
import { AUTH_CONFIG } from './auth.tokens';
import type { AuthConfig } from './auth-config';
import { AuthStore } from './auth.store';
import { csrfTokenFor, randomToken, sha256Hex } from './secrets';

// last_seen_at is written at most this often (a write per request would be wasteful).
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  session: SessionEntity;
}

/** Server-side sessions with idle and absolute expiry. The cookie token is stored only as its hash. */
@Injectable()
export class SessionsService {
  private lastCleanup = 0;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly store: AuthStore,
  ) {}

  /** A brand-new session; `replacing` (the token the browser had) is revoked, so a planted id is worthless. */
  async create(user: UserEntity, method: string, context: { ip: string; userAgent?: string; replacing?: string }): Promise<NewSession> {
    if (context.replacing) await this.store.deleteSession({ tokenHash: sha256Hex(context.replacing) });
    await this.cleanup();
    const token = randomToken('tws_');
    const now = Date.now();
    const session = this.store.newSession({
      id: randomUUID(),
      tokenHash: sha256Hex(token),
      userId: user.id,
      method: method.slice(0, 80),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.config.session.absoluteMs,
      ip: context.ip,
      userAgent: context.userAgent?.slice(0, 512) ?? null,
    });
    await this.store.insertSession(session);
    return { token, csrfToken: csrfTokenFor(token), session };
  }

  /** The live session of a cookie token, touched; undefined when unknown, idle too long or past its absolute expiry. */
  async resolve(token: string): Promise<SessionEntity | undefined> {
    const session = await this.store.findSessionByHash(sha256Hex(token));
    if (!session) return undefined;
    const now = Date.now();
    if (now >= session.expiresAt || now - session.lastSeenAt >= this.config.session.idleMs) {
      await this.store.deleteSession({ id: session.id });
      return undefined;
    }
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) {
      session.lastSeenAt = now;
      await this.store.touchSession(session.id, now);
    }
    return session;
  }

  idleExpiry(session: SessionEntity): number {
    return Math.min(session.expiresAt, session.lastSeenAt + this.config.session.idleMs);
  }

  list(userId: string): Promise<SessionEntity[]> {
    return this.store.listSessions(userId);
  }

  async revoke(userId: string, id: string): Promise<void> {
    if (!(await this.store.deleteSession({ id, userId }))) throw new NotFoundException(`Session ${id} not found`);
  }

  async revokeToken(token: string): Promise<void> {
    await this.store.deleteSession({ tokenHash: sha256Hex(token) });
  }

  revokeAll(userId: string, exceptId?: string): Promise<number> {
    return this.store.deleteUserSessions(userId, exceptId);
  }

  private async cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = now;
    await this.store.deleteExpiredSessions(now, this.config.session.idleMs);
  }
}
