import type { CookieOptions, Request, Response } from 'express';
import type { AuthConfig } from './auth-config';

export const SESSION_COOKIE = 'tidewatch_session';
/** Readable by the page, which echoes it in `X-CSRF-Token`. */
export const CSRF_COOKIE = 'tidewatch_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The OIDC round trip (state, nonce, PKCE verifier), encrypted. */
export const OIDC_COOKIE = 'tidewatch_oidc';

export function cookieOf(request: Request, name: string): string | undefined {
  const cookies = (request as Request & { cookies?: Record<string, unknown> }).cookies;
  const value: unknown = cookies?.[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 4096 ? value : undefined;
}

export function isSecureRequest(request: Request, setting: AuthConfig['session']['cookieSecure'], publicUrl?: string): boolean {
  if (setting === 'always') return true;
  if (setting === 'never') return false;
  return request.secure || (publicUrl?.startsWith('https://') ?? false);
}

function base(secure: boolean): CookieOptions {
  return { path: '/', secure, sameSite: 'strict' };
}

export function setSessionCookies(response: Response, secure: boolean, sessionToken: string, csrfToken: string, maxAgeMs: number): void {
  response.cookie(SESSION_COOKIE, sessionToken, { ...base(secure), httpOnly: true, maxAge: maxAgeMs });
  response.cookie(CSRF_COOKIE, csrfToken, { ...base(secure), httpOnly: false, maxAge: maxAgeMs });
}

export function clearSessionCookies(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { ...base(secure), httpOnly: true });
  response.clearCookie(CSRF_COOKIE, { ...base(secure), httpOnly: false });
}

/** Lax, not Strict: it must come back on the provider's cross-site redirect to the callback. */
export function setOidcCookie(response: Response, secure: boolean, sealed: string, maxAgeMs: number): void {
  response.cookie(OIDC_COOKIE, sealed, { path: '/', secure, sameSite: 'lax', httpOnly: true, maxAge: maxAgeMs });
}

export function clearOidcCookie(response: Response, secure: boolean): void {
  response.clearCookie(OIDC_COOKIE, { path: '/', secure, sameSite: 'lax', httpOnly: true });
}
