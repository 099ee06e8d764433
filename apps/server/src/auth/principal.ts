import type { Request } from 'express';
import type { Role } from './roles';

/** Who is calling, as the guard established it. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  /** How the request authenticated. */
  via: 'session' | 'token' | 'basic' | 'disabled';
  sessionId?: string;
  tokenId?: string;
  /** API tokens only. */
  scope?: 'read' | 'write';
  /** Sessions only: the token the page must echo in `X-CSRF-Token`. */
  csrfToken?: string;
}

export const AUTH_DISABLED_PRINCIPAL: Principal = { userId: 'auth-disabled', username: 'anonymous', role: 'admin', via: 'disabled' };

interface AuthRequestState {
  principal?: Principal;
  /** Set by handlers that know better than the route params (e.g. the username of a sign-in). */
  auditActor?: string;
  auditTarget?: string;
}

type AuthRequest = Request & { tidewatchAuth?: AuthRequestState };

function stateOf(request: Request): AuthRequestState {
  const typed = request as AuthRequest;
  typed.tidewatchAuth ??= {};
  return typed.tidewatchAuth;
}

export function principalOf(request: Request): Principal | undefined {
  return stateOf(request).principal;
}

export function setPrincipal(request: Request, principal: Principal): void {
  stateOf(request).principal = principal;
}

export function setAuditContext(request: Request, context: { actor?: string; target?: string }): void {
  const state = stateOf(request);
  if (context.actor !== undefined) state.auditActor = context.actor;
  if (context.target !== undefined) state.auditTarget = context.target;
}

export function auditContextOf(request: Request): { actor?: string; target?: string } {
  const state = stateOf(request);
  return { actor: state.auditActor, target: state.auditTarget };
}

/** The client's address (Express honours TIDEWATCH_SERVER_TRUSTPROXY for X-Forwarded-For). */
export function clientIp(request: Request): string {
  return (request.ip ?? request.socket?.remoteAddress ?? 'unknown').replace(/^::ffff:/, '').slice(0, 128);
}
