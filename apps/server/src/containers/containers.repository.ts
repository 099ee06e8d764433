import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Like, Not, Repository } from 'typeorm';
import { ContainerEntity } from '../database/entities';

/** Storage of containers; the only user of the container table. */
@Injectable()
export class ContainersRepository {
  constructor(@InjectRepository(ContainerEntity) private readonly repository: Repository<ContainerEntity>) {}

  findAll(where: Partial<Pick<ContainerEntity, 'watcher' | 'updateAvailable' | 'status' | 'name'>> = {}): Promise<ContainerEntity[]> {
    return this.repository.find({ where, order: { watcher: 'ASC', name: 'ASC' } });
  }

  /** Finds by full ID, or by a prefix that matches exactly one container (as the docker CLI does). */
  async findById(id: string): Promise<ContainerEntity | null> {
    if (id.length >= 64) return this.repository.findOneBy({ id });
    const matches = await this.repository.find({ where: { id: Like(`${id}%`) }, take: 2 });
    return matches.length === 1 ? matches[0] : null;
  }

  findByWatcher(watcher: string): Promise<ContainerEntity[]> {
    return this.repository.findBy({ watcher });
  }

  async save(containers: ContainerEntity[]): Promise<void> {
    if (containers.length > 0) await this.repository.save(containers, { chunk: 200 });
  }

  async deleteById(id: string): Promise<boolean> {
    const result = await this.repository.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** Removes the watcher's containers that the engine no longer has. */
  async deleteMissing(watcher: string, keepIds: string[]): Promise<number> {
    const result = await this.repository.delete(keepIds.length > 0 ? { watcher, id: Not(In(keepIds)) } : { watcher });
    return result.affected ?? 0;
  }

  create(fields: Partial<ContainerEntity>): ContainerEntity {
    return this.repository.create(fields);
  }
}
