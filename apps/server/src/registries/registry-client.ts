import { INDEX_MEDIA_TYPES, Platform, formatPlatform, selectPlatformEntry } from '@tidewatch/core';
import { Dispatcher } from 'undici';
import { CheckCycle, InflightRequests } from './check-cycle';
import { CredentialSource } from './credentials';
import { nextLink } from './link-header';
import { LruCache } from './lru-cache';
import {
  baseMediaType,
  isDigest,
  MANIFEST_ACCEPT,
  ManifestParseError,
  ManifestSummary,
  parseManifest,
  sha256Digest,
} from './manifest';
import { RateLimit } from './rate-limit';
import { AppliedAuth, RegistryAuth } from './registry-auth';
import { RegistryError } from './registry-error';
import {
  createRegistryAgent,
  DEFAULT_HTTP_OPTIONS,
  describeUrl,
  header,
  HttpOptions,
  HttpResponse,
  RegistryHttp,
  RequestCount,
  RequestKind,
} from './registry-http';
import { RegistryLogger, silentLogger } from './registry-logger';
import { parseRetryAfter } from './rate-limit';

/** Where a repository lives: API origin (`https://registry-1.docker.io`) and path (`library/nginx`). */
export interface RepositoryTarget {
  origin: string;
  repository: string;
}

export interface ResolvedTag {
  /** Digest of what the tag points to (an index for multi-arch images). */
  digest: string;
  mediaType?: string;
}

export interface DigestCheckRequest {
  tag: string;
  /** The local container's platform (from the image's Os/Architecture/Variant). */
  platform: Platform;
  /** Digests the local image is known by: its RepoDigests for this repository (bare `sha256:…`). */
  localDigests: readonly string[];
}

export interface DigestCheck {
  /** What the tag points to now (`Docker-Content-Digest` of a HEAD). */
  remoteDigest: string;
  /**
   * The manifest for the requested platform: `remoteDigest` itself for single-platform images;
   * for an index the chosen child, when it was resolved (it is not fetched when `remoteDigest`
   * already matches) and the index has an entry for the platform.
   */
  platformDigest?: string;
  /** True when the local image is the remote one, as the index or as the platform child. */
  upToDate: boolean;
}

export interface ImageConfig {
  /** Config blob digest (the classic image ID). */
  digest: string;
  /** The manifest the config belongs to (the platform child of an index). */
  manifestDigest: string;
  created?: string;
  labels: Record<string, string>;
  /** `org.opencontainers.image.source` */
  source?: string;
  /** `org.opencontainers.image.version` */
  version?: string;
}

export interface RegistryClientOptions {
  /** Registry instance id (`hub.public`): cache keys, counters and error messages. */
  id: string;
  credentials: CredentialSource;
  logger?: RegistryLogger;
  http?: Partial<HttpOptions>;
  /** Shared keep-alive pool; without one the client creates (and closes) its own. */
  dispatcher?: Dispatcher;
  /** May this plain-http URL be used (insecure registries, loopback)? Default: loopback only. */
  allowHttp?: (url: URL) => boolean;
  /** Token realm to use instead of the challenge's (GitLab AUTHURL). */
  tokenRealm?: string;
  /** Fail a tag list longer than this. */
  maxTags?: number;
  /** Fail a tag list needing more pages than this. */
  maxTagPages?: number;
  /** Manifests and configs kept by digest. */
  cacheEntries?: number;
  now?: () => number;
}

const TAGS_PAGE_SIZE = 1000; // ECR rejects n > 1000
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_TAGS_PAGE_BYTES = 16 * 1024 * 1024;
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
const MAX_PING_BYTES = 64 * 1024;
// RepoDigests are usually one or two entries; more are duplicates or stale.
const MAX_LOCAL_INDEXES = 4;

/**
 * The one OCI-distribution client every registry provider uses: auth challenges and tokens,
 * manifest HEAD/GET with platform selection, tag pagination, config blobs, and the caches that
 * keep a steady-state digest check at one HEAD.
 */
export class RegistryClient {
  readonly id: string;
  private readonly http: RegistryHttp;
  private readonly auth: RegistryAuth;
  private readonly inflight = new InflightRequests();
  private readonly manifests: LruCache<string, ManifestSummary>;
  private readonly configs: LruCache<string, Omit<ImageConfig, 'manifestDigest'>>;
  /** Local digests the registry answered 404 for; not asked again. */
  private readonly unknownDigests = new LruCache<string, true>(1000);
  private readonly ownedDispatcher?: Dispatcher;
  private readonly maxTags: number;
  private readonly maxTagPages: number;
  private readonly credentials: CredentialSource;
  private readonly logger: RegistryLogger;

  constructor(options: RegistryClientOptions) {
    this.id = options.id;
    this.credentials = options.credentials;
    const httpOptions: HttpOptions = { ...DEFAULT_HTTP_OPTIONS, ...options.http };
    const logger = options.logger ?? silentLogger;
    this.logger = logger;
    const allowHttp = options.allowHttp ?? isLoopbackUrl;
    let dispatcher = options.dispatcher;
    if (!dispatcher) {
      dispatcher = createRegistryAgent({
        connectTimeoutMs: httpOptions.connectTimeoutMs,
        connectionsPerOrigin: httpOptions.concurrency,
      });
      this.ownedDispatcher = dispatcher;
    }
    this.http = new RegistryHttp(this.id, dispatcher, httpOptions, logger, allowHttp);
    this.auth = new RegistryAuth({
      registryId: this.id,
      credentials: options.credentials,
      http: this.http,
      logger,
      allowHttp,
      ...(options.tokenRealm ? { tokenRealm: options.tokenRealm } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    this.manifests = new LruCache(options.cacheEntries ?? 10_000);
    this.configs = new LruCache(options.cacheEntries ?? 10_000);
    this.maxTags = options.maxTags ?? 100_000;
    this.maxTagPages = options.maxTagPages ?? 1000;
  }

  /** `GET /v2/`: checks that the registry answers and the credentials are accepted. */
  async ping(origin: string): Promise<void> {
    const url = new URL('/v2/', origin);
    const response = await this.request('ping', 'GET', url, undefined, undefined, MAX_PING_BYTES);
    if (response.status !== 200) throw this.statusError(response, { what: 'ping' });
  }

  /**
   * §1.6 of the registry reference: one HEAD for the tag; if its digest is not local, the
   * platform child of the index (GET once per digest, cached forever) is compared too.
   */
  async checkDigest(
    target: RepositoryTarget,
    request: DigestCheckRequest,
    cycle?: CheckCycle,
  ): Promise<DigestCheck> {
    const resolved = await this.resolveTag(target, request.tag, cycle);
    const local = new Set(request.localDigests);
    if (local.has(resolved.digest)) {
      const platformDigest = this.cachedPlatformDigest(resolved, request.platform);
      return platformDigest === undefined
        ? { remoteDigest: resolved.digest, upToDate: true }
        : { remoteDigest: resolved.digest, platformDigest, upToDate: true };
    }
    const platformDigest = await this.platformDigest(target, resolved.digest, request.platform);
    if (platformDigest === undefined) return { remoteDigest: resolved.digest, upToDate: false };
    const upToDate =
      local.has(platformDigest) || (await this.localIndexHasChild(target, request, platformDigest));
    return { remoteDigest: resolved.digest, platformDigest, upToDate };
  }

  /**
   * The digest a tag points to: one `HEAD` (shared by concurrent callers and, with a cycle, for
   * the whole cycle). Falls back to `GET` and hashing the body when the registry sends no
   * `Docker-Content-Digest`.
   */
  resolveTag(target: RepositoryTarget, tag: string, cycle?: CheckCycle): Promise<ResolvedTag> {
    return this.shared(
      `head|${this.id}|${target.origin}|${target.repository}|${tag}`,
      () => this.headTag(target, tag),
      cycle,
    );
  }

  /** Manifest or index by digest (or tag), parsed; by digest it is cached for good. */
  async getManifest(target: RepositoryTarget, reference: string): Promise<ManifestSummary> {
    if (isDigest(reference)) {
      const cached = this.manifests.get(reference);
      if (cached) return cached;
    }
    return this.inflight.run(`manifest|${target.origin}|${target.repository}|${reference}`, () =>
      this.fetchManifest(target, reference),
    );
  }

  /**
   * The manifest digest to run on `platform`: the digest itself for a single-platform
   * manifest, the matching entry of an index (a nested index is followed once), or undefined
   * when the index has nothing for the platform.
   */
  async platformDigest(
    target: RepositoryTarget,
    digest: string,
    platform: Platform,
  ): Promise<string | undefined> {
    const manifest = await this.getManifest(target, digest);
    if (manifest.kind === 'image') return manifest.digest;
    const entry = selectPlatformEntry(manifest.manifests, platform);
    if (!entry || !INDEX_MEDIA_TYPES.includes(entry.mediaType ?? '')) return entry?.digest;
    const nested = await this.getManifest(target, entry.digest);
    if (nested.kind === 'image') return nested.digest;
    const child = selectPlatformEntry(nested.manifests, platform);
    if (child && INDEX_MEDIA_TYPES.includes(child.mediaType ?? '')) {
      throw new RegistryError(
        'unsupported',
        `image index ${digest} in ${target.repository} nests indexes more than one level deep`,
        { registry: this.id },
      );
    }
    return child?.digest;
  }

  /** Every tag of a repository, following `Link: rel="next"` exactly. Shared per cycle. */
  listTags(target: RepositoryTarget, cycle?: CheckCycle): Promise<string[]> {
    return this.shared(
      `tags|${this.id}|${target.origin}|${target.repository}`,
      () => this.fetchTags(target),
      cycle,
    );
  }

  /** Created date and labels of the image a tag or digest points to, for one platform. */
  async getImageConfig(
    target: RepositoryTarget,
    reference: string,
    platform: Platform,
    cycle?: CheckCycle,
  ): Promise<ImageConfig> {
    const digest = isDigest(reference)
      ? reference
      : (await this.resolveTag(target, reference, cycle)).digest;
    const manifestDigest = await this.platformDigest(target, digest, platform);
    if (manifestDigest === undefined) {
      throw new RegistryError(
        'not-found',
        `${target.repository}@${digest} has no image for ${formatPlatform(platform)} in registry ${hostOf(target)}`,
        {
          registry: this.id,
        },
      );
    }
    const manifest = await this.getManifest(target, manifestDigest);
    if (manifest.kind !== 'image') {
      throw new RegistryError(
        'bad-response',
        `${target.repository}@${manifestDigest} is not an image manifest`,
        { registry: this.id },
      );
    }
    const configDigest = manifest.config.digest;
    const cached = this.configs.get(configDigest);
    const config =
      cached ??
      (await this.inflight.run(`config|${configDigest}`, () =>
        this.fetchConfig(target, configDigest),
      ));
    return { ...config, manifestDigest };
  }

  rateLimit(): RateLimit | undefined {
    return this.http.rateLimit();
  }

  counters(): RequestCount[] {
    return this.http.counters();
  }

  /** Closes the connection pool if this client created it. */
  async close(): Promise<void> {
    this.credentials.close?.();
    await this.ownedDispatcher?.close();
  }

  private shared<T>(key: string, load: () => Promise<T>, cycle?: CheckCycle): Promise<T> {
    const deduped = () => this.inflight.run(key, load);
    return cycle ? cycle.memo(key, deduped) : deduped();
  }

  /**
   * An engine that pulled a multi-arch tag records the index digest only. When the index was
   * rebuilt for other platforms, our platform's child may be unchanged: compare the children of
   * the local indexes too (Diun does the same). One GET per local digest, cached for good.
   */
  private async localIndexHasChild(
    target: RepositoryTarget,
    request: DigestCheckRequest,
    platformDigest: string,
  ): Promise<boolean> {
    for (const digest of request.localDigests.slice(0, MAX_LOCAL_INDEXES)) {
      if (this.unknownDigests.get(digest)) continue;
      try {
        if ((await this.platformDigest(target, digest, request.platform)) === platformDigest)
          return true;
      } catch (error) {
        // A local digest the registry no longer has (or never had) proves nothing.
        if (!(error instanceof RegistryError)) throw error;
        if (error.code === 'not-found') this.unknownDigests.set(digest, true);
        this.logger.debug(
          `${this.id}: cannot read local ${target.repository}@${digest}: ${error.message}`,
        );
      }
    }
    return false;
  }

  private cachedPlatformDigest(resolved: ResolvedTag, platform: Platform): string | undefined {
    const manifest = this.manifests.get(resolved.digest);
    if (manifest?.kind === 'image') return manifest.digest;
    if (!manifest && resolved.mediaType && !INDEX_MEDIA_TYPES.includes(resolved.mediaType))
      return resolved.digest;
    if (!manifest) return undefined;
    const entry = selectPlatformEntry(manifest.manifests, platform);
    return entry && !INDEX_MEDIA_TYPES.includes(entry.mediaType ?? '') ? entry.digest : undefined;
  }

  private async headTag(target: RepositoryTarget, tag: string): Promise<ResolvedTag> {
    const url = manifestUrl(target, tag);
    const response = await this.request(
      'manifest-head',
      'HEAD',
      url,
      target.repository,
      MANIFEST_ACCEPT,
      0,
    );
    const digest = header(response.headers, 'docker-content-digest')?.trim();
    if (response.status === 200 && digest && isDigest(digest)) {
      const mediaType = baseMediaType(header(response.headers, 'content-type'));
      return mediaType ? { digest, mediaType } : { digest };
    }
    // No digest header (older registries), HEAD not allowed, or an error whose body a GET
    // will explain: ask with GET.
    if (response.status !== 200 && response.status !== 404 && response.status !== 405) {
      throw this.statusError(response, {
        what: 'manifest',
        repository: target.repository,
        reference: tag,
      });
    }
    const manifest = await this.fetchManifest(target, tag);
    return { digest: manifest.digest, mediaType: manifest.mediaType };
  }

  private async fetchManifest(
    target: RepositoryTarget,
    reference: string,
  ): Promise<ManifestSummary> {
    const url = manifestUrl(target, reference);
    const response = await this.request(
      'manifest-get',
      'GET',
      url,
      target.repository,
      MANIFEST_ACCEPT,
      MAX_MANIFEST_BYTES,
    );
    if (response.status !== 200)
      throw this.statusError(response, {
        what: 'manifest',
        repository: target.repository,
        reference,
      });
    const computed = sha256Digest(response.body);
    const sent = header(response.headers, 'docker-content-digest')?.trim();
    let digest = sent && isDigest(sent) ? sent : computed;
    if (isDigest(reference)) {
      if (reference.startsWith('sha256:') && computed !== reference) {
        throw new RegistryError(
          'bad-response',
          `registry ${hostOf(target)} sent a manifest for ${target.repository}@${reference} whose content does not match the digest`,
          {
            registry: this.id,
          },
        );
      }
      digest = reference;
    }
    let manifest: ManifestSummary;
    try {
      manifest = parseManifest(response.body, header(response.headers, 'content-type'), digest);
    } catch (error) {
      if (!(error instanceof ManifestParseError)) throw error;
      const name = `${target.repository}${isDigest(reference) ? '@' : ':'}${reference}`;
      throw new RegistryError(
        error.unsupported ? 'unsupported' : 'bad-response',
        `manifest ${name} in registry ${hostOf(target)} ${error.message}`,
        {
          registry: this.id,
        },
      );
    }
    this.manifests.set(digest, manifest);
    return manifest;
  }

  private async fetchTags(target: RepositoryTarget): Promise<string[]> {
    const tags: string[] = [];
    const visited = new Set<string>();
    let url: URL | undefined = new URL(
      `/v2/${target.repository}/tags/list?n=${TAGS_PAGE_SIZE}`,
      target.origin,
    );
    while (url) {
      if (visited.size >= this.maxTagPages) {
        throw new RegistryError(
          'too-large',
          `repository ${target.repository} in registry ${hostOf(target)} has more than ${this.maxTagPages} pages of tags; exclude it or pin a digest`,
          {
            registry: this.id,
          },
        );
      }
      visited.add(url.toString());
      const response: HttpResponse = await this.request(
        'tags',
        'GET',
        url,
        target.repository,
        'application/json',
        MAX_TAGS_PAGE_BYTES,
      );
      if (response.status !== 200)
        throw this.statusError(response, { what: 'tags', repository: target.repository });
      tags.push(...this.parseTagsPage(response, target));
      if (tags.length > this.maxTags) {
        throw new RegistryError(
          'too-large',
          `repository ${target.repository} in registry ${hostOf(target)} has more than ${this.maxTags} tags; exclude it or pin a digest`,
          {
            registry: this.id,
          },
        );
      }
      const next = nextLink(response.headers.link, response.url);
      if (next && visited.has(next.toString())) {
        throw new RegistryError(
          'bad-response',
          `registry ${hostOf(target)} sent a tag page link that loops for ${target.repository}`,
          { registry: this.id },
        );
      }
      url = next;
    }
    return tags;
  }

  private parseTagsPage(response: HttpResponse, target: RepositoryTarget): string[] {
    const bad = (problem: string) =>
      new RegistryError(
        'bad-response',
        `registry ${hostOf(target)} sent a malformed tag list for ${target.repository}: ${problem}`,
        {
          registry: this.id,
          status: response.status,
        },
      );
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw bad('not valid JSON');
    }
    if (typeof body !== 'object' || body === null) throw bad('not a JSON object');
    const tags = (body as { tags?: unknown }).tags;
    // `tags: null` is how distribution answers for a repository with no tags left.
    if (tags === null || tags === undefined) return [];
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string'))
      throw bad('"tags" is not a list of strings');
    return tags;
  }

  private async fetchConfig(
    target: RepositoryTarget,
    digest: string,
  ): Promise<Omit<ImageConfig, 'manifestDigest'>> {
    const url = new URL(`/v2/${target.repository}/blobs/${digest}`, target.origin);
    const response = await this.request(
      'blob',
      'GET',
      url,
      target.repository,
      undefined,
      MAX_CONFIG_BYTES,
    );
    if (response.status !== 200)
      throw this.statusError(response, {
        what: 'blob',
        repository: target.repository,
        reference: digest,
      });
    if (digest.startsWith('sha256:') && sha256Digest(response.body) !== digest) {
      throw new RegistryError(
        'bad-response',
        `registry ${hostOf(target)} sent a config blob for ${target.repository} whose content does not match ${digest}`,
        {
          registry: this.id,
        },
      );
    }
    let body: { created?: unknown; config?: { Labels?: unknown } | null };
    try {
      body = JSON.parse(response.body.toString('utf8')) as typeof body;
    } catch {
      throw new RegistryError(
        'bad-response',
        `config blob ${digest} of ${target.repository} is not valid JSON`,
        { registry: this.id },
      );
    }
    const labels: Record<string, string> = {};
    const rawLabels = body?.config?.Labels;
    if (rawLabels && typeof rawLabels === 'object') {
      for (const [key, value] of Object.entries(rawLabels))
        if (typeof value === 'string') labels[key] = value;
    }
    const config: Omit<ImageConfig, 'manifestDigest'> = { digest, labels };
    if (typeof body?.created === 'string') config.created = body.created;
    const source = labels['org.opencontainers.image.source'];
    const version = labels['org.opencontainers.image.version'];
    if (source) config.source = source;
    if (version) config.version = version;
    this.configs.set(digest, config);
    return config;
  }

  /** One registry request with the auth dance: cached challenge first, one retry after a 401. */
  private async request(
    kind: RequestKind,
    method: 'GET' | 'HEAD',
    url: URL,
    repository: string | undefined,
    accept: string | undefined,
    maxBodyBytes: number,
  ): Promise<HttpResponse> {
    const scope = repository === undefined ? undefined : `repository:${repository}:pull`;
    const auth = await this.auth.authorize(url.origin, scope);
    const response = await this.http.send({
      kind,
      method,
      url,
      headers: requestHeaders(accept, auth),
      maxBodyBytes,
    });
    if (response.status !== 401) return response;
    const retry = await this.auth.retryAfterUnauthorized(
      url.origin,
      scope,
      response.headers['www-authenticate'],
      auth,
    );
    if (!retry) return response;
    return this.http.send({
      kind,
      method,
      url,
      headers: requestHeaders(accept, retry),
      maxBodyBytes,
    });
  }

  /** Maps a non-success response to a typed error with a message a person can act on. */
  private statusError(response: HttpResponse, context: StatusContext): RegistryError {
    const { status } = response;
    const host = response.url.host;
    const details = { registry: this.id, status };
    const repository = context.repository ? `repository ${context.repository}` : 'the registry API';
    if (status === 401) {
      return new RegistryError(
        'unauthorized',
        `not authorized to read ${repository} in registry ${host} (HTTP 401); check the credentials of ${this.id}, or whether the repository exists`,
        details,
      );
    }
    if (status === 403) {
      return new RegistryError(
        'forbidden',
        `access to ${repository} in registry ${host} is denied (HTTP 403)`,
        details,
      );
    }
    if (status === 404) return notFoundError(response, context, repository, details);
    if (status === 429) {
      const retryAfter = parseRetryAfter(header(response.headers, 'retry-after'));
      const seconds = retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000);
      const quota = header(response.headers, 'ratelimit-remaining')?.trim().startsWith('0')
        ? ' (pull limit reached)'
        : '';
      const hint = seconds === undefined ? '' : `; retry after ${seconds} s`;
      return new RegistryError(
        'rate-limited',
        `registry ${host} is rate limiting requests${quota}${hint}`,
        seconds === undefined ? details : { ...details, retryAfterSeconds: seconds },
      );
    }
    const code = status >= 500 ? 'unavailable' : 'bad-response';
    const unexpected = status >= 500 ? '' : 'unexpected ';
    return new RegistryError(
      code,
      `registry ${host} answered ${unexpected}HTTP ${status} for ${describeUrl(response.url)}`,
      details,
    );
  }
}

interface StatusContext {
  what: 'ping' | 'manifest' | 'tags' | 'blob';
  repository?: string;
  reference?: string;
}

/** 404s: distribution's error code tells a missing repository from a missing tag. */
function notFoundError(
  response: HttpResponse,
  context: StatusContext,
  repository: string,
  details: { registry: string; status: number },
): RegistryError {
  const host = response.url.host;
  const code = ociErrorCode(response.body);
  if (context.what === 'tags' || code === 'NAME_UNKNOWN') {
    return new RegistryError('not-found', `${repository} not found in registry ${host}`, details);
  }
  const reference = context.reference ?? '';
  if (context.what === 'manifest') {
    const byDigest = isDigest(reference);
    const suffix = code === 'MANIFEST_UNKNOWN' || code === undefined ? '' : ` (${code})`;
    return new RegistryError(
      'not-found',
      `${byDigest ? 'manifest' : 'tag'} ${context.repository ?? ''}${byDigest ? '@' : ':'}${reference} not found in registry ${host}${suffix}`,
      details,
    );
  }
  const subject = context.what === 'blob' ? `blob ${reference} of ${repository}` : repository;
  return new RegistryError('not-found', `${subject} not found in registry ${host}`, details);
}

function manifestUrl(target: RepositoryTarget, reference: string): URL {
  return new URL(`/v2/${target.repository}/manifests/${reference}`, target.origin);
}

function requestHeaders(accept: string | undefined, auth: AppliedAuth): Record<string, string> {
  const headers: Record<string, string> = {};
  if (accept) headers.accept = accept;
  if (auth.header) headers.authorization = auth.header;
  return headers;
}

function hostOf(target: RepositoryTarget): string {
  return new URL(target.origin).host;
}

/** First `errors[].code` of an OCI error body, if any. */
function ociErrorCode(body: Buffer): string | undefined {
  if (body.length === 0 || body.length > 64 * 1024) return undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: Array<{ code?: unknown }> };
    const code = parsed.errors?.[0]?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Loopback registries (127.0.0.0/8, ::1, localhost) may use plain http, as Docker allows. */
export function isLoopbackUrl(url: URL): boolean {
  return isLoopbackHost(url.hostname);
}

/** `host` may carry a port (`127.0.0.1:5000`, `[::1]:5000`). */
export function isLoopbackHost(host: string): boolean {
  let hostname = host.toLowerCase();
  const bracketed = /^\[(.*)\](?::\d+)?$/.exec(hostname);
  if (bracketed) hostname = bracketed[1] ?? '';
  else if (hostname.split(':').length === 2) hostname = hostname.replace(/:\d+$/, '');
  return hostname === 'localhost' || hostname === '::1' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
