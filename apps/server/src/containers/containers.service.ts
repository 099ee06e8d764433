import { Injectable, NotFoundException } from '@nestjs/common';
import type { ContainerEntity } from '../database/entities';
import { UpdatesService } from '../updates/updates.service';
import type { ContainerQueryDto } from './container.dto';
import { ContainersRepository } from './containers.repository';

@Injectable()
export class ContainersService {
  constructor(
    private readonly store: ContainersRepository,
    private readonly updates: UpdatesService,
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

  /** Runs a full cycle on every watcher and returns the checked containers. */
  async watchAll(): Promise<ContainerEntity[]> {
    await this.updates.runAll();
    return this.store.findAll();
  }

  watchOne(id: string): Promise<ContainerEntity> {
    return this.updates.checkOne(id);
  }
}
