import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { PushHeaders } from './push-payload';

/** How a webhook request proved it knows the registry's `WEBHOOK_TOKEN`. */
export type WebhookAuthMethod = 'bearer' | 'query-token' | 'hmac';

export interface WebhookCredentials {
  headers: PushHeaders;
  /** `?token=` — for senders that cannot set headers (Docker Hub, Quay). */
  queryToken?: string;
  rawBody: Buffer;
}

// Signature headers of GitHub-style senders, hex HMAC-SHA256 of the raw body with the shared
// secret. GitHub and Gitea ≥ 1.17 send `X-Hub-Signature-256: sha256=<hex>`; Gitea, Forgejo and
// Gogs also send their own header with the bare hex.
const SIGNATURE_HEADERS = [
  'x-hub-signature-256',
  'x-gitea-signature',
  'x-forgejo-signature',
  'x-gogs-signature',
] as const;

function header(headers: PushHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Constant-time string comparison; hashing first makes the time independent of the lengths too. */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** `Authorization: Bearer <token>` (scheme case-insensitive) → the token. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S.*)$/i.exec(authorization?.trim() ?? '');
  return match?.[1].trim();
}

/**
 * Checks a webhook request against the registry's token: a bearer token, a `token` query
 * parameter, or an HMAC-SHA256 signature of the body keyed with the token. Returns how it
 * authenticated, or undefined. Without a configured token nothing authenticates.
 */
export function authenticateWebhook(
  token: string | undefined,
  credentials: WebhookCredentials,
): WebhookAuthMethod | undefined {
  if (!token) return undefined;
  const bearer = bearerToken(header(credentials.headers, 'authorization'));
  if (bearer !== undefined && safeEqual(bearer, token)) return 'bearer';
  if (credentials.queryToken !== undefined && safeEqual(credentials.queryToken, token))
    return 'query-token';
  const expected = createHmac('sha256', token).update(credentials.rawBody).digest('hex');
  for (const name of SIGNATURE_HEADERS) {
    const value = header(credentials.headers, name);
    if (value === undefined) continue;
    const signature = value
      .trim()
      .replace(/^sha256=/i, '')
      .toLowerCase();
    if (safeEqual(signature, expected)) return 'hmac';
  }
  return undefined;
}
