import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { UserEntity } from '../database/entities';
import { AUTH_CONFIG } from './auth.tokens';
import type { AuthConfig } from './auth-config';
import { AuthStore } from './auth.store';
import { hashPassword, verifyPassword } from './password-hasher';
import { isRole, type Role } from './roles';

export interface UserChanges {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

/** Users: the rules (last admin, read-only environment users) and the environment's users. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly store: AuthStore,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.store.listUsers();
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.store.findUser(id);
    if (!user) throw new NotFoundException(`User ${id} not found`);
    return user;
  }

  findByName(username: string): Promise<UserEntity | null> {
    return this.store.findUserByName(username);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.store.findUser(id);
  }

  async hasUsers(): Promise<boolean> {
    return (await this.store.countUsers()) > 0;
  }

  async create(username: string, password: string, role: Role, source: 'local' = 'local'): Promise<UserEntity> {
    if (await this.store.findUserByName(username)) throw new ConflictException(`User ${username} already exists`);
    const user = this.store.newUser({ id: randomUUID(), username, passwordHash: await hashPassword(password), role, source, sourceRef: null, oidcProvider: null, oidcSubject: null, disabled: false, createdAt: Date.now(), lastLoginAt: null });
    return this.store.saveUser(user);
  }

  async update(id: string, changes: UserChanges): Promise<{ user: UserEntity; revokeSessions: boolean }> {
    const user = await this.get(id);
    this.assertEditable(user);
    if (changes.role !== undefined && user.source === 'oidc' && changes.role !== user.role) {
      throw new ConflictException(`${user.username} signs in with OIDC: the role comes from the provider's groups (TIDEWATCH_AUTH_OIDC_${user.oidcProvider?.toUpperCase()}_*GROUPS)`);
    }
    if (changes.password !== undefined && user.source === 'oidc') throw new ConflictException(`${user.username} signs in with OIDC and has no password here`);
    const losesAdmin = user.role === 'admin' && !user.disabled && ((changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true);
    if (losesAdmin && (await this.store.countEnabledAdmins()) <= 1) throw new ConflictException('This is the last enabled admin: make another admin first');
    if (changes.role !== undefined) user.role = changes.role;
    if (changes.disabled !== undefined) user.disabled = changes.disabled;
    if (changes.password !== undefined) user.passwordHash = await hashPassword(changes.password);
    return { user: await this.store.saveUser(user), revokeSessions: changes.password !== undefined || changes.disabled === true };
  }

  async remove(id: string): Promise<UserEntity> {
    const user = await this.get(id);
    this.assertEditable(user);
    if (user.role === 'admin' && !user.disabled && (await this.store.countEnabledAdmins()) <= 1) throw new ConflictException('This is the last enabled admin: make another admin first');
    await this.store.deleteUsers([user.id]);
    return user;
  }

  /** Changes the caller's own password (local users only). */
  async changeOwnPassword(id: string, current: string, next: string): Promise<boolean> {
    const user = await this.get(id);
    this.assertEditable(user);
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) return false;
    user.passwordHash = await hashPassword(next);
    await this.store.saveUser(user);
    return true;
  }

  async recordLogin(user: UserEntity): Promise<void> {
    user.lastLoginAt = Date.now();
    await this.store.saveUser(user);
  }

  /** The user an OIDC sign-in maps to: found by (provider, subject), created on first sign-in; role from the groups. */
  async upsertOidcUser(provider: string, subject: string, preferredName: string, role: Role): Promise<UserEntity> {
    const existing = await this.store.findOidcUser(provider, subject);
    if (existing) {
      existing.role = role;
      return this.store.saveUser(existing);
    }
    const base = (preferredName.replace(/[^A-Za-z0-9._@+-]/g, '').slice(0, 100) || 'user').toLowerCase();
    let username = base;
    for (let n = 2; await this.store.findUserByName(username); n++) username = `${base}.${provider}${n > 2 ? n - 1 : ''}`.slice(0, 128);
    return this.store.saveUser(
      this.store.newUser({ id: randomUUID(), username, passwordHash: null, role, source: 'oidc', sourceRef: null, oidcProvider: provider, oidcSubject: subject, disabled: false, createdAt: Date.now(), lastLoginAt: null }),
    );
  }

  /**
   * Makes the users table match the environment: `TIDEWATCH_AUTH_ADMIN_USER/PASSWORD` (an admin)
   * and WUD's `AUTH_BASIC_{name}_USER/HASH` (their htpasswd hash, verified as is). Users that
   * left the environment are removed. The environment wins over a same-named user made in the UI.
   */
  async syncEnvironmentUsers(): Promise<void> {
    const wanted = new Map<string, { role: Role; hash?: string; password?: string; sourceRef: string }>();
    for (const basic of this.config.basic) wanted.set(basic.user, { role: basic.role, hash: basic.hash, sourceRef: basic.source });
    if (this.config.admin) wanted.set(this.config.admin.user, { role: 'admin', password: this.config.admin.password, sourceRef: this.config.admin.source });
    for (const [username, spec] of wanted) {
      const existing = await this.store.findUserByName(username);
      const user = existing ?? this.store.newUser({ id: randomUUID(), username, createdAt: Date.now(), lastLoginAt: null, oidcProvider: null, oidcSubject: null, disabled: false });
      if (existing && existing.source !== 'env') this.logger.warn(`User ${username} is now managed by ${spec.sourceRef}`);
      let hash = spec.hash;
      if (spec.password !== undefined) {
        hash = existing?.passwordHash && existing.source === 'env' && (await verifyPassword(existing.passwordHash, spec.password)) ? existing.passwordHash : await hashPassword(spec.password);
      }
      Object.assign(user, { role: spec.role, passwordHash: hash ?? null, source: 'env', sourceRef: spec.sourceRef, oidcProvider: null, oidcSubject: null, disabled: false });
      await this.store.saveUser(user);
    }
    const gone = (await this.store.envUsers()).filter((user) => !wanted.has(user.username));
    if (gone.length > 0) {
      this.logger.warn(`Removing users no longer in the environment: ${gone.map((user) => user.username).join(', ')}`);
      await this.store.deleteUsers(gone.map((user) => user.id));
    }
  }

  private assertEditable(user: UserEntity): void {
    if (user.source === 'env') throw new ConflictException(`${user.username} is defined by ${user.sourceRef ?? 'the environment'}: change it there`);
  }
}

export function roleOf(user: UserEntity): Role {
  return isRole(user.role) ? user.role : 'viewer';
}
