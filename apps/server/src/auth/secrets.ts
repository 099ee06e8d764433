import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token with a recognisable prefix (`tws_` session, `twt_` API token, `twsetup_`). */
export function randomToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session: an HMAC of the (http-only) session token, so only a page that was
 * given it can send it, and nothing needs storing. Sent back in the `X-CSRF-Token` header.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('tidewatch-csrf-v1').digest('base64url');
}

/** Constant-time comparison of two strings (lengths compared after hashing). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
