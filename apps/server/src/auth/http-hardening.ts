import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import type { TidewatchConfig } from '../config/config';
import { CSRF_HEADER } from './cookies';

/**
 * The dashboard's policy: scripts and styles only from this origin (Vite's build has no inline
 * script), no framing, no plugins. Icons may come from any https host (container icon labels).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Swagger UI's page carries inline styles and a data: favicon; its scripts are still files.
const DOCS_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Content-Security-Policy', request.path.startsWith('/api/docs') ? DOCS_POLICY : CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (request.secure) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
  // API answers are per-user: never kept by shared caches or the browser's disk cache.
  if (/^\/api\//.test(request.path) && !request.path.startsWith('/api/docs')) response.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Cookie parsing, security headers, CORS (off unless TIDEWATCH_SERVER_CORS_ORIGIN is set) and
 * the proxy trust setting that decides the client IP and https detection. Registered before
 * any route or static file.
 */
export function applyHttpHardening(app: INestApplication, config: Pick<TidewatchConfig, 'server'>): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.server.trustProxy);
  express.use(cookieParser());
  express.use(securityHeaders);
  const cors = config.server.cors;
  if (cors) {
    // Cross-origin callers use Authorization headers (API tokens), never the session cookie
    // (which is SameSite=Strict anyway), so credentials stay off.
    app.enableCors({
      origin: cors.origins === '*' ? '*' : cors.origins,
      methods: cors.methods,
      allowedHeaders: ['Authorization', 'Content-Type', CSRF_HEADER],
      credentials: false,
      maxAge: 600,
    });
  }
}

/** Deepest nesting a JSON body may have: no DTO goes near it, and validators recurse per level. */
export const MAX_BODY_DEPTH = 32;

function tooDeep(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses absurdly nested JSON with a 400 (it would otherwise overflow the validators' stack: a 500). Runs after the JSON parser. */
export function limitBodyDepth(request: Request, response: Response, next: NextFunction): void {
  const body: unknown = request.body;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && tooDeep(body, MAX_BODY_DEPTH)) {
    response.status(400).json({ statusCode: 400, error: 'Bad Request', message: `Request body is nested too deeply (more than ${MAX_BODY_DEPTH} levels)` });
    return;
  }
  next();
}
