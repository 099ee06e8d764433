import { createHash } from 'node:crypto';
import { ConflictException, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { UserEntity } from '../database/entities';
import { AUTH_CONFIG, AUTH_SERVER_INFO, type AuthServerInfo } from './auth.tokens';
import type { AuthConfig } from './auth-config';
import { ApiTokensService } from './api-tokens.service';
import { CSRF_HEADER, SESSION_COOKIE, clearSessionCookies, cookieOf, isSecureRequest, setSessionCookies } from './cookies';
import { LoginThrottleService } from './login-throttle.service';
import { verifyAgainstDummy, verifyPassword } from './password-hasher';
import { type Principal, clientIp } from './principal';
import { csrfTokenFor, randomToken, sameSecret } from './secrets';
import { SessionsService } from './sessions.service';
import { UsersService, roleOf } from './users.service';

// A verified Basic credential is remembered briefly, so a dashboard polling every few seconds
// does not cost an argon2 verification per request.
const BASIC_CACHE_MS = 60_000;
const BASIC_CACHE_MAX = 1000;

/** Signing in (password, setup, Basic, Bearer, session cookie) and the one-time setup token. */
@Injectable()
export class AuthService {
  private setupToken: string | undefined;
  private readonly basicCache = new Map<string, { userId: string; until: number }>();

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(AUTH_SERVER_INFO) private readonly server: AuthServerInfo,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
    private readonly throttle: LoginThrottleService,
  ) {}

  get disabled(): boolean {
    return this.config.disabled;
  }

  /** Makes a new setup token (when no user exists); the caller prints it. */
  issueSetupToken(): string {
    this.setupToken = randomToken('twsetup_', 24);
    return this.setupToken;
  }

  get setupPending(): boolean {
    return this.setupToken !== undefined;
  }

  secureCookies(request: Request): boolean {
    return isSecureRequest(request, this.config.session.cookieSecure, this.server.publicUrl);
  }

  /**
   * Who the request is, from `Authorization: Bearer` (API token), `Authorization: Basic` (a
   * user's password, for WUD API clients) or the session cookie. Undefined when it carries no
   * credential; 401 when the credential is wrong or expired (never falls back to another).
   */
  async authenticate(request: Request, response?: Response): Promise<Principal | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, ...rest] = authorization.trim().split(/\s+/);
      const value = rest.join(' ');
      if (/^bearer$/i.test(scheme)) return this.fromApiToken(value);
      if (/^basic$/i.test(scheme)) return this.fromBasic(value, clientIp(request));
      throw new UnauthorizedException('Unsupported Authorization scheme: use Bearer <API token> or Basic');
    }
    const token = cookieOf(request, SESSION_COOKIE);
    if (token === undefined) return undefined;
    const principal = await this.fromSession(token);
    if (!principal) {
      if (response) clearSessionCookies(response, this.secureCookies(request));
      throw new UnauthorizedException('Your session has expired or was signed out: sign in again');
    }
    return principal;
  }

  /** The session behind the cookie, if it is still valid (for public routes that care). */
  async optionalSession(request: Request): Promise<Principal | undefined> {
    const token = cookieOf(request, SESSION_COOKIE);
    return token === undefined ? undefined : this.fromSession(token);
  }

  /** Whether a state-changing request made with a session cookie carries its CSRF token. */
  csrfValid(request: Request, principal: Principal): boolean {
    const header = request.headers[CSRF_HEADER];
    const given = Array.isArray(header) ? header[0] : header;
    return typeof given === 'string' && principal.csrfToken !== undefined && sameSecret(given, principal.csrfToken);
  }

  async loginWithPassword(request: Request, response: Response, username: string, password: string): Promise<Principal> {
    const user = await this.throttle.run(username, clientIp(request), () => this.checkPassword(username, password));
    if (!user) throw new UnauthorizedException('Invalid user name or password');
    return this.startSession(request, response, user, 'password');
  }

  async setup(request: Request, response: Response, token: string, username: string, password: string): Promise<Principal> {
    if (await this.users.hasUsers()) throw new ConflictException('Setup is already done: sign in instead');
    const expected = this.setupToken;
    const user = await this.throttle.run('(setup)', clientIp(request), async () => {
      if (expected === undefined || !sameSecret(token, expected)) return undefined;
      return this.users.create(username, password, 'admin');
    });
    if (!user) throw new ForbiddenException('Invalid setup token: use the link printed in the server log');
    this.setupToken = undefined;
    return this.startSession(request, response, user, 'setup');
  }

  /** A new session for a signed-in user (the old cookie's session, if any, is revoked). */
  async startSession(request: Request, response: Response, user: UserEntity, method: string): Promise<Principal> {
    const { token, csrfToken, session } = await this.sessions.create(user, method, {
      ip: clientIp(request),
      userAgent: request.headers['user-agent'],
      replacing: cookieOf(request, SESSION_COOKIE),
    });
    await this.users.recordLogin(user);
    setSessionCookies(response, this.secureCookies(request), token, csrfToken, this.config.session.absoluteMs);
    return { userId: user.id, username: user.username, role: roleOf(user), via: 'session', sessionId: session.id, csrfToken };
  }

  async logout(request: Request, response: Response): Promise<void> {
    const token = cookieOf(request, SESSION_COOKIE);
    if (token !== undefined) await this.sessions.revokeToken(token);
    clearSessionCookies(response, this.secureCookies(request));
  }

  /** Forgets cached Basic credentials (after a password change or a user removal). */
  forgetCachedCredentials(): void {
    this.basicCache.clear();
  }

  private async checkPassword(username: string, password: string): Promise<UserEntity | undefined> {
    const user = await this.users.findByName(username);
    if (!user || user.disabled || !user.passwordHash) {
      await verifyAgainstDummy(password);
      return undefined;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : undefined;
  }

  private async fromSession(token: string): Promise<Principal | undefined> {
    const session = await this.sessions.resolve(token);
    if (!session) return undefined;
    const user = await this.users.findById(session.userId);
    if (!user || user.disabled) return undefined;
    return { userId: user.id, username: user.username, role: roleOf(user), via: 'session', sessionId: session.id, csrfToken: csrfTokenFor(token) };
  }

  private async fromApiToken(value: string): Promise<Principal> {
    const token = await this.tokens.resolve(value);
    const user = token ? await this.users.findById(token.userId) : null;
    if (!token || !user || user.disabled) throw new UnauthorizedException('Invalid, expired or revoked API token');
    return { userId: user.id, username: user.username, role: roleOf(user), via: 'token', tokenId: token.id, scope: token.scope === 'write' ? 'write' : 'read' };
  }

  private async fromBasic(value: string, ip: string): Promise<Principal> {
    let decoded: string;
    try {
      decoded = Buffer.from(value, 'base64').toString('utf8');
    } catch {
      decoded = '';
    }
    const colon = decoded.indexOf(':');
    if (colon <= 0 || decoded.length > 2048) throw new UnauthorizedException('Malformed Basic credentials');
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const key = createHash('sha256').update(decoded, 'utf8').digest('hex');
    const cached = this.basicCache.get(key);
    let user: UserEntity | null | undefined;
    if (cached && cached.until > Date.now()) {
      user = await this.users.findById(cached.userId);
      if (user && (user.disabled || user.username !== username)) user = undefined;
    }
    if (!user) {
      user = await this.throttle.run(username, ip, () => this.checkPassword(username, password));
      if (!user) throw new UnauthorizedException('Invalid user name or password');
      if (this.basicCache.size >= BASIC_CACHE_MAX) this.basicCache.clear();
      this.basicCache.set(key, { userId: user.id, until: Date.now() + BASIC_CACHE_MS });
    }
    return { userId: user.id, username: user.username, role: roleOf(user), via: 'basic' };
  }
}

