import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A loopback-only, in-process registry speaking the distribution wire protocol (challenges,
 * token endpoint, manifests with content negotiation headers, tag pagination with opaque Link
 * tokens, blobs) and recording every request, for fast protocol tests.
 */
export interface FakeRegistryOptions {
  auth?: 'none' | 'basic' | 'bearer' | 'bearer+basic' | 'static-bearer';
  /** Accepted Basic credentials (registry for `basic`, token endpoint for `bearer`). */
  users?: Record<string, string>;
  /** `expires_in` of issued tokens; null omits it. */
  tokenExpiresIn?: number | null;
  tokenField?: 'token' | 'access_token';
  /** Tags per page; pages link to the next with an opaque token. */
  pageSize?: number;
  omitDigestHeader?: boolean;
  /** Static bearer token accepted with `static-bearer`. */
  staticToken?: string;
}

export type RequestKindLabel =
  'ping' | 'token' | 'tags' | 'manifest-head' | 'manifest-get' | 'blob' | 'other';

export interface RecordedRequest {
  method: string;
  url: string;
  kind: RequestKindLabel;
  status: number;
  authorization?: string;
}

interface StoredBlob {
  body: Buffer;
  mediaType: string;
}

/** Return true when the request was answered (e.g. a 429 or 500 injected by a test). */
export type Interceptor = (
  req: IncomingMessage,
  res: ServerResponse,
  kind: RequestKindLabel,
) => boolean;

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

export function digestOf(body: Buffer | string): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

export class FakeRegistry {
  readonly requests: RecordedRequest[] = [];
  interceptor: Interceptor | undefined;
  private server: Server | undefined;
  private readonly tags = new Map<string, Map<string, string>>();
  private readonly manifests = new Map<string, StoredBlob>();
  private readonly blobs = new Map<string, StoredBlob>();
  private readonly tokens = new Set<string>();
  private readonly pageTokens = new Map<string, number>();
  private readonly options: Required<Omit<FakeRegistryOptions, 'tokenExpiresIn'>> & {
    tokenExpiresIn: number | null;
  };

  constructor(options: FakeRegistryOptions = {}) {
    this.options = {
      auth: options.auth ?? 'none',
      users: options.users ?? {},
      tokenExpiresIn: options.tokenExpiresIn === undefined ? 300 : options.tokenExpiresIn,
      tokenField: options.tokenField ?? 'token',
      pageSize: options.pageSize ?? 1000,
      omitDigestHeader: options.omitDigestHeader ?? false,
      staticToken: options.staticToken ?? 'static-token',
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  /** `127.0.0.1:<port>` */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  get origin(): string {
    return `http://${this.host}`;
  }

  count(kind: RequestKindLabel, status?: number): number {
    return this.requests.filter(
      (r) => r.kind === kind && (status === undefined || r.status === status),
    ).length;
  }

  /** Invalidates every issued token (the next use gets a 401). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** Stores a single-platform image (config + manifest) and tags it; returns both digests. */
  pushImage(
    repository: string,
    tag: string | undefined,
    options: {
      architecture?: string;
      os?: string;
      variant?: string;
      labels?: Record<string, string>;
      created?: string;
      mediaType?: string;
      salt?: string;
    } = {},
  ): { digest: string; configDigest: string } {
    const config = Buffer.from(
      JSON.stringify({
        architecture: options.architecture ?? 'amd64',
        os: options.os ?? 'linux',
        ...(options.variant ? { variant: options.variant } : {}),
        created: options.created ?? '2026-01-01T00:00:00Z',
        config: { Labels: options.labels ?? {} },
        rootfs: { type: 'layers', diff_ids: [] },
        salt: options.salt ?? randomBytes(4).toString('hex'),
      }),
    );
    const configDigest = digestOf(config);
    this.blobs.set(configDigest, {
      body: config,
      mediaType: 'application/vnd.oci.image.config.v1+json',
    });
    const mediaType = options.mediaType ?? OCI_MANIFEST;
    const digest = this.putManifest(repository, tag, {
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: [],
    });
    return { digest, configDigest };
  }

  /** Stores an index over `entries` and tags it. */
  pushIndex(
    repository: string,
    tag: string | undefined,
    entries: object[],
    mediaType = OCI_INDEX,
  ): string {
    return this.putManifest(repository, tag, { schemaVersion: 2, mediaType, manifests: entries });
  }

  putManifest(
    repository: string,
    tag: string | undefined,
    manifest: { mediaType?: string; [key: string]: unknown },
    raw?: Buffer,
  ): string {
    const body = raw ?? Buffer.from(JSON.stringify(manifest, null, 2));
    const digest = digestOf(body);
    this.manifests.set(digest, { body, mediaType: manifest.mediaType ?? OCI_MANIFEST });
    const repoTags = this.tags.get(repository) ?? new Map<string, string>();
    this.tags.set(repository, repoTags);
    if (tag !== undefined) repoTags.set(tag, digest);
    return digest;
  }

  setTags(repository: string, tags: string[]): void {
    const repoTags = this.tags.get(repository) ?? new Map<string, string>();
    for (const tag of tags) repoTags.set(tag, repoTags.get(tag) ?? digestOf(tag));
    this.tags.set(repository, repoTags);
  }

  /** A repository that exists with no tags (distribution answers `tags: null`). */
  createEmptyRepository(repository: string): void {
    this.tags.set(repository, new Map());
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    const kind = classify(req.method ?? 'GET', url.pathname);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      kind,
      status: 0,
    };
    if (req.headers.authorization) record.authorization = req.headers.authorization;
    this.requests.push(record);
    // Record the status when the head is written (before the client can see the response).
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = (status: number, ...rest: unknown[]) => {
      record.status = status;
      return writeHead(status, ...rest);
    };

    if (this.interceptor?.(req, res, kind)) return;
    if (url.pathname === '/token') return this.token(req, res, url);
    if (!url.pathname.startsWith('/v2/'))
      return json(res, 404, { errors: [{ code: 'NOT_FOUND' }] });
    if (!this.authorized(req)) return this.challenge(res, url);

    if (url.pathname === '/v2/') return json(res, 200, {});
    const tagsMatch = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
    if (tagsMatch) return this.tagList(res, url, tagsMatch[1] ?? '');
    const manifestMatch = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    if (manifestMatch)
      return this.manifest(req, res, manifestMatch[1] ?? '', manifestMatch[2] ?? '');
    const blobMatch = /^\/v2\/(.+)\/blobs\/([^/]+)$/.exec(url.pathname);
    if (blobMatch) {
      const blob = this.blobs.get(blobMatch[2] ?? '');
      if (!blob) return json(res, 404, { errors: [{ code: 'BLOB_UNKNOWN' }] });
      res.writeHead(200, {
        'content-type': blob.mediaType,
        'content-length': blob.body.length,
        'docker-content-digest': blobMatch[2],
      });
      res.end(blob.body);
      return;
    }
    json(res, 404, { errors: [{ code: 'NOT_FOUND' }] });
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    switch (this.options.auth) {
      case 'none':
        return true;
      case 'basic':
        return this.basicOk(header);
      case 'bearer':
        return header.startsWith('Bearer ') && this.tokens.has(header.slice(7));
      case 'bearer+basic':
        return (
          this.basicOk(header) || (header.startsWith('Bearer ') && this.tokens.has(header.slice(7)))
        );
      case 'static-bearer':
        return header === `Bearer ${this.options.staticToken}`;
    }
  }

  private basicOk(header: string): boolean {
    if (!header.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && this.options.users[decoded.slice(0, colon)] === decoded.slice(colon + 1);
  }

  private challenge(res: ServerResponse, url: URL): void {
    const repo = /^\/v2\/(.+)\/(?:tags|manifests|blobs)\//.exec(url.pathname)?.[1];
    const scope = repo ? `,scope="repository:${repo}:pull"` : '';
    const bearer = `Bearer realm="${this.origin}/token",service="fake-registry"${scope}`;
    const basic = 'Basic realm="fake registry"';
    const header =
      this.options.auth === 'basic'
        ? basic
        : this.options.auth === 'bearer+basic'
          ? `${bearer},${basic}`
          : this.options.auth === 'static-bearer'
            ? 'Bearer realm="fake"'
            : bearer;
    res.writeHead(401, { 'www-authenticate': header, 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }),
    );
  }

  private token(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const header = req.headers.authorization;
    if (header !== undefined && !this.basicOk(header))
      return json(res, 401, { details: 'incorrect username or password' });
    if (url.searchParams.get('service') !== 'fake-registry')
      return json(res, 400, { details: 'bad service' });
    const token = randomBytes(12).toString('hex');
    this.tokens.add(token);
    const body: Record<string, unknown> = {
      [this.options.tokenField]: token,
      issued_at: new Date().toISOString(),
    };
    if (this.options.tokenExpiresIn !== null) body.expires_in = this.options.tokenExpiresIn;
    json(res, 200, body);
  }

  private tagList(res: ServerResponse, url: URL, repository: string): void {
    const repoTags = this.tags.get(repository);
    if (!repoTags)
      return json(res, 404, {
        errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }],
      });
    if (url.searchParams.has('last'))
      return json(res, 400, { errors: [{ code: 'UNSUPPORTED', message: 'use the Link header' }] });
    const all = [...repoTags.keys()].sort();
    if (all.length === 0) return json(res, 200, { name: repository, tags: null });
    const pageToken = url.searchParams.get('next_page');
    let offset = 0;
    if (pageToken !== null) {
      const known = this.pageTokens.get(pageToken);
      if (known === undefined)
        return json(res, 400, { errors: [{ code: 'PAGINATION_TOKEN_INVALID' }] });
      offset = known;
    }
    const n = Math.min(
      Number(url.searchParams.get('n') ?? this.options.pageSize),
      this.options.pageSize,
    );
    const page = all.slice(offset, offset + n);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (offset + n < all.length) {
      const next = randomBytes(9).toString('base64url');
      this.pageTokens.set(next, offset + n);
      headers.link = `</v2/${repository}/tags/list?n=${n}&next_page=${next}>; rel="next"`;
    }
    res.writeHead(200, headers);
    res.end(JSON.stringify({ name: repository, tags: page }));
  }

  private manifest(
    req: IncomingMessage,
    res: ServerResponse,
    repository: string,
    reference: string,
  ): void {
    const repoTags = this.tags.get(repository);
    if (!repoTags)
      return json(res, 404, {
        errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }],
      });
    const digest = reference.startsWith('sha256:') ? reference : repoTags.get(reference);
    const stored = digest ? this.manifests.get(digest) : undefined;
    if (!digest || !stored)
      return json(res, 404, {
        errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }],
      });
    const headers: Record<string, string | number> = {
      'content-type': stored.mediaType,
      'content-length': stored.body.length,
    };
    if (!this.options.omitDigestHeader) headers['docker-content-digest'] = digest;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : stored.body);
  }
}

function classify(method: string, path: string): RequestKindLabel {
  if (path === '/token') return 'token';
  if (path === '/v2/') return 'ping';
  if (/\/tags\/list$/.test(path)) return 'tags';
  if (/\/manifests\//.test(path)) return method === 'HEAD' ? 'manifest-head' : 'manifest-get';
  if (/\/blobs\//.test(path)) return 'blob';
  return 'other';
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
