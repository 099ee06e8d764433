import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Like, Not, Repository } from 'typeorm';
import { ContainerEntity } from '../database/entities';

/** Storage of containers; the only user of the container table. */
@Injectable()
export class ContainersRepository {
  constructor(@InjectRepository(ContainerEntity) private readonly repository: Repository<ContainerEntity>) {}

  /**
   * The list the API serves, read lean: raw rows mapped by hand (TypeORM's entity hydration is the
   * slowest part at a thousand containers) and without the decision trace, which lists never show.
   */
  async findAll(where: Partial<Pick<ContainerEntity, 'watcher' | 'updateAvailable' | 'status' | 'name'>> = {}): Promise<ContainerEntity[]> {
    const postgres = this.repository.manager.connection.options.type === 'postgres';
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    for (const [field, value] of Object.entries(where)) {
      if (value === undefined) continue;
      parameters.push(typeof value === 'boolean' && !postgres ? Number(value) : value);
      conditions.push(`${FILTER_COLUMNS[field as keyof typeof FILTER_COLUMNS]} = ${postgres ? `$${parameters.length}` : '?'}`);
    }
    const sql = `SELECT ${LIST_COLUMNS.join(', ')} FROM container${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY watcher ASC, name ASC`;
    const rows = await this.repository.query<Array<Record<string, unknown>>>(sql, parameters);
    return rows.map((row) => fromRaw(row));
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

  /**
   * Stores what a watcher saw. New containers (or ones whose image changed) are written whole, with
   * no check result yet; for the others only the engine's facts change, so a check that finished
   * in between keeps its result.
   */
  async saveSynced(fresh: ContainerEntity[], seen: ContainerEntity[]): Promise<void> {
    await upsertContainers(this.repository, fresh);
    await upsertContainers(this.repository, seen, SYNCED_COLUMNS);
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

const UPSERT_CHUNK = 100;
const LIST_COLUMNS = ['id', 'watcher', 'name', 'identity', 'status', 'image', 'labels', 'result', 'update_kind', 'update_available', 'error_message', 'checked_at', 'created_at', 'updated_at'];
const FILTER_COLUMNS = { watcher: 'watcher', updateAvailable: 'update_available', status: 'status', name: 'name' } as const;

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A raw row (SQLite or PostgreSQL) as an entity, without the decision trace. */
function fromRaw(row: Record<string, unknown>): ContainerEntity {
  const get = (column: string) => row[column];
  return Object.assign(new ContainerEntity(), {
    id: get('id') as string,
    watcher: get('watcher') as string,
    name: get('name') as string,
    identity: get('identity') as string,
    status: get('status') as string,
    image: json<ContainerEntity['image']>(get('image')),
    labels: json<ContainerEntity['labels']>(get('labels')),
    result: get('result') === null ? null : json<ContainerEntity['result']>(get('result')),
    updateKind: get('update_kind') === null ? null : json<ContainerEntity['updateKind']>(get('update_kind')),
    updateAvailable: get('update_available') === true || get('update_available') === 1,
    errorMessage: (get('error_message') as string | null) ?? null,
    decision: null,
    checkedAt: (get('checked_at') as string | null) ?? null,
    createdAt: new Date(get('created_at') as string),
    updatedAt: new Date(get('updated_at') as string),
  });
}
/** Columns a watcher owns: the engine's facts about a container whose image did not change. */
const SYNCED_COLUMNS = ['watcher', 'name', 'identity', 'status', 'labels', 'updated_at'];
/** Columns a check owns. */
export const CHECK_FIELDS = ['image', 'result', 'updateKind', 'updateAvailable', 'errorMessage', 'decision', 'checkedAt'] as const;

/** INSERT … ON CONFLICT (id) DO UPDATE for containers, chunked; works on SQLite and PostgreSQL. */
export async function upsertContainers(repository: Repository<ContainerEntity>, containers: ContainerEntity[], updateColumns?: string[]): Promise<void> {
  const columns = updateColumns ?? repository.metadata.columns.map((column) => column.databaseName).filter((name) => name !== 'id' && name !== 'created_at');
  for (let index = 0; index < containers.length; index += UPSERT_CHUNK) {
    const chunk = containers.slice(index, index + UPSERT_CHUNK).map((container) => ({ ...container, updatedAt: new Date() }));
    await repository.createQueryBuilder().insert().into(ContainerEntity).values(chunk).orUpdate(columns, ['id']).execute();
  }
}
