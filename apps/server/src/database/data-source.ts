import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export const SQLITE_FILE = 'tidewatch.db';

/** SQLite in the data directory by default; PostgreSQL when a database URL is configured. Never `synchronize`. */
export function dataSourceOptions(config: { dataDir: string; databaseUrl?: string }): DataSourceOptions {
  const common = { entities, migrations, migrationsRun: true, synchronize: false, logging: false } as const;
  if (config.databaseUrl) {
    return { ...common, type: 'postgres', url: config.databaseUrl };
  }
  mkdirSync(config.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(config.dataDir, SQLITE_FILE),
    // WAL lets the API read while a watch cycle writes.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  };
}
