import {
  basicHeader,
  CredentialContext,
  credentialId,
  Credentials,
  CredentialSource,
} from './credentials';
import { describeUrl, header, RegistryHttp } from './registry-http';
import { RegistryError } from './registry-error';
import { RegistryLogger } from './registry-logger';
import { AuthChallenge, parseWwwAuthenticate } from './www-authenticate';

export interface RegistryAuthOptions {
  registryId: string;
  credentials: CredentialSource;
  http: RegistryHttp;
  logger: RegistryLogger;
  /** May credentials go to this (http://) token realm? */
  allowHttp: (url: URL) => boolean;
  /** Replaces the realm of Bearer challenges (GitLab's AUTHURL). */
  tokenRealm?: string;
  /** Seconds taken off `expires_in` so a token is never used at the edge of its life. */
  tokenMarginSeconds?: number;
  now?: () => number;
}

/** How one request was authorised, so a 401 can tell what to drop. */
export interface AppliedAuth {
  header?: string;
  via: 'none' | 'basic' | 'token' | 'static';
  tokenKey?: string;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;
const MAX_CACHED_TOKENS = 2000;
const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

/**
 * Follows the registry's `WWW-Authenticate` challenge: the challenge is cached per origin (no
 * 401 round-trip in steady state) and bearer tokens per (realm, service, scope, credential)
 * until `expires_in` (60 s when absent) minus a margin; concurrent fetches of one token share
 * a single request.
 */
export class RegistryAuth {
  private readonly challenges = new Map<string, AuthChallenge[]>();
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<CachedToken>>();
  private readonly context: CredentialContext;
  private readonly now: () => number;

  constructor(private readonly options: RegistryAuthOptions) {
    this.context = { record: (kind, status) => options.http.record(kind, status) };
    this.now = options.now ?? Date.now;
  }

  /** The Authorization to send to `origin` for `scope`, from what is known so far. */
  async authorize(origin: string, scope: string | undefined): Promise<AppliedAuth> {
    const credentials = await this.options.credentials.get(this.context);
    if (credentials.kind === 'bearer')
      return { header: `Bearer ${credentials.token}`, via: 'static' };
    const challenges = this.challenges.get(origin);
    if (!challenges) return { via: 'none' };
    return this.authorizeFor(challenges, credentials, scope);
  }

  /**
   * After a 401: learn the challenge, forget what failed, and return the Authorization to retry
   * with, or undefined when a retry cannot do better.
   */
  async retryAfterUnauthorized(
    origin: string,
    scope: string | undefined,
    wwwAuthenticate: string | string[] | undefined,
    failed: AppliedAuth,
  ): Promise<AppliedAuth | undefined> {
    const challenges = parseWwwAuthenticate(wwwAuthenticate);
    if (challenges.length > 0) this.challenges.set(origin, challenges);
    if (failed.via === 'static') return undefined;
    if (
      failed.tokenKey &&
      this.tokens.get(failed.tokenKey)?.token === failed.header?.slice('Bearer '.length)
    ) {
      // Only if no concurrent request has already replaced it.
      this.tokens.delete(failed.tokenKey);
    }
    if (failed.via === 'basic') this.options.credentials.invalidate?.();
    const known = this.challenges.get(origin);
    if (!known) return undefined;
    const credentials = await this.options.credentials.get(this.context);
    const next = await this.authorizeFor(known, credentials, scope);
    if (next.via === 'none') return undefined;
    // Same Basic header again would just fail again (dynamic sources re-issued above differ).
    if (next.via === 'basic' && next.header === failed.header) return undefined;
    return next;
  }

  private async authorizeFor(
    challenges: AuthChallenge[],
    credentials: Credentials,
    scope: string | undefined,
  ): Promise<AppliedAuth> {
    const basic = challenges.find((challenge) => challenge.scheme === 'basic');
    const bearer = challenges.find(
      (challenge) => challenge.scheme === 'bearer' && challenge.params.realm,
    );
    // With a password, Basic needs no token round-trip (Codeberg offers both).
    if (credentials.kind === 'basic' && basic) {
      return { header: basicHeader(credentials.username, credentials.password), via: 'basic' };
    }
    if (bearer) {
      const { key, token } = await this.token(bearer, credentials, scope);
      return { header: `Bearer ${token}`, via: 'token', tokenKey: key };
    }
    return { via: 'none' };
  }

  private async token(
    challenge: AuthChallenge,
    credentials: Credentials,
    scope: string | undefined,
  ): Promise<{ key: string; token: string }> {
    const realm = this.options.tokenRealm ?? challenge.params.realm ?? '';
    const service = challenge.params.service;
    const key = [realm, service ?? '', scope ?? '', credentialId(credentials)].join('\n');
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.now()) return { key, token: cached.token };
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.fetchToken(realm, service, scope, credentials).finally(() =>
        this.inflight.delete(key),
      );
      this.inflight.set(key, pending);
    }
    const fetched = await pending;
    this.store(key, fetched);
    return { key, token: fetched.token };
  }

  private async fetchToken(
    realm: string,
    service: string | undefined,
    scope: string | undefined,
    credentials: Credentials,
  ): Promise<CachedToken> {
    const { registryId } = this.options;
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryError(
        'bad-response',
        `registry ${registryId} sent an invalid token realm`,
        { registry: registryId },
      );
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.options.allowHttp(url))) {
      throw new RegistryError(
        'unauthorized',
        `registry ${registryId} asks for tokens from ${describeUrl(url)}, which is not https; refusing`,
        {
          registry: registryId,
        },
      );
    }
    if (service) url.searchParams.set('service', service);
    if (scope) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credentials.kind === 'basic')
      headers.authorization = basicHeader(credentials.username, credentials.password);

    const response = await this.options.http.send({
      kind: 'token',
      method: 'GET',
      url,
      headers,
      maxBodyBytes: MAX_TOKEN_RESPONSE_BYTES,
    });
    if (response.status === 401 || response.status === 403) {
      const who =
        credentials.kind === 'anonymous' ? 'anonymous access' : 'the configured credentials';
      throw new RegistryError(
        'unauthorized',
        `token server ${describeUrl(url)} refused ${who} for registry ${registryId} (HTTP ${response.status})`,
        {
          registry: registryId,
          status: response.status,
        },
      );
    }
    if (response.status === 429) {
      throw new RegistryError(
        'rate-limited',
        `token server ${describeUrl(url)} is rate limiting registry ${registryId}`,
        {
          registry: registryId,
          status: 429,
        },
      );
    }
    if (response.status >= 500) {
      throw new RegistryError(
        'unavailable',
        `token server ${describeUrl(url)} answered HTTP ${response.status}`,
        { registry: registryId, status: response.status },
      );
    }
    if (response.status !== 200) {
      throw new RegistryError(
        'bad-response',
        `token server ${describeUrl(url)} answered HTTP ${response.status}`,
        { registry: registryId, status: response.status },
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw new RegistryError(
        'bad-response',
        `token server ${describeUrl(url)} sent malformed JSON`,
        { registry: registryId, status: 200 },
      );
    }
    const body = (parsed ?? {}) as {
      token?: unknown;
      access_token?: unknown;
      expires_in?: unknown;
    };
    const token =
      typeof body.token === 'string' && body.token !== '' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new RegistryError('bad-response', `token server ${describeUrl(url)} sent no token`, {
        registry: registryId,
        status: 200,
      });
    }
    const lifetime =
      typeof body.expires_in === 'number' && body.expires_in > 0
        ? body.expires_in
        : DEFAULT_TOKEN_LIFETIME_SECONDS;
    const margin = Math.min(this.options.tokenMarginSeconds ?? 15, lifetime / 2);
    this.options.logger.debug(
      `${registryId}: got a token from ${describeUrl(url)} valid ${lifetime} s (content-type ${header(response.headers, 'content-type') ?? 'none'})`,
    );
    return { token, expiresAt: this.now() + (lifetime - margin) * 1000 };
  }

  private store(key: string, token: CachedToken): void {
    if (this.tokens.size >= MAX_CACHED_TOKENS) {
      const now = this.now();
      for (const [cachedKey, cached] of this.tokens)
        if (cached.expiresAt <= now) this.tokens.delete(cachedKey);
      if (this.tokens.size >= MAX_CACHED_TOKENS)
        this.tokens.delete(this.tokens.keys().next().value as string);
    }
    this.tokens.set(key, token);
  }
}
