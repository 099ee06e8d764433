import type { ApiTokenEntity, AuditLogEntity, SessionEntity, UserEntity } from '../database/entities';
import type { ApiTokenDto, AuditEntryDto, MeDto, SessionDto, UserDto } from './auth.dto';
import type { Principal } from './principal';
import { roleOf } from './users.service';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toMeDto(principal: Principal): MeDto {
  return { id: principal.userId, username: principal.username, role: principal.role, via: principal.via, csrfToken: principal.csrfToken ?? null };
}

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    username: user.username,
    role: roleOf(user),
    source: user.source,
    oidcProvider: user.oidcProvider,
    disabled: user.disabled,
    readOnly: user.source === 'env',
    createdAt: iso(user.createdAt),
    lastLoginAt: isoOrNull(user.lastLoginAt),
  };
}

export function toSessionDto(session: SessionEntity, idleExpiry: number, currentId: string | undefined): SessionDto {
  return {
    id: session.id,
    method: session.method,
    createdAt: iso(session.createdAt),
    lastSeenAt: iso(session.lastSeenAt),
    expiresAt: iso(idleExpiry),
    ip: session.ip,
    userAgent: session.userAgent,
    current: session.id === currentId,
  };
}

export function toApiTokenDto(token: ApiTokenEntity): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scope: token.scope === 'write' ? 'write' : 'read',
    createdAt: iso(token.createdAt),
    expiresAt: isoOrNull(token.expiresAt),
    lastUsedAt: isoOrNull(token.lastUsedAt),
  };
}

export function toAuditEntryDto(entry: AuditLogEntity): AuditEntryDto {
  const details = entry.details !== null && typeof entry.details === 'object' && !Array.isArray(entry.details) ? (entry.details as Record<string, unknown>) : null;
  return { id: entry.id, at: entry.at, actor: entry.actor, action: entry.action, target: entry.target, details, ip: entry.ip };
}
