import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// Epoch milliseconds in bigint columns (PostgreSQL returns them as strings).
const epochMs = { to: (value: number | null) => value, from: (value: string | number | null) => (value === null ? null : Number(value)) };

export type UserSource = 'local' | 'env' | 'oidc';

/** A person who can sign in. Users from the environment (admin, WUD basic) are read-only in the API. */
@Entity({ name: 'auth_user' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Index('IDX_auth_user_username', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  username: string;

  /** argon2id for users made here; an htpasswd hash for WUD users; null for OIDC-only users. */
  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: string;

  @Column({ type: 'varchar', length: 16 })
  source: UserSource;

  /** The setting a user from the environment comes from (`TIDEWATCH_AUTH_ADMIN_PASSWORD`). */
  @Column({ type: 'varchar', length: 256, name: 'source_ref', nullable: true })
  sourceRef: string | null;

  @Column({ type: 'varchar', length: 64, name: 'oidc_provider', nullable: true })
  oidcProvider: string | null;

  @Column({ type: 'varchar', length: 512, name: 'oidc_subject', nullable: true })
  oidcSubject: string | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ type: 'bigint', name: 'created_at', transformer: epochMs })
  createdAt: number;

  @Column({ type: 'bigint', name: 'last_login_at', nullable: true, transformer: epochMs })
  lastLoginAt: number | null;
}

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity({ name: 'auth_session' })
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Index('IDX_auth_session_token', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Index('IDX_auth_session_user')
  @Column({ type: 'varchar', length: 64, name: 'user_id' })
  userId: string;

  /** `password`, `setup`, `oidc:{name}`. */
  @Column({ type: 'varchar', length: 80 })
  method: string;

  @Column({ type: 'bigint', name: 'created_at', transformer: epochMs })
  createdAt: number;

  @Column({ type: 'bigint', name: 'last_seen_at', transformer: epochMs })
  lastSeenAt: number;

  /** Absolute expiry; the idle expiry is `last_seen_at` + the idle timeout. */
  @Column({ type: 'bigint', name: 'expires_at', transformer: epochMs })
  expiresAt: number;

  @Column({ type: 'varchar', length: 128, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 512, name: 'user_agent', nullable: true })
  userAgent: string | null;
}

/** A personal API token (`Authorization: Bearer tw_…`), stored as its SHA-256. */
@Entity({ name: 'auth_api_token' })
export class ApiTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Index('IDX_auth_api_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Index('IDX_auth_api_token_user')
  @Column({ type: 'varchar', length: 64, name: 'user_id' })
  userId: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** The first characters, to recognise a token in a list. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** `read` (GET only) or `write`. */
  @Column({ type: 'varchar', length: 8 })
  scope: string;

  @Column({ type: 'bigint', name: 'created_at', transformer: epochMs })
  createdAt: number;

  @Column({ type: 'bigint', name: 'expires_at', nullable: true, transformer: epochMs })
  expiresAt: number | null;

  @Column({ type: 'bigint', name: 'last_used_at', nullable: true, transformer: epochMs })
  lastUsedAt: number | null;
}

/** Failed sign-ins per `user:{name}` and `ip:{address}`, for throttling and lockout. */
@Entity({ name: 'auth_login_attempt' })
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'bigint', name: 'last_failure_at', transformer: epochMs })
  lastFailureAt: number;

  @Column({ type: 'bigint', name: 'locked_until', transformer: epochMs })
  lockedUntil: number;
}
