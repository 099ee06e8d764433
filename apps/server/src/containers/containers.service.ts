import { Injectable, NotFoundException } from '@nestjs/common';
import type { ContainerEntity } from '../database/entities';
import { WatchersService } from '../watchers/watchers.service';
import type { ContainerQueryDto } from './container.dto';
import { ContainersRepository } from './containers.repository';

@Injectable()
export class ContainersService {
  constructor(
    private readonly store: ContainersRepository,
    private readonly watchers: WatchersService,
  ) {}

  async list(query: ContainerQueryDto): Promise<ContainerEntity[]> {
    const containers = await this.store.findAll({
      ...(query.watcher !== undefined ? { watcher: query.watcher } : {}),
      ...(query.updateAvailable !== undefined ? { updateAvailable: query.updateAvailable } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.name !== undefined ? { name: query.name } : {}),
    });
    return query.registry === undefined ? containers : containers.filter((container) => container.image.registry.name === query.registry);
  }

  async get(id: string): Promise<ContainerEntity> {
    const container = await this.store.findById(id);
    if (!container) throw new NotFoundException(`Container ${id} not found`);
    return container;
  }

  /** Forgets a container (the store record only; the Docker container is not touched). */
  async remove(id: string): Promise<void> {
    const container = await this.get(id);
    await this.store.deleteById(container.id);
  }

  async watchAll(): Promise<ContainerEntity[]> {
    await this.watchers.watchAll();
    return this.store.findAll();
  }
}
