import { createHash } from 'node:crypto';
import { RequestKind } from './registry-http';

export type Credentials =
  | { kind: 'anonymous' }
  | { kind: 'basic'; username: string; password: string }
  /** A static bearer token sent as is (custom registries' TOKEN); no challenge is followed. */
  | { kind: 'bearer'; token: string };

export interface CredentialContext {
  /** Counts a request the source made itself (ECR's GetAuthorizationToken). */
  record(kind: RequestKind, status: string): void;
}

/** Where a registry instance gets its credentials; dynamic sources (ECR) refresh themselves. */
export interface CredentialSource {
  get(context: CredentialContext): Promise<Credentials>;
  /** Called after the registry rejected credentials from this source; drop any cached ones. */
  invalidate?(): void;
  /** Releases clients the source holds (the AWS SDK client). */
  close?(): void;
}

export const anonymous: Credentials = { kind: 'anonymous' };

export function staticCredentials(credentials: Credentials): CredentialSource {
  return { get: () => Promise.resolve(credentials) };
}

export function basicCredentials(
  username: string | undefined,
  password: string | undefined,
): CredentialSource {
  if (password === undefined || password === '') return staticCredentials(anonymous);
  return staticCredentials({ kind: 'basic', username: username ?? '', password });
}

/** Decodes `base64(user:password)` (the AUTH key, as in ~/.docker/config.json). */
export function decodeBasicAuth(auth: string): { username: string; password: string } | undefined {
  const decoded = Buffer.from(auth.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function basicHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Stable, non-reversible id of a credential for cache keys (never the secret itself). */
export function credentialId(credentials: Credentials): string {
  switch (credentials.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'basic':
      return `basic:${hash(`${credentials.username}\0${credentials.password}`)}`;
    case 'bearer':
      return `bearer:${hash(credentials.token)}`;
  }
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}
