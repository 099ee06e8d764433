import { Injectable, Logger, NotFoundException, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '../config/config.service';
import type { ContainerEntity } from '../database/entities';
import { DockerRepositoryFactory } from '../docker/docker-repository.factory';
import { ContainersRepository } from '../containers/containers.repository';
import { RegistriesService } from '../registries/registries.service';
import { SchedulerRepository, watcherJobName } from '../scheduler/scheduler.repository';
import { ContainerEventsService } from '../containers/container-events.service';
import { DockerWatcher, type WatcherState } from './docker-watcher';

export interface WatcherView extends WatcherState {
  id: string;
  type: 'docker';
  name: string;
  configuration: Record<string, string | number | boolean | null>;
  nextCheck: string | null;
}

/** Builds one watcher per configured Docker host, schedules them and follows their events. */
@Injectable()
export class WatchersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WatchersService.name);
  private readonly watchers = new Map<string, DockerWatcher>();

  constructor(
    config: ConfigService,
    dockerFactory: DockerRepositoryFactory,
    store: ContainersRepository,
    registries: RegistriesService,
    private readonly events: ContainerEventsService,
    private readonly scheduler: SchedulerRepository,
  ) {
    for (const watcherConfig of config.get().watchers) {
      const watcher = new DockerWatcher(
        watcherConfig,
        dockerFactory.create(watcherConfig),
        store,
        {
          describeRegistry: (host) => registries.describe(host),
          onContainersChanged: (containers) => this.events.emitChanged(containers),
          onContainersRemoved: (ids) => this.events.emitRemoved(ids),
        },
        this.logger,
      );
      this.watchers.set(watcherConfig.name, watcher);
    }
  }

  /** Follows every engine's events (the scheduled full cycles belong to the update service). */
  onApplicationBootstrap(): void {
    for (const watcher of this.watchers.values()) watcher.startEvents();
  }

  onApplicationShutdown(): void {
    for (const watcher of this.watchers.values()) watcher.stop();
  }

  /** Syncs one watcher's containers from its engine into the store. */
  sync(name: string): Promise<ContainerEntity[]> {
    return this.get(name).sync();
  }

  /** Re-reads one container from its engine (after an API request or an event). */
  async refresh(watcherName: string, id: string): Promise<void> {
    await this.get(watcherName).refreshOne(id);
  }

  /** The Docker engine of a watcher. */
  engine(name: string): DockerWatcher['engine'] {
    return this.get(name).engine;
  }

  names(): string[] {
    return [...this.watchers.keys()];
  }

  configOf(name: string): DockerWatcher['config'] {
    return this.get(name).config;
  }

  list(): WatcherView[] {
    return [...this.watchers.values()].map((watcher) => this.view(watcher));
  }

  find(name: string): WatcherView {
    return this.view(this.get(name));
  }

  has(name: string): boolean {
    return this.watchers.has(name);
  }

  private get(name: string): DockerWatcher {
    const watcher = this.watchers.get(name);
    if (!watcher) throw new NotFoundException(`Watcher ${name} not found`);
    return watcher;
  }

  private view(watcher: DockerWatcher): WatcherView {
    const { config } = watcher;
    return {
      id: `docker.${config.name}`,
      type: 'docker',
      name: config.name,
      configuration: {
        socket: config.socket ?? null,
        host: config.host ?? null,
        port: config.host ? config.port : null,
        protocol: config.host ? config.protocol : null,
        cafile: config.cafile ?? null,
        certfile: config.certfile ?? null,
        keyfile: config.keyfile ? '<set>' : null,
        cron: config.cron,
        jitter: config.jitter,
        watchbydefault: config.watchbydefault,
        watchall: config.watchall,
        watchevents: config.watchevents,
        watchatstart: config.watchatstart,
      },
      ...watcher.state,
      nextCheck: this.scheduler.nextRun(watcherJobName(config.name))?.toISOString() ?? null,
    };
  }
}
