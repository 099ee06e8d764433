import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config/config';
import { SQLITE_FILE } from '../database/data-source';
import { UsageError, parseArgs } from './args';
import type { CliIo } from './io';

export const BACKUP_USAGE = `Usage: tidewatch backup <file> [--force]

Writes a consistent snapshot of the SQLite database (TIDEWATCH_DATA_DIR/${SQLITE_FILE}) to <file>,
while the server keeps running (SQLite online backup). With PostgreSQL, use pg_dump instead.

  --force   overwrite <file> if it exists

Restore: stop Tidewatch, copy the snapshot over TIDEWATCH_DATA_DIR/${SQLITE_FILE}, delete
${SQLITE_FILE}-wal and ${SQLITE_FILE}-shm next to it, start Tidewatch. Keep the data directory's
secret.key (or TIDEWATCH_SECRET_KEY) with the backup: it decrypts secrets of UI-made triggers.`;

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
  containers: number;
}

/** Online backup of a live SQLite database into `target` (written next to it, then renamed). */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  const partial = join(dirname(target), `.${Date.now()}.tidewatch-backup.partial`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // All pages in one step: a multi-step backup restarts whenever another connection writes,
    // and could then never finish while the server is busy. One step reads one snapshot (WAL
    // readers do not block the server's writers).
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  try {
    const copy = new Database(partial, { fileMustExist: true });
    let tables: number;
    let containers: number;
    try {
      // A single self-contained file (the copy inherits WAL mode; the server turns it back on).
      copy.pragma('journal_mode = DELETE');
      const integrity = copy.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok')
        throw new Error(`the snapshot failed its integrity check: ${String(integrity)}`);
      tables = (
        copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
          n: number;
        }
      ).n;
      const hasContainers =
        copy
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'container'")
          .get() !== undefined;
      containers = hasContainers
        ? (copy.prepare('SELECT count(*) AS n FROM container').get() as { n: number }).n
        : 0;
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, tables, containers };
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`])
      rmSync(leftover, { force: true });
  }
}

export async function backupCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { flags: ['force'], maxPositionals: 1 });
  const [file] = args.positionals;
  if (!file) throw new UsageError('the backup file is required');
  const config = loadConfig(io.env, io.cwd);
  if (config.databaseUrl) {
    io.err(
      'tidewatch backup: Tidewatch uses PostgreSQL here (TIDEWATCH_DATABASE_URL); this command backs up the SQLite database only.\n' +
        'Use PostgreSQL\'s tools instead, e.g.: pg_dump --format=custom --file=tidewatch.dump "$TIDEWATCH_DATABASE_URL"\n' +
        '(restore with pg_restore --clean --dbname="$TIDEWATCH_DATABASE_URL" tidewatch.dump).\n',
    );
    return 2;
  }
  const source = join(config.dataDir, SQLITE_FILE);
  const target = resolve(io.cwd, file);
  if (!existsSync(source)) {
    io.err(`tidewatch backup: no database at ${source} (is TIDEWATCH_DATA_DIR right?)\n`);
    return 2;
  }
  if (resolve(source) === target) {
    io.err('tidewatch backup: the backup file cannot be the database itself\n');
    return 2;
  }
  if (existsSync(target) && !args.flags.has('force')) {
    io.err(`tidewatch backup: ${target} exists; use --force to overwrite it\n`);
    return 2;
  }
  const result = await backupSqlite(source, target);
  io.out(
    `Backed up ${source} to ${result.file} (${Math.ceil(result.bytes / 1024)} KiB, ${result.tables} tables, ${result.containers} containers).\n`,
  );
  if (!config.secretKey)
    io.out(
      `Keep ${join(config.dataDir, 'secret.key')} with it: it decrypts the secrets of triggers made in the UI.\n`,
    );
  return 0;
}
