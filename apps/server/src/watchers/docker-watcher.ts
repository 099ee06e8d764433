import { parseImageRef } from '@tidewatch/core';
import type { WatcherConfig } from '../config/config';
import type { ContainerEntity, StoredImage } from '../database/entities';
import type { DockerRepository } from '../docker/docker.repository';
import type { DockerContainerDetails, DockerEvent, DockerEventSubscription, DockerImageDetails } from '../docker/docker.types';
import { containerIdentity, isWatched, readLabelSettings } from '../containers/container-labels';
import type { ContainersRepository } from '../containers/containers.repository';

export interface WatcherState {
  connected: boolean;
  lastCheck: string | null;
  lastError: string | null;
  containerCount: number;
}

export interface WatcherLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Hooks the rest of the server gives a watcher (registry naming, follow-up checks). */
export interface WatcherHooks {
  describeRegistry(host: string): { name: string; url: string };
  /** Called with containers that are new or whose image changed, so they get checked. */
  onContainersChanged(containers: ContainerEntity[]): void;
  onContainersRemoved(ids: string[]): void;
}

const EVENT_DEBOUNCE_MS = 150;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 15000;

/**
 * Mirrors one Docker engine's containers into the store: a full sync on demand (start, cron, API)
 * and single-container updates from the engine's event stream.
 */
export class DockerWatcher {
  readonly state: WatcherState = { connected: false, lastCheck: null, lastError: null, containerCount: 0 };
  private events?: DockerEventSubscription;
  private reconnectDelay = RECONNECT_MIN_MS;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  /** Set when the event stream failed, so the next connection resyncs. */
  private lostConnection = false;
  private syncing?: Promise<ContainerEntity[]>;

  constructor(
    readonly config: WatcherConfig,
    private readonly docker: DockerRepository,
    private readonly store: ContainersRepository,
    private readonly hooks: WatcherHooks,
    private readonly logger: WatcherLogger,
  ) {}

  get name(): string {
    return this.config.name;
  }

  /** The engine this watcher follows (update actions act on the same one). */
  get engine(): DockerRepository {
    return this.docker;
  }

  /**
   * Lists the engine's containers and brings the store in line. Concurrent calls share one run.
   * A check cycle checks everything it synced; other callers (reconnects) pass `notify` so that
   * new or changed containers get checked.
   */
  sync(options: { notify?: boolean } = {}): Promise<ContainerEntity[]> {
    this.syncing ??= this.runSync(options.notify ?? false).finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async runSync(notify: boolean): Promise<ContainerEntity[]> {
    try {
      const summaries = await this.docker.listContainers(this.config.watchall);
      const watched = summaries.filter((container) => isWatched(container.labels, this.config.watchbydefault));
      const details = (await Promise.all(watched.map((container) => this.docker.inspectContainer(container.id)))).filter(
        (container): container is DockerContainerDetails => container !== null,
      );
      const images = await this.inspectImages(details.map((container) => container.imageId));
      const existing = new Map((await this.store.findByWatcher(this.name)).map((container) => [container.id, container]));
      const entities = details.map((container) => this.toEntity(container, images.get(container.imageId) ?? null, existing.get(container.id)));
      const fresh = entities.filter((entity) => isNewOrImageChanged(entity, existing.get(entity.id)));
      await this.store.saveSynced(fresh, entities.filter((entity) => !fresh.includes(entity)));
      const keep = new Set(entities.map((container) => container.id));
      const removed = [...existing.keys()].filter((id) => !keep.has(id));
      await this.store.deleteMissing(this.name, [...keep]);
      this.markConnected(entities.length);
      const changed = notify ? fresh : [];
      if (changed.length > 0) this.hooks.onContainersChanged(changed);
      if (removed.length > 0) this.hooks.onContainersRemoved(removed);
      return entities;
    } catch (error) {
      this.markError(error);
      throw error;
    }
  }

  private async inspectImages(ids: string[]): Promise<Map<string, DockerImageDetails>> {
    const unique = [...new Set(ids)];
    const images = await Promise.all(unique.map((id) => this.docker.inspectImage(id)));
    const byId = new Map<string, DockerImageDetails>();
    unique.forEach((id, index) => {
      const image = images[index];
      if (image) byId.set(id, image);
    });
    return byId;
  }

  private toEntity(container: DockerContainerDetails, image: DockerImageDetails | null, previous: ContainerEntity | undefined): ContainerEntity {
    const storedImage = this.toStoredImage(container, image);
    const sameImage = previous !== undefined && previous.image.id === storedImage.id && previous.image.reference === storedImage.reference;
    return this.store.create({
      id: container.id,
      watcher: this.name,
      name: container.name,
      identity: containerIdentity(this.name, container.name, container.labels),
      status: container.state,
      image: storedImage,
      labels: container.labels,
      // A container whose image did not change keeps its last check result until the next check.
      result: sameImage ? previous.result : null,
      updateKind: sameImage ? previous.updateKind : null,
      updateAvailable: sameImage ? previous.updateAvailable : false,
      errorMessage: sameImage ? previous.errorMessage : null,
      checkedAt: sameImage ? previous.checkedAt : null,
      decision: sameImage ? previous.decision : null,
    });
  }

  private toStoredImage(container: DockerContainerDetails, image: DockerImageDetails | null): StoredImage {
    const reference = container.configImage;
    let registryHost = '';
    let name = reference;
    let tag = 'latest';
    let parseError: string | null = null;
    try {
      const ref = parseImageRef(reference);
      registryHost = ref.registry;
      name = ref.repository;
      tag = ref.tag ?? ref.digest ?? 'latest';
    } catch (error) {
      parseError = error instanceof Error ? error.message : String(error);
    }
    const settings = readLabelSettings(container.labels);
    return {
      id: container.imageId,
      reference,
      registryHost,
      registry: registryHost ? this.hooks.describeRegistry(registryHost) : { name: 'unknown', url: '' },
      name,
      tag: { value: tag, semver: false },
      digest: {
        watch: settings.watchDigest ?? false,
        value: null,
        repo: image?.repoDigests[0]?.split('@')[1] ?? null,
        repoDigests: image?.repoDigests ?? [],
      },
      architecture: image?.architecture ?? null,
      os: image?.os ?? null,
      variant: image?.variant ?? null,
      created: image?.created ?? null,
      ...(parseError ? { parseError } : {}),
    };
  }

  /** Follows the engine's events; reconnects with back-off when the stream or the engine goes away. */
  startEvents(): void {
    if (!this.config.watchevents || this.stopped) return;
    this.docker
      .subscribeEvents(
        (event) => this.handleEvent(event),
        (error) => this.scheduleReconnect(error),
      )
      .then((subscription) => {
        if (this.stopped) {
          subscription.close();
          return;
        }
        this.events = subscription;
        const recovering = this.lostConnection;
        this.lostConnection = false;
        this.reconnectDelay = RECONNECT_MIN_MS;
        // Whatever happened while the stream was down is picked up by a full sync (the first
        // connection needs none: the check cycle at start, or the next one, does it).
        if (recovering) this.sync({ notify: true }).catch(() => undefined);
      })
      .catch((error: unknown) => this.scheduleReconnect(error));
  }

  private scheduleReconnect(error?: unknown): void {
    this.events = undefined;
    if (this.stopped) return;
    this.lostConnection = true;
    // A stream that ends without an error usually means the engine is going away: check.
    if (error) this.markError(error);
    else this.docker.ping().catch((pingError: unknown) => this.markError(pingError));
    clearTimeout(this.reconnectTimer);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => this.startEvents(), delay);
    this.reconnectTimer.unref();
  }

  private handleEvent(event: DockerEvent): void {
    if (event.type !== 'container' || !event.id) return;
    if (['exec_create', 'exec_start', 'exec_die', 'top', 'attach', 'resize', 'health_status'].some((action) => event.action.startsWith(action))) {
      // Health changes still matter for status; other exec noise does not.
      if (!event.action.startsWith('health_status')) return;
    }
    clearTimeout(this.pending.get(event.id));
    const timer = setTimeout(() => {
      this.pending.delete(event.id);
      this.refreshOne(event.id).catch((error: unknown) => this.logger.warn(`Watcher ${this.name}: could not refresh container ${event.id.slice(0, 12)}: ${String(error)}`));
    }, EVENT_DEBOUNCE_MS);
    timer.unref();
    this.pending.set(event.id, timer);
  }

  /** Re-reads one container after an event: stored, updated or removed. */
  async refreshOne(id: string): Promise<void> {
    const container = await this.docker.inspectContainer(id);
    const previous = await this.store.findById(id);
    if (!container || !isWatched(container.labels, this.config.watchbydefault) || (!this.config.watchall && container.state !== 'running')) {
      if (previous && (await this.store.deleteById(id))) {
        this.state.containerCount = Math.max(0, this.state.containerCount - 1);
        this.hooks.onContainersRemoved([id]);
      }
      return;
    }
    const image = await this.docker.inspectImage(container.imageId);
    const entity = this.toEntity(container, image, previous ?? undefined);
    const fresh = isNewOrImageChanged(entity, previous ?? undefined);
    await this.store.saveSynced(fresh ? [entity] : [], fresh ? [] : [entity]);
    if (!previous) this.state.containerCount += 1;
    if (fresh) this.hooks.onContainersChanged([entity]);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.events?.close();
  }

  private markConnected(count: number): void {
    this.state.connected = true;
    this.state.lastCheck = new Date().toISOString();
    this.state.lastError = null;
    this.state.containerCount = count;
  }

  private markError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (this.state.lastError !== message) this.logger.warn(`Watcher ${this.name}: ${message}`);
    this.state.connected = false;
    this.state.lastError = message;
  }
}

function isNewOrImageChanged(entity: ContainerEntity, previous: ContainerEntity | undefined): boolean {
  return previous === undefined || previous.image.id !== entity.image.id || previous.image.reference !== entity.image.reference;
}
