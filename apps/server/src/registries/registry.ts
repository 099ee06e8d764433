import { parseRepoDigest, Platform } from '@tidewatch/core';
import { Dispatcher } from 'undici';
import { CheckCycle } from './check-cycle';
import { CredentialSource } from './credentials';
import { isDigest } from './manifest';
import { maskConfiguration } from './mask';
import { RateLimit } from './rate-limit';
import {
  DigestCheck,
  ImageConfig,
  isLoopbackUrl,
  RegistryClient,
  RegistryClientOptions,
  RepositoryTarget,
} from './registry-client';
import { RegistryError } from './registry-error';
import { HttpOptions, RequestCount } from './registry-http';
import { RegistryLogger } from './registry-logger';

export const PROVIDER_TYPES = [
  'hub',
  'ghcr',
  'quay',
  'gitlab',
  'lscr',
  'gitea',
  'ecr',
  'gcr',
  'acr',
  'custom',
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** How well an instance serves a host: its configured URL (`exact`) or a family of hosts (`pattern`). */
export type HostMatch = 'exact' | 'pattern';

/** What a provider decides about one instance; everything else is the shared client. */
export interface RegistryDefinition {
  /** API base shown to people, WUD style: `https://registry-1.docker.io/v2`. */
  url: string;
  /** Does this instance serve an image registry host (`docker.io`, `ghcr.io`, `127.0.0.1:5000`)? */
  match(host: string): HostMatch | undefined;
  /** API origin for a host it serves (`docker.io` → `https://registry-1.docker.io`). */
  origin(host: string): string;
  /** Host used when a request names none; absent for providers serving many hosts (ECR, ACR). */
  defaultHost?: string;
  /** `nginx` → `library/nginx` on Docker Hub. */
  normalizeRepository?(repository: string): string;
  credentials: CredentialSource;
  /** Plain http allowed beyond loopback (custom `INSECURE=true`). */
  insecure?: boolean;
  /** Token realm overriding the challenge's (GitLab AUTHURL). */
  tokenRealm?: string;
}

export interface RegistrySettings {
  /** The instance's configuration as given (lower-case keys), for masking and display. */
  config: Readonly<Record<string, string>>;
  secretKeys: readonly string[];
  webhookToken?: string;
  concurrency?: number;
}

/** Shared runtime pieces a registry instance is built with. */
export interface RegistryDeps {
  logger?: RegistryLogger;
  http?: Partial<HttpOptions>;
  /** Shared keep-alive pool (the resolver passes one); otherwise each instance has its own. */
  dispatcher?: Dispatcher;
  client?: Pick<RegistryClientOptions, 'maxTags' | 'maxTagPages' | 'cacheEntries' | 'now'>;
}

/** An image as the caller knows it: registry host (`docker.io`; default: the instance's) and path. */
export interface ImageLocation {
  registry?: string;
  repository: string;
}

export interface ImageDigestRequest extends ImageLocation {
  tag: string;
  platform: Platform;
  /**
   * The local image's RepoDigests (`nginx@sha256:…`, filtered here to this repository) and/or
   * bare digests (e.g. the container's ImageManifestDescriptor).
   */
  localDigests: readonly string[];
}

/** One configured (or built-in) registry: identity, host matching, and the registry calls. */
export class Registry {
  readonly id: string;
  readonly client: RegistryClient;
  readonly url: string;
  readonly webhookToken?: string;

  constructor(
    readonly type: ProviderType,
    readonly name: string,
    private readonly definition: RegistryDefinition,
    private readonly settings: RegistrySettings,
    deps: RegistryDeps = {},
  ) {
    this.id = `${type}.${name}`;
    this.url = definition.url;
    if (settings.webhookToken) this.webhookToken = settings.webhookToken;
    const http: Partial<HttpOptions> = { ...deps.http };
    if (settings.concurrency !== undefined) http.concurrency = settings.concurrency;
    this.client = new RegistryClient({
      id: this.id,
      credentials: definition.credentials,
      http,
      allowHttp: (url) => definition.insecure === true || isLoopbackUrl(url),
      ...(deps.logger ? { logger: deps.logger } : {}),
      ...(deps.dispatcher ? { dispatcher: deps.dispatcher } : {}),
      ...(definition.tokenRealm ? { tokenRealm: definition.tokenRealm } : {}),
      ...deps.client,
    });
  }

  match(host: string): HostMatch | undefined {
    return this.definition.match(host.toLowerCase());
  }

  serves(host: string): boolean {
    return this.match(host) !== undefined;
  }

  /** API origin and normalised repository path for an image. */
  target(image: ImageLocation): RepositoryTarget {
    const host = (image.registry ?? this.definition.defaultHost)?.toLowerCase();
    if (!host)
      throw new RegistryError(
        'unsupported',
        `registry ${this.id} serves several hosts; the image's registry host is required`,
        { registry: this.id },
      );
    if (!this.definition.match(host))
      throw new RegistryError('unsupported', `registry ${this.id} does not serve ${host}`, {
        registry: this.id,
      });
    const repository = this.definition.normalizeRepository?.(image.repository) ?? image.repository;
    return { origin: this.definition.origin(host), repository };
  }

  /** The digest check of the registry reference's §1.6 (one HEAD per tag and cycle). */
  checkDigest(request: ImageDigestRequest, cycle?: CheckCycle): Promise<DigestCheck> {
    const target = this.target(request);
    const localDigests = this.localDigests(request.localDigests, target);
    return this.client.checkDigest(
      target,
      { tag: request.tag, platform: request.platform, localDigests },
      cycle,
    );
  }

  listTags(image: ImageLocation, cycle?: CheckCycle): Promise<string[]> {
    return this.client.listTags(this.target(image), cycle);
  }

  /** Created date and labels of a tag or digest for one platform (cached by digest). */
  getImageConfig(
    image: ImageLocation & { reference: string; platform: Platform },
    cycle?: CheckCycle,
  ): Promise<ImageConfig> {
    return this.client.getImageConfig(this.target(image), image.reference, image.platform, cycle);
  }

  /** `GET /v2/` on the instance's host (or `host`), following auth: "test connection". */
  ping(host?: string): Promise<void> {
    const target = this.target(
      host === undefined ? { repository: '' } : { registry: host, repository: '' },
    );
    return this.client.ping(target.origin);
  }

  /** Configuration with secrets masked (`ab****yz`). */
  maskedConfiguration(): Record<string, string> {
    return maskConfiguration(this.settings.config, this.settings.secretKeys);
  }

  rateLimit(): RateLimit | undefined {
    return this.client.rateLimit();
  }

  counters(): RequestCount[] {
    return this.client.counters();
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** Keeps bare digests and the RepoDigests entries of this very repository. */
  private localDigests(entries: readonly string[], target: RepositoryTarget): string[] {
    const digests = new Set<string>();
    for (const entry of entries) {
      if (!entry.includes('@')) {
        if (isDigest(entry)) digests.add(entry);
        continue;
      }
      let parsed: ReturnType<typeof parseRepoDigest>;
      try {
        parsed = parseRepoDigest(entry);
      } catch {
        continue;
      }
      if (!this.definition.match(parsed.registry)) continue;
      const other = this.target({ registry: parsed.registry, repository: parsed.repository });
      if (other.origin === target.origin && other.repository === target.repository)
        digests.add(parsed.digest);
    }
    return [...digests];
  }
}
