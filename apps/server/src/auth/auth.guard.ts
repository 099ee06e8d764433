import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService } from './auth.service';
import { withRetryAfter } from './login-throttle.service';
import { AUTH_DISABLED_PRINCIPAL, setPrincipal } from './principal';
import { routePattern } from './route-path';
import { SAFE_METHODS, policyFor } from './route-policy';
import { roleAllows } from './roles';

/**
 * The one authorization check of every route (registered as APP_GUARD): looks the route up in
 * ROUTE_POLICY, authenticates the caller, enforces CSRF for cookie sessions, API-token scopes,
 * and the minimum role. Unknown routes get the table's defaults, so nothing is open by accident.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const method = request.method.toUpperCase();
    const policy = policyFor(method, routePattern(context));
    if (this.auth.disabled) {
      setPrincipal(request, AUTH_DISABLED_PRINCIPAL);
      return true;
    }
    if (policy.access === 'public') {
      // Public routes that act on the caller's own session still get CSRF protection.
      if (!SAFE_METHODS.has(method) && policy.path === '/api/auth/logout') {
        const session = await this.auth.optionalSession(request);
        if (session && !this.auth.csrfValid(request, session)) throw new ForbiddenException('Missing or invalid CSRF token: send the X-CSRF-Token header');
        if (session) setPrincipal(request, session);
      }
      return true;
    }
    const principal = await withRetryAfter(response, () => this.auth.authenticate(request, response));
    if (!principal) throw new UnauthorizedException('Sign-in required: use the session cookie, Authorization: Bearer <API token>, or HTTP Basic');
    setPrincipal(request, principal);
    if (principal.via === 'session' && !SAFE_METHODS.has(method) && !this.auth.csrfValid(request, principal)) {
      throw new ForbiddenException('Missing or invalid CSRF token: send the X-CSRF-Token header');
    }
    if (principal.via === 'token') {
      if (policy.tokens === false) throw new ForbiddenException('API tokens cannot be used here: sign in as the user');
      if (principal.scope !== 'write' && !SAFE_METHODS.has(method)) throw new ForbiddenException('This API token has the read scope: it cannot change anything');
    }
    if (policy.access !== 'viewer' && !roleAllows(principal.role, policy.access)) {
      throw new ForbiddenException(`Requires the ${policy.access} role (you are ${principal.role})`);
    }
    return true;
  }
}
