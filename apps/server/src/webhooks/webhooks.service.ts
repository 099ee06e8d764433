import {
  BadRequestException,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  UnauthorizedException,
} from '@nestjs/common';
import { ContainersRepository } from '../containers/containers.repository';
import type { ContainerEntity } from '../database/entities';
import { MetricsService } from '../metrics/metrics.service';
import { LruCache } from '../registries/lru-cache';
import { RegistriesService } from '../registries/registries.service';
import type { Registry } from '../registries/registry';
import { UpdatesService } from '../updates/updates.service';
import {
  MalformedPushError,
  type NormalizedPush,
  type PushHeaders,
  normalizePushPayload,
  parsePushBody,
} from './push-payload';
import { type PendingPush, PushDebouncer } from './push-debouncer';
import { authenticateWebhook } from './webhook-auth';

export interface WebhookRequest {
  rawBody: Buffer | undefined;
  contentType: string | undefined;
  headers: PushHeaders;
  queryToken?: string;
}

export interface WebhookReceipt {
  status: 'accepted' | 'ignored' | 'duplicate';
  format: NormalizedPush['format'];
  reason: string | null;
  pushes: Array<{ host: string | null; repository: string; tags: string[]; containers: number }>;
}

interface RepositoryPush {
  registry: Registry;
  repository: string;
}

/** Quiet time that ends a burst (multi-arch pushes send the tagged index last, within ms). */
export const PUSH_QUIET_MS = 400;
const PUSH_MAX_WAIT_MS = 2000;
const SEEN_EVENTS = 5000;

/**
 * Registry push webhooks. A push is a hint: the sender is authenticated with the registry's
 * `WEBHOOK_TOKEN`, bursts are collapsed per repository, each pushed tag is confirmed with a
 * manifest HEAD, and only the containers using that repository are checked again; their
 * triggers then fire through the normal engine.
 */
@Injectable()
export class WebhooksService implements OnApplicationShutdown {
  private readonly logger = new Logger(WebhooksService.name);
  private readonly seen = new LruCache<string, true>(SEEN_EVENTS);
  private readonly running = new Set<Promise<void>>();
  private readonly debouncer = new PushDebouncer<RepositoryPush>(
    { quietMs: PUSH_QUIET_MS, maxWaitMs: PUSH_MAX_WAIT_MS },
    (push) => this.track(this.recheck(push)),
    (current) => current,
  );

  constructor(
    private readonly registries: RegistriesService,
    private readonly store: ContainersRepository,
    private readonly updates: UpdatesService,
    private readonly metrics: MetricsService,
  ) {}

  async receive(registryName: string, request: WebhookRequest): Promise<WebhookReceipt> {
    const registry = this.registries.get(registryName);
    const rawBody = request.rawBody ?? Buffer.alloc(0);
    if (
      !registry ||
      !authenticateWebhook(registry.webhookToken, {
        headers: request.headers,
        queryToken: request.queryToken,
        rawBody,
      })
    ) {
      // Same answer for an unknown registry and a bad token: names are not disclosed.
      this.metrics.webhookEvent(registry?.id ?? 'unknown', 'unauthorized');
      throw new UnauthorizedException('Unknown registry or invalid webhook credentials');
    }
    let normalized: NormalizedPush;
    try {
      normalized = normalizePushPayload(
        parsePushBody(rawBody, request.contentType),
        request.headers,
      );
    } catch (error) {
      if (!(error instanceof MalformedPushError)) throw error;
      this.metrics.webhookEvent(registry.id, 'malformed');
      throw new BadRequestException(`Malformed push notification: ${error.message}`);
    }
    if (
      normalized.eventIds.length > 0 &&
      normalized.eventIds.every((id) => this.seen.get(`${registry.id}|${id}`))
    ) {
      this.metrics.webhookEvent(registry.id, 'duplicate');
      return {
        status: 'duplicate',
        format: normalized.format,
        reason: 'already received',
        pushes: [],
      };
    }
    for (const id of normalized.eventIds) this.seen.set(`${registry.id}|${id}`, true);
    if (normalized.pushes.length === 0) {
      this.metrics.webhookEvent(registry.id, 'ignored');
      return {
        status: 'ignored',
        format: normalized.format,
        reason: normalized.ignored ?? 'nothing pushed',
        pushes: [],
      };
    }
    const containers = await this.store.findAll();
    const pushes: WebhookReceipt['pushes'] = [];
    for (const push of normalized.pushes) {
      const matched = containers.filter((container) =>
        usesRepository(this.registries, registry, container, push.repository),
      );
      pushes.push({
        host: push.host ?? null,
        repository: push.repository,
        tags: push.tags,
        containers: matched.length,
      });
      if (matched.length > 0)
        this.debouncer.add(`${registry.id}|${push.repository}`, push.tags, {
          registry,
          repository: push.repository,
        });
    }
    const used = pushes.some((push) => push.containers > 0);
    this.metrics.webhookEvent(registry.id, used ? 'accepted' : 'ignored');
    this.logger.log(
      `Push to ${registry.id} (${normalized.format}): ${pushes.map((push) => `${push.repository}:${push.tags.join(',')} → ${push.containers} container(s)`).join('; ')}`,
    );
    return {
      status: used ? 'accepted' : 'ignored',
      format: normalized.format,
      reason: used ? null : 'no watched container uses the pushed repository',
      pushes,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.debouncer.clear();
    await Promise.allSettled([...this.running]);
  }

  private track(task: Promise<void>): void {
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  /** After a burst: confirm the pushed tags with the registry, then check the repository's containers. */
  private async recheck(push: PendingPush<RepositoryPush>): Promise<void> {
    const { registry, repository } = push.items;
    try {
      const containers = (await this.store.findAll()).filter((container) =>
        usesRepository(this.registries, registry, container, repository),
      );
      if (containers.length === 0) return;
      const target = registry.target({ registry: containers[0].image.registryHost, repository });
      const confirmed: string[] = [];
      for (const tag of push.tags) {
        try {
          await registry.client.resolveTag(target, tag);
          confirmed.push(tag);
        } catch (error) {
          this.logger.warn(
            `Push of ${repository}:${tag} to ${registry.id} not confirmed by the registry: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      if (confirmed.length === 0) {
        this.metrics.webhookEvent(registry.id, 'unconfirmed');
        return;
      }
      this.metrics.webhookEvent(registry.id, 'confirmed');
      await this.updates.check(containers);
      this.logger.log(
        `Checked ${containers.length} container(s) of ${repository} after a push of ${confirmed.join(', ')}`,
      );
    } catch (error) {
      this.logger.error(
        `Check after a push to ${registry.id}/${repository} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/**
 * Whether a container runs an image of `repository` on `registry`: the registry serving the
 * container's image host is this one, and both repository paths normalise the same (Docker Hub's
 * `nginx` is `library/nginx`). The payload's host is not compared: it is the host the pusher
 * used, which behind a proxy or an alias can differ from the one containers pull from.
 */
export function usesRepository(
  registries: Pick<RegistriesService, 'resolve'>,
  registry: Registry,
  container: ContainerEntity,
  repository: string,
): boolean {
  const { image } = container;
  if (image.parseError || !image.registryHost) return false;
  try {
    if (registries.resolve(image.registryHost) !== registry) return false;
    const own = registry.target({
      registry: image.registryHost,
      repository: image.name,
    }).repository;
    const pushed = registry.target({ registry: image.registryHost, repository }).repository;
    return own.toLowerCase() === pushed.toLowerCase();
  } catch {
    return false;
  }
}
