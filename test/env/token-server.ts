// In-process bearer token server for distribution's `auth.token` (the Docker Hub / GHCR flow).
//
// What distribution 2.8 checks (registry/auth/token): iss == issuer, aud == service, exp/nbf
// (±60 s leeway), a signature, and that the signing key is trusted: either an `x5c` header whose
// leaf chains to `rootcertbundle`, or a `kid` equal to the libtrust key ID of a key in that bundle.
// We send both (x5c = the self-signed signer certificate itself, which is its own root).
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenAccess {
  type: string;
  name: string;
  actions: string[];
}

export interface TokenRequestRecord {
  method: string;
  /** Authenticated user, or null for anonymous. */
  user: string | null;
  account?: string;
  service?: string;
  scopes: string[];
  granted: TokenAccess[];
  status: number;
  grantType?: string;
}

export interface TokenServerOptions {
  service: string;
  issuer: string;
  certPem: string;
  keyPem: string;
  /** user -> password. Every listed user may pull, push and delete everywhere. */
  users: Record<string, string>;
  /** Anonymous callers get `pull` (public repositories). Default false: they get a token with no access. */
  anonymousPull?: boolean;
  /** Token lifetime (default 300 s; distribution adds 60 s leeway). */
  ttlSeconds?: number;
  /**
   * Answer `offline_token=true` / password grants with a refresh_token (docker then stores an
   * identity token and uses POST grant_type=refresh_token). Default false: like most hubs,
   * every token is fetched with GET + Basic credentials.
   */
  refreshTokens?: boolean;
  port?: number;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** libtrust key ID: base32(sha256(DER SPKI)[:30]) in 12 groups of 4, ':'-joined. */
export function libtrustKeyId(publicKey: crypto.KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const b32 = base32(crypto.createHash('sha256').update(der).digest().subarray(0, 30));
  return b32.match(/.{4}/g)?.join(':') ?? b32;
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** Parses `repository:acme/app:pull,push` (names may contain ':' — actions follow the last one). */
export function parseScope(scope: string): TokenAccess | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  };
}

export class TokenServer {
  private server?: http.Server;
  private readonly log: TokenRequestRecord[] = [];
  private readonly key: crypto.KeyObject;
  private readonly kid: string;
  private readonly x5c: string;
  port = 0;

  constructor(private readonly opts: TokenServerOptions) {
    this.key = crypto.createPrivateKey(opts.keyPem);
    const cert = new crypto.X509Certificate(opts.certPem);
    this.kid = libtrustKeyId(cert.publicKey);
    this.x5c = cert.raw.toString('base64');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The `realm` to configure in the registry. */
  get realm(): string {
    return `${this.url}/token`;
  }

  requests(): TokenRequestRecord[] {
    return [...this.log];
  }

  count(): number {
    return this.log.length;
  }

  reset(): void {
    this.log.length = 0;
  }

  /** Signs a token for arbitrary claims (tests can forge expired or foreign-audience tokens). */
  sign(claims: Record<string, unknown>): string {
    const header = { typ: 'JWT', alg: 'RS256', kid: this.kid, x5c: [this.x5c] };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const sig = crypto.sign('sha256', Buffer.from(input), this.key);
    return `${input}.${b64url(sig)}`;
  }

  issue(
    user: string | null,
    access: TokenAccess[],
    ttlSeconds = this.opts.ttlSeconds ?? 300,
  ): { token: string; issuedAt: Date; expiresIn: number } {
    const now = Math.floor(Date.now() / 1000);
    const token = this.sign({
      iss: this.opts.issuer,
      sub: user ?? '',
      aud: this.opts.service,
      exp: now + ttlSeconds,
      nbf: now - 1,
      iat: now,
      jti: crypto.randomBytes(12).toString('hex'),
      access,
    });
    return { token, issuedAt: new Date(now * 1000), expiresIn: ttlSeconds };
  }

  private grant(user: string | null, scopes: string[]): TokenAccess[] {
    const out: TokenAccess[] = [];
    for (const s of scopes) {
      const a = parseScope(s);
      if (!a) continue;
      let allowed: string[];
      if (user !== null) allowed = a.type === 'registry' ? ['*'] : ['pull', 'push', 'delete', '*'];
      else allowed = a.type === 'repository' && this.opts.anonymousPull ? ['pull'] : [];
      const actions = a.actions.filter((x) => allowed.includes(x));
      if (actions.length > 0) out.push({ type: a.type, name: a.name, actions });
    }
    return out;
  }

  private checkBasic(header: string | undefined): string | null | false {
    if (!header) return null;
    const m = /^Basic\s+(.+)$/i.exec(header);
    if (!m) return false;
    const raw = Buffer.from(m[1], 'base64').toString('utf8');
    const i = raw.indexOf(':');
    const user = raw.slice(0, i);
    const pass = raw.slice(i + 1);
    return i > 0 && this.opts.users[user] === pass ? user : false;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (
      status: number,
      payload: unknown,
      rec: Omit<TokenRequestRecord, 'status' | 'method'>,
    ): void => {
      this.log.push({ ...rec, status, method: req.method ?? 'GET' });
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (status === 401) headers['WWW-Authenticate'] = `Basic realm="${this.realm}"`;
      res.writeHead(status, headers);
      res.end(JSON.stringify(payload));
    };
    if (u.pathname !== '/token') {
      res.writeHead(404).end();
      return;
    }
    let user: string | null | false;
    let scopes: string[];
    let account: string | undefined;
    let service: string | undefined;
    let grantType: string | undefined;
    if (req.method === 'POST') {
      // OAuth2 form (docker uses it with refresh tokens; clients may use grant_type=password).
      const f = new URLSearchParams(body);
      grantType = f.get('grant_type') ?? undefined;
      service = f.get('service') ?? undefined;
      scopes = (f.get('scope') ?? '').split(' ').filter(Boolean);
      if (grantType === 'password') {
        const name = f.get('username') ?? '';
        user =
          this.opts.users[name] !== undefined && this.opts.users[name] === f.get('password')
            ? name
            : false;
        account = name;
      } else if (grantType === 'refresh_token') {
        const rt = f.get('refresh_token') ?? '';
        const name = rt.startsWith('tw-refresh:') ? rt.slice('tw-refresh:'.length) : '';
        user = this.opts.users[name] !== undefined ? name : false;
        account = name;
      } else {
        user = this.checkBasic(req.headers.authorization);
      }
    } else {
      account = u.searchParams.get('account') ?? undefined;
      service = u.searchParams.get('service') ?? undefined;
      scopes = u.searchParams
        .getAll('scope')
        .flatMap((s) => s.split(' '))
        .filter(Boolean);
      user = this.checkBasic(req.headers.authorization);
    }
    if (service !== undefined && service !== this.opts.service) {
      reply(
        400,
        { errors: [{ code: 'UNSUPPORTED', message: `unknown service ${service}` }] },
        { user: null, account, service, scopes, granted: [], grantType },
      );
      return;
    }
    if (user === false) {
      reply(
        401,
        { errors: [{ code: 'UNAUTHORIZED', message: 'invalid credentials' }] },
        { user: null, account, service, scopes, granted: [], grantType },
      );
      return;
    }
    const granted = this.grant(user, scopes);
    const t = this.issue(user, granted);
    const payload: Record<string, unknown> = {
      token: t.token,
      access_token: t.token,
      expires_in: t.expiresIn,
      issued_at: t.issuedAt.toISOString(),
    };
    if (
      this.opts.refreshTokens &&
      user !== null &&
      (u.searchParams.get('offline_token') === 'true' || grantType === 'password')
    ) {
      payload.refresh_token = `tw-refresh:${user}`;
    }
    reply(200, payload, { user, account, service, scopes, granted, grantType });
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, res, Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
          res.writeHead(500).end(String(e));
        }
      });
    });
    server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port ?? this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    // A leaked server must not keep jest alive (the reaper / stopAll clean up the rest).
    server.unref();
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
}
