import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { ApiTokenEntity } from '../database/entities';
import { AuthStore } from './auth.store';
import { randomToken, sha256Hex } from './secrets';

const DAY = 86_400_000;
const TOUCH_EVERY_MS = 60_000;

/** Personal API tokens: 256 random bits, shown once, stored as SHA-256 (enough for a token that long). */
@Injectable()
export class ApiTokensService {
  constructor(private readonly store: AuthStore) {}

  async create(userId: string, name: string, scope: 'read' | 'write', expiresInDays: number | null): Promise<{ token: string; entity: ApiTokenEntity }> {
    const token = randomToken('twt_');
    const now = Date.now();
    const entity = this.store.newToken({
      id: randomUUID(),
      tokenHash: sha256Hex(token),
      userId,
      name,
      prefix: token.slice(0, 10),
      scope,
      createdAt: now,
      expiresAt: expiresInDays === null ? null : now + expiresInDays * DAY,
      lastUsedAt: null,
    });
    await this.store.insertToken(entity);
    return { token, entity };
  }

  /** The live token for a bearer value, or undefined (unknown or expired). */
  async resolve(token: string): Promise<ApiTokenEntity | undefined> {
    if (!token.startsWith('twt_') || token.length > 200) return undefined;
    const entity = await this.store.findTokenByHash(sha256Hex(token));
    if (!entity) return undefined;
    const now = Date.now();
    if (entity.expiresAt !== null && now >= entity.expiresAt) return undefined;
    if (entity.lastUsedAt === null || now - entity.lastUsedAt >= TOUCH_EVERY_MS) {
      entity.lastUsedAt = now;
      await this.store.touchToken(entity.id, now);
    }
    return entity;
  }

  list(userId: string): Promise<ApiTokenEntity[]> {
    return this.store.listTokens(userId);
  }

  async revoke(userId: string, id: string): Promise<void> {
    if (!(await this.store.deleteToken(id, userId))) throw new NotFoundException(`API token ${id} not found`);
  }
}
