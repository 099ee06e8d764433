import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WatchersService } from '../watchers/watchers.service';

export type ReadinessStatus = 'ready' | 'degraded' | 'unavailable';

export interface Readiness {
  status: ReadinessStatus;
  database: { ok: boolean; latencyMs: number; error: string | null };
  watchers: Array<{
    name: string;
    connected: boolean;
    lastCheck: string | null;
    lastError: string | null;
  }>;
}

const DATABASE_TIMEOUT_MS = 2000;

/**
 * Readiness: the database answers a query, and the watchers reach their engines. Unavailable
 * (503) when the database does not answer or when every watcher has failed; degraded (still
 * 200: the API and the other hosts work) when some watchers have.
 */
@Injectable()
export class ReadinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly watchers: WatchersService,
  ) {}

  async check(): Promise<Readiness> {
    const database = await this.checkDatabase();
    const watchers = this.watchers
      .list()
      .map((watcher) => ({
        name: watcher.name,
        connected: watcher.connected,
        lastCheck: watcher.lastCheck,
        lastError: watcher.lastError,
      }));
    const failed = watchers.filter((watcher) => !watcher.connected && watcher.lastError !== null);
    let status: ReadinessStatus = 'ready';
    if (!database.ok || (watchers.length > 0 && failed.length === watchers.length))
      status = 'unavailable';
    else if (failed.length > 0) status = 'degraded';
    return { status, database, watchers };
  }

  private async checkDatabase(): Promise<Readiness['database']> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)),
          DATABASE_TIMEOUT_MS,
        );
      });
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return { ok: true, latencyMs: Date.now() - started, error: null };
    } catch (error) {
      return {
        ok: false,
        latencyMs: Date.now() - started,
        error: error instanceof Error ? error.message : String(error),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
