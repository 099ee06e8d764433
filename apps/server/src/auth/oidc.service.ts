import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SecretBox } from '../common/secret-box';
import { AUTH_CONFIG, AUTH_SERVER_INFO, type AuthServerInfo } from './auth.tokens';
import type { AuthConfig, OidcProviderConfig } from './auth-config';
import { AuditService } from './audit.service';
import { AuthService } from './auth.service';
import { OIDC_COOKIE, clearOidcCookie, cookieOf, setOidcCookie } from './cookies';
import { OidcClientRepository } from './oidc-client.repository';
import { mapOidcRole } from './oidc-roles';
import { clientIp } from './principal';
import { UsersService } from './users.service';

const ROUND_TRIP_MS = 10 * 60_000;

interface RoundTrip {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  at: number;
}

/** Only same-app paths, never `//host` or a scheme. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && next.length <= 2000 ? next : '/';
}

/** Sign-in with OpenID Connect providers: the redirect out, the callback, role mapping, the session. */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OIDC');

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(AUTH_SERVER_INFO) private readonly server: AuthServerInfo,
    private readonly client: OidcClientRepository,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
  ) {}

  providers(): Array<{ name: string; label: string }> {
    return this.config.oidc.map((provider) => ({ name: provider.name, label: provider.label }));
  }

  /** Redirects the browser to the provider (or back to the login page with the reason). */
  async start(name: string, request: Request, response: Response): Promise<void> {
    const provider = this.provider(name);
    try {
      const authorization = await this.client.authorizationUrl(provider, this.redirectUri(provider, request));
      const trip: RoundTrip = { provider: name, state: authorization.state, nonce: authorization.nonce, verifier: authorization.verifier, next: safeNext(request.query.next), at: Date.now() };
      setOidcCookie(response, this.auth.secureCookies(request), this.box.encrypt(JSON.stringify(trip)), ROUND_TRIP_MS);
      response.redirect(302, authorization.url);
    } catch (error) {
      this.logger.error(`Cannot start sign-in with ${name}: ${describe(error)}`);
      this.toLogin(response, `The sign-in provider ${provider.label} cannot be reached`);
    }
  }

  /** The provider's redirect back: checks everything, maps the role, starts a session. */
  async callback(name: string, request: Request, response: Response): Promise<void> {
    const provider = this.provider(name);
    const secure = this.auth.secureCookies(request);
    const sealed = cookieOf(request, OIDC_COOKIE);
    clearOidcCookie(response, secure);
    const ip = clientIp(request);
    try {
      const trip = sealed ? this.open(sealed) : undefined;
      if (!trip || trip.provider !== name || Date.now() - trip.at > ROUND_TRIP_MS) throw new OidcRefusal('The sign-in took too long or was started elsewhere: try again');
      if (typeof request.query.error === 'string') throw new OidcRefusal(`The provider refused the sign-in (${request.query.error.slice(0, 100)})`);
      const query = new URL(request.originalUrl, 'http://placeholder').search;
      const claims = await this.client.complete(provider, new URL(`${this.redirectUri(provider, request)}${query}`), trip);
      const subject = typeof claims.sub === 'string' ? claims.sub : '';
      const role = mapOidcRole(claims, provider);
      const display = [claims.preferred_username, claims.email, subject].find((value): value is string => typeof value === 'string' && value.length > 0) ?? subject;
      if (role === 'none') {
        void this.audit.record({ actor: `${display} (oidc:${name})`, action: 'OIDC sign-in refused', target: null, details: { reason: 'no role' }, ip });
        throw new OidcRefusal(`${display} is in none of the groups allowed to use Tidewatch (TIDEWATCH_AUTH_OIDC_${name.toUpperCase()}_ADMINGROUPS / OPERATORGROUPS / VIEWERGROUPS)`);
      }
      const user = await this.users.upsertOidcUser(name, subject, display, role);
      if (user.disabled) throw new OidcRefusal(`${user.username} is disabled in Tidewatch`);
      await this.auth.startSession(request, response, user, `oidc:${name}`);
      void this.audit.record({ actor: user.username, action: 'OIDC sign-in', target: `oidc:${name}`, details: { role }, ip });
      response.redirect(302, trip.next);
    } catch (error) {
      if (!(error instanceof OidcRefusal)) this.logger.warn(`Sign-in with ${name} failed: ${describe(error)}`);
      this.toLogin(response, error instanceof OidcRefusal ? error.message : `Sign-in with ${provider.label} failed`);
    }
  }

  private provider(name: string): OidcProviderConfig {
    const provider = this.config.oidc.find((candidate) => candidate.name === name);
    if (!provider) throw new NotFoundException(`No OIDC provider named ${name}`);
    return provider;
  }

  private redirectUri(provider: OidcProviderConfig, request: Request): string {
    if (provider.redirect) return provider.redirect;
    const origin = this.server.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
    return `${origin}/api/auth/oidc/${provider.name}/cb`;
  }

  private open(sealed: string): RoundTrip | undefined {
    try {
      return JSON.parse(this.box.decrypt(sealed)) as RoundTrip;
    } catch {
      return undefined;
    }
  }

  private toLogin(response: Response, message: string): void {
    response.redirect(302, `/login?error=${encodeURIComponent(message)}`);
  }
}

class OidcRefusal extends Error {}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return `${error.message}${cause instanceof Error ? ` (${cause.message})` : ''}`;
  }
  return String(error);
}
