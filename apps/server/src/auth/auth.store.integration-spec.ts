// The auth tables through real migrations on SQLite and PostgreSQL: types survive the round trip
// (bigint epoch milliseconds, booleans), uniqueness holds, and users take their sessions and tokens along.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startPostgres, type TestPostgres } from '../../../../test/env';
import { dataSourceOptions } from '../database/data-source';
import { ApiTokenEntity, AuditLogEntity, LoginAttemptEntity, SessionEntity, UserEntity } from '../database/entities';
import { AuthStore } from './auth.store';

describe.each(['sqlite', 'postgres'] as const)('auth store on %s', (backend) => {
  let postgres: TestPostgres | undefined;
  let dataDir: string;
  let source: DataSource;
  let store: AuthStore;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tw-auth-db-'));
    if (backend === 'postgres') postgres = await startPostgres();
    source = await new DataSource(dataSourceOptions({ dataDir, databaseUrl: postgres?.url })).initialize();
    store = new AuthStore(
      source.getRepository(UserEntity),
      source.getRepository(SessionEntity),
      source.getRepository(ApiTokenEntity),
      source.getRepository(LoginAttemptEntity),
      source.getRepository(AuditLogEntity),
    );
  });

  afterAll(async () => {
    await source?.destroy();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores users, sessions, tokens and attempts with their types intact', async () => {
    const now = Date.now();
    const user = await store.saveUser(store.newUser({ id: randomUUID(), username: 'alice', passwordHash: '$argon2id$x', role: 'admin', source: 'local', sourceRef: null, oidcProvider: null, oidcSubject: null, disabled: false, createdAt: now, lastLoginAt: null }));
    const found = await store.findUserByName('alice');
    expect(found).toMatchObject({ id: user.id, createdAt: now, disabled: false, lastLoginAt: null });
    expect(typeof found?.createdAt).toBe('number');
    await store.insertSession(store.newSession({ id: randomUUID(), tokenHash: 'a'.repeat(64), userId: user.id, method: 'password', createdAt: now, lastSeenAt: now, expiresAt: now + 1000, ip: '127.0.0.1', userAgent: null }));
    expect(await store.findSessionByHash('a'.repeat(64))).toMatchObject({ userId: user.id, expiresAt: now + 1000 });
    await store.insertToken(store.newToken({ id: randomUUID(), tokenHash: 'b'.repeat(64), userId: user.id, name: 'ci', prefix: 'twt_abcdef', scope: 'read', createdAt: now, expiresAt: null, lastUsedAt: null }));
    expect(await store.findTokenByHash('b'.repeat(64))).toMatchObject({ expiresAt: null, scope: 'read' });
    await store.saveAttempt('user:alice', { failures: 3, lastFailureAt: now, lockedUntil: now + 30_000 });
    await store.saveAttempt('user:alice', { failures: 4, lastFailureAt: now, lockedUntil: now + 60_000 });
    expect(await store.getAttempt('user:alice')).toMatchObject({ failures: 4, lockedUntil: now + 60_000 });
    expect(await store.countEnabledAdmins()).toBe(1);
  });

  it('refuses a second user of the same name', async () => {
    await expect(store.saveUser(store.newUser({ id: randomUUID(), username: 'alice', passwordHash: null, role: 'viewer', source: 'local', sourceRef: null, oidcProvider: null, oidcSubject: null, disabled: false, createdAt: Date.now(), lastLoginAt: null }))).rejects.toThrow();
  });

  it('removes a user with their sessions and tokens, and pages the audit log newest first', async () => {
    const alice = await store.findUserByName('alice');
    await store.deleteUsers([alice?.id ?? '']);
    expect(await store.findSessionByHash('a'.repeat(64))).toBeNull();
    expect(await store.findTokenByHash('b'.repeat(64))).toBeNull();
    for (const [index, action] of ['POST /a', 'POST /b', 'DELETE /c'].entries()) {
      await store.insertAudit(store.newAudit({ id: `0000${index}-x`, at: new Date(Date.now() + index).toISOString(), actor: 'admin', action, target: null, details: { status: 200 }, ip: '127.0.0.1' }));
    }
    const [items, total] = await store.pageAudit({ actor: 'admin' }, 0, 2);
    expect(total).toBe(3);
    expect(items.map((item) => item.action)).toEqual(['DELETE /c', 'POST /b']);
    expect(items[0].details).toEqual({ status: 200 });
  });
});
