// A small registry HTTP API v2 client used by the test environment itself (seeding images,
// reading digests) and usable by tests. Handles the real auth challenges: on a 401 it reads
// WWW-Authenticate and answers with Basic credentials or fetches a Bearer token from the realm.
import * as crypto from 'node:crypto';
import { httpRequest, type HttpResponse } from './util';

export const MediaTypes = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

/** All four manifest media types, as a client that understands everything would send them. */
export const ALL_MANIFEST_TYPES = [
  MediaTypes.ociIndex,
  MediaTypes.dockerManifestList,
  MediaTypes.ociManifest,
  MediaTypes.dockerManifest,
] as const;

export interface Credentials {
  user: string;
  password: string;
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="…",service="…",scope="…"` (one challenge). */
export function parseChallenge(header: string | undefined): Challenge | undefined {
  if (!header) return undefined;
  const m = /^(\w+)\s*(.*)$/.exec(header.trim());
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const re = /(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  let p: RegExpExecArray | null;
  while ((p = re.exec(m[2])) !== null)
    params[p[1].toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
  return { scheme: m[1].toLowerCase(), params };
}

export function sha256Digest(data: Buffer | string): string {
  return `sha256:${crypto.createHash('sha256').update(data).digest('hex')}`;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Override the scope requested if a Bearer challenge arrives (default: the challenge's own). */
  scope?: string;
}

export class RegistryClient {
  private readonly tokens = new Map<string, string>();
  /** Blobs known to exist, as "repo@digest" (skips repeated HEADs when seeding many tags). */
  private readonly knownBlobs = new Set<string>();
  /** Number of HTTP requests sent to the registry (not counting token fetches). */
  requests = 0;

  constructor(
    /** http://127.0.0.1:PORT */
    readonly baseUrl: string,
    private readonly creds?: Credentials,
  ) {}

  private authHeaderFor(ch: Challenge | undefined, scopeKey: string): string | undefined {
    if (!ch) return undefined;
    if (ch.scheme === 'basic' && this.creds) {
      return `Basic ${Buffer.from(`${this.creds.user}:${this.creds.password}`).toString('base64')}`;
    }
    if (ch.scheme === 'bearer') {
      const t = this.tokens.get(scopeKey);
      if (t) return `Bearer ${t}`;
    }
    return undefined;
  }

  /** Fetches a bearer token for a challenge (GET realm?service&scope, Basic creds if any). */
  async fetchToken(ch: Challenge, scope?: string): Promise<string> {
    const realm = ch.params.realm;
    if (!realm) throw new Error('Bearer challenge without realm');
    const u = new URL(realm);
    if (ch.params.service) u.searchParams.set('service', ch.params.service);
    const sc = scope ?? ch.params.scope;
    if (sc) for (const s of sc.split(' ')) u.searchParams.append('scope', s);
    const headers: Record<string, string> = {};
    if (this.creds) {
      u.searchParams.set('account', this.creds.user);
      headers.Authorization = `Basic ${Buffer.from(`${this.creds.user}:${this.creds.password}`).toString('base64')}`;
    }
    const res = await httpRequest({ url: u.toString(), headers });
    if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${res.text()}`);
    const j = res.json<{ token?: string; access_token?: string }>();
    const t = j.token ?? j.access_token;
    if (!t) throw new Error('token endpoint returned no token');
    return t;
  }

  /** One API request with auth handled; `pathOrUrl` is `/v2/...` or an absolute URL (upload Location). */
  async request(
    method: string,
    pathOrUrl: string,
    opts: RequestOptions = {},
  ): Promise<HttpResponse> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    const scopeKey = opts.scope ?? scopeFor(method, new URL(url).pathname);
    const send = (auth: string | undefined): Promise<HttpResponse> => {
      this.requests++;
      const headers: Record<string, string> = { ...opts.headers };
      if (auth) headers.Authorization = auth;
      return httpRequest({ method, url, headers, body: opts.body });
    };
    const cached = this.tokens.get(scopeKey);
    let res = await send(cached ? `Bearer ${cached}` : this.basicIfKnown());
    if (res.status !== 401) return res;
    const ch = parseChallenge(res.headers['www-authenticate']);
    if (!ch) return res;
    if (ch.scheme === 'bearer') {
      const token = await this.fetchToken(ch, opts.scope);
      this.tokens.set(scopeKey, token);
    } else if (!this.creds) {
      return res;
    } else if (ch.scheme === 'basic') {
      this.basicKnown = true;
    }
    res = await send(this.authHeaderFor(ch, scopeKey));
    return res;
  }

  private basicKnown = false;
  private basicIfKnown(): string | undefined {
    // After one Basic challenge, send credentials up front.
    if (!this.basicKnown || !this.creds) return undefined;
    return `Basic ${Buffer.from(`${this.creds.user}:${this.creds.password}`).toString('base64')}`;
  }

  /** Mark the registry as Basic-auth (skips the first 401 round trip per request). */
  preferBasic(): this {
    this.basicKnown = true;
    return this;
  }

  async ping(): Promise<HttpResponse> {
    return this.request('GET', '/v2/');
  }

  async tags(repo: string): Promise<string[]> {
    const res = await this.request('GET', `/v2/${repo}/tags/list`);
    if (res.status !== 200) throw new Error(`tags/list ${repo}: ${res.status} ${res.text()}`);
    return res.json<{ tags: string[] | null }>().tags ?? [];
  }

  /** HEAD a manifest; returns the Docker-Content-Digest (undefined on 404). */
  async headManifest(
    repo: string,
    ref: string,
    accept: readonly string[] = ALL_MANIFEST_TYPES,
  ): Promise<string | undefined> {
    const res = await this.request('HEAD', `/v2/${repo}/manifests/${ref}`, {
      headers: { Accept: accept.join(', ') },
    });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new Error(`HEAD manifest ${repo}:${ref}: ${res.status}`);
    return res.headers['docker-content-digest'] as string;
  }

  async getManifest(
    repo: string,
    ref: string,
    accept: readonly string[] = ALL_MANIFEST_TYPES,
  ): Promise<{ status: number; mediaType: string; digest: string; body: Buffer }> {
    const res = await this.request('GET', `/v2/${repo}/manifests/${ref}`, {
      headers: { Accept: accept.join(', ') },
    });
    return {
      status: res.status,
      mediaType: String(res.headers['content-type'] ?? ''),
      digest: String(res.headers['docker-content-digest'] ?? ''),
      body: res.body,
    };
  }

  async putManifest(
    repo: string,
    ref: string,
    mediaType: string,
    body: Buffer | string,
  ): Promise<string> {
    const res = await this.request('PUT', `/v2/${repo}/manifests/${ref}`, {
      headers: { 'Content-Type': mediaType },
      body,
    });
    if (res.status !== 201)
      throw new Error(`PUT manifest ${repo}:${ref}: ${res.status} ${res.text()}`);
    return String(res.headers['docker-content-digest'] ?? sha256Digest(body));
  }

  async deleteManifest(repo: string, digest: string): Promise<number> {
    const res = await this.request('DELETE', `/v2/${repo}/manifests/${digest}`);
    return res.status;
  }

  async blobExists(repo: string, digest: string): Promise<boolean> {
    const res = await this.request('HEAD', `/v2/${repo}/blobs/${digest}`);
    return res.status === 200;
  }

  async getBlob(repo: string, digest: string): Promise<Buffer> {
    const res = await this.request('GET', `/v2/${repo}/blobs/${digest}`);
    if (res.status !== 200) throw new Error(`GET blob ${repo}@${digest}: ${res.status}`);
    return res.body;
  }

  /**
   * Uploads a blob monolithically (POST /v2/<repo>/blobs/uploads/ then PUT <location>&digest=),
   * or mounts it from another repository when `mountFrom` is given and the registry agrees.
   */
  async uploadBlob(
    repo: string,
    data: Buffer,
    opts: { skipIfExists?: boolean; mountFrom?: string } = {},
  ): Promise<string> {
    const digest = sha256Digest(data);
    const key = `${repo}@${digest}`;
    if (
      opts.skipIfExists !== false &&
      (this.knownBlobs.has(key) || (await this.blobExists(repo, digest)))
    ) {
      this.knownBlobs.add(key);
      return digest;
    }
    let startPath = `/v2/${repo}/blobs/uploads/`;
    if (opts.mountFrom)
      startPath += `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(opts.mountFrom)}`;
    const start = await this.request('POST', startPath, {
      headers: { 'Content-Length': '0' },
      body: '',
    });
    if (start.status === 201) {
      this.knownBlobs.add(key);
      return digest; // mounted
    }
    if (start.status !== 202)
      throw new Error(`blob upload start ${repo}: ${start.status} ${start.text()}`);
    const location = String(start.headers.location ?? '');
    const u = new URL(location, this.baseUrl);
    u.searchParams.set('digest', digest);
    const put = await this.request('PUT', u.toString(), {
      headers: { 'Content-Type': 'application/octet-stream' },
      body: data,
      scope: `repository:${repo}:pull,push`,
    });
    if (put.status !== 201) throw new Error(`blob upload ${repo}: ${put.status} ${put.text()}`);
    this.knownBlobs.add(key);
    return digest;
  }
}

/** The scope a request to `path` needs (repository:<name>:pull / pull,push / delete). */
export function scopeFor(method: string, path: string): string {
  const m = /^\/v2\/(.+?)\/(manifests|blobs|tags)\//.exec(path);
  if (!m) return path === '/v2/_catalog' ? 'registry:catalog:*' : '';
  const write = method === 'PUT' || method === 'POST' || method === 'PATCH';
  const actions = method === 'DELETE' ? 'delete' : write ? 'pull,push' : 'pull';
  return `repository:${m[1]}:${actions}`;
}
