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
    const filtered = query.registry === undefined ? containers : containers.filter((container) => container.image.registry.name === query.registry);
    return query.sort ? sortContainers(filtered, query.sort) : filtered;
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

function sortKey(container: ContainerEntity, field: string): string | number {
  switch (field) {
    case 'updateAvailable':
      return container.updateAvailable ? 1 : 0;
    case 'image':
      return `${container.image.name}:${container.image.tag.value}`;
    case 'checkedAt':
      return container.checkedAt ?? '';
    default:
      return String(container[field as 'name' | 'watcher' | 'status']);
  }
}

/** Stable sort by one field (`-field` descending), then by watcher and name. */
export function sortContainers(containers: ContainerEntity[], sort: string): ContainerEntity[] {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  return [...containers].sort((a, b) => {
    const [x, y] = [sortKey(a, field), sortKey(b, field)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return (descending ? -order : order) || a.watcher.localeCompare(b.watcher) || a.name.localeCompare(b.name);
  });
}
