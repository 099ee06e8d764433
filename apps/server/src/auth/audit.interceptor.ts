import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { AuditService } from './audit.service';
import { auditContextOf, clientIp, principalOf } from './principal';
import { routePattern } from './route-path';
import { SAFE_METHODS } from './route-policy';

/**
 * Writes every state-changing request that reached a handler to the audit log, once the
 * response is sent (so the outcome is known): actor, `METHOD /route/:pattern`, target (the route
 * parameters, or what the handler named), status, how the caller authenticated, and IP.
 * Request bodies are never recorded (they may hold secrets).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (SAFE_METHODS.has(request.method.toUpperCase())) return next.handle();
    const action = `${request.method.toUpperCase()} ${routePattern(context)}`;
    const started = Date.now();
    response.once('finish', () => {
      const principal = principalOf(request);
      const named = auditContextOf(request);
      const params = Object.entries((request.params ?? {}) as Record<string, string>).map(([key, value]) => `${key}=${value}`);
      void this.audit.record({
        actor: principal && principal.via !== 'disabled' ? principal.username : (named.actor ?? (principal ? 'anonymous (auth disabled)' : 'anonymous')),
        action,
        target: named.target ?? (params.length > 0 ? params.join(' ') : null),
        details: { status: response.statusCode, via: principal?.via ?? null, ms: Date.now() - started },
        ip: clientIp(request),
      });
    });
    return next.handle();
  }
}
