import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Not, type Repository } from 'typeorm';
import { ApiTokenEntity, AuditLogEntity, LoginAttemptEntity, SessionEntity, UserEntity } from '../database/entities';
import type { AttemptState } from './lockout';

/** Storage of users, sessions, API tokens, sign-in attempts and audit entries: the only user of those tables. */
@Injectable()
export class AuthStore {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
    @InjectRepository(LoginAttemptEntity) private readonly attempts: Repository<LoginAttemptEntity>,
    @InjectRepository(AuditLogEntity) private readonly audit: Repository<AuditLogEntity>,
  ) {}

  // Users
  listUsers(): Promise<UserEntity[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }
  findUser(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }
  findUserByName(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }
  findOidcUser(provider: string, subject: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ oidcProvider: provider, oidcSubject: subject });
  }
  countUsers(): Promise<number> {
    return this.users.count();
  }
  countEnabledAdmins(): Promise<number> {
    return this.users.countBy({ role: 'admin', disabled: false });
  }
  envUsers(): Promise<UserEntity[]> {
    return this.users.findBy({ source: 'env' });
  }
  async saveUser(user: UserEntity): Promise<UserEntity> {
    return this.users.save(user);
  }
  newUser(fields: Partial<UserEntity>): UserEntity {
    return this.users.create(fields);
  }
  async deleteUsers(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // Sessions and tokens go with the user (also by foreign key; explicit for SQLite files made without it).
    await this.sessions.delete({ userId: In(ids) });
    await this.tokens.delete({ userId: In(ids) });
    await this.users.delete({ id: In(ids) });
  }

  // Sessions
  insertSession(session: SessionEntity): Promise<unknown> {
    return this.sessions.insert(session);
  }
  newSession(fields: Partial<SessionEntity>): SessionEntity {
    return this.sessions.create(fields);
  }
  findSessionByHash(tokenHash: string): Promise<SessionEntity | null> {
    return this.sessions.findOneBy({ tokenHash });
  }
  listSessions(userId: string): Promise<SessionEntity[]> {
    return this.sessions.find({ where: { userId }, order: { lastSeenAt: 'DESC' } });
  }
  async touchSession(id: string, lastSeenAt: number): Promise<void> {
    await this.sessions.update({ id }, { lastSeenAt });
  }
  async deleteSession(where: { id: string; userId?: string } | { tokenHash: string }): Promise<boolean> {
    const result = await this.sessions.delete(where);
    return (result.affected ?? 0) > 0;
  }
  async deleteUserSessions(userId: string, exceptId?: string): Promise<number> {
    const result = await this.sessions.delete(exceptId ? { userId, id: Not(exceptId) } : { userId });
    return result.affected ?? 0;
  }
  async deleteExpiredSessions(now: number, idleMs: number): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(now) });
    await this.sessions.delete({ lastSeenAt: LessThan(now - idleMs) });
  }

  // API tokens
  insertToken(token: ApiTokenEntity): Promise<unknown> {
    return this.tokens.insert(token);
  }
  newToken(fields: Partial<ApiTokenEntity>): ApiTokenEntity {
    return this.tokens.create(fields);
  }
  findTokenByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }
  listTokens(userId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.find({ where: { userId }, order: { createdAt: 'DESC' } });
  }
  async touchToken(id: string, lastUsedAt: number): Promise<void> {
    await this.tokens.update({ id }, { lastUsedAt });
  }
  async deleteToken(id: string, userId: string): Promise<boolean> {
    const result = await this.tokens.delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  // Sign-in attempts
  async getAttempt(key: string): Promise<AttemptState | null> {
    return this.attempts.findOneBy({ key });
  }
  async saveAttempt(key: string, state: AttemptState): Promise<void> {
    await this.attempts.save(this.attempts.create({ key, ...state }));
  }
  async clearAttempt(key: string): Promise<void> {
    await this.attempts.delete({ key });
  }

  // Audit log
  async insertAudit(entry: AuditLogEntity): Promise<void> {
    await this.audit.insert(entry);
  }
  newAudit(fields: Partial<AuditLogEntity>): AuditLogEntity {
    return this.audit.create(fields);
  }
  pageAudit(filter: { actor?: string; action?: string }, skip: number, take: number): Promise<[AuditLogEntity[], number]> {
    const where: Partial<Pick<AuditLogEntity, 'actor' | 'action'>> = {};
    if (filter.actor) where.actor = filter.actor;
    if (filter.action) where.action = filter.action;
    return this.audit.findAndCount({ where, order: { at: 'DESC', id: 'DESC' }, skip, take });
  }
}
