// `tidewatch backup` on a real SQLite file with the real migrations, while another connection
// keeps writing: the snapshot is consistent and complete up to a point in time.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { SQLITE_FILE, dataSourceOptions } from '../database/data-source';
import { backupCommand, backupSqlite } from './backup.command';
import type { CliIo } from './io';

function io(env: NodeJS.ProcessEnv, cwd: string): CliIo & { output: string; errors: string } {
  const captured = {
    output: '',
    errors: '',
    env,
    cwd,
    out: (text: string) => void (captured.output += text),
    err: (text: string) => void (captured.errors += text),
    readStdin: () => Promise.resolve(''),
  };
  return captured;
}

describe('SQLite backup', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tw-backup-data-'));
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions({ dataDir }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('snapshots a database that is being written to', async () => {
    const writer = new Database(join(dataDir, SQLITE_FILE));
    writer.pragma('journal_mode = WAL');
    writer.exec('CREATE TABLE IF NOT EXISTS backup_probe (n INTEGER PRIMARY KEY, payload TEXT)');
    const insert = writer.prepare('INSERT INTO backup_probe (payload) VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200));
    let writing = true;
    let written = 2000;
    const load = (async () => {
      while (writing) {
        writer.transaction(() => {
          for (let i = 0; i < 50; i++) insert.run('y'.repeat(200));
        })();
        written += 50;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const target = join(mkdtempSync(join(tmpdir(), 'tw-backup-out-')), 'snapshot.db');
    const result = await backupSqlite(join(dataDir, SQLITE_FILE), target);
    writing = false;
    await load;
    writer.close();

    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = (copy.prepare('SELECT count(*) AS n FROM backup_probe').get() as { n: number })
        .n;
      // Whole transactions only: a multiple of the batch on top of the first 2000 rows.
      expect(rows).toBeGreaterThanOrEqual(2000);
      expect(rows).toBeLessThanOrEqual(written);
      expect((rows - 2000) % 50).toBe(0);
      const migrations = (
        copy.prepare('SELECT count(*) AS n FROM migrations').get() as { n: number }
      ).n;
      expect(migrations).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
    expect(result.tables).toBeGreaterThan(3);
    expect(readdirSync(join(target, '..'))).toEqual(['snapshot.db']);
  });

  it('runs as a command, refuses to overwrite, and refuses PostgreSQL', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tw-backup-cmd-'));
    const first = io({ TIDEWATCH_DATA_DIR: dataDir }, out);
    expect(await backupCommand(['tw.db'], first)).toBe(0);
    expect(first.output).toMatch(/Backed up .* to .*tw\.db/);
    expect(existsSync(join(out, 'tw.db'))).toBe(true);
    const second = io({ TIDEWATCH_DATA_DIR: dataDir }, out);
    expect(await backupCommand(['tw.db'], second)).toBe(2);
    expect(second.errors).toContain('--force');
    const missing = io({ TIDEWATCH_DATA_DIR: join(out, 'nowhere') }, out);
    expect(await backupCommand(['x.db'], missing)).toBe(2);
    expect(missing.errors).toContain('no database');
    const postgres = io({ TIDEWATCH_DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db' }, out);
    expect(await backupCommand(['x.db'], postgres)).toBe(2);
    expect(postgres.errors).toContain('pg_dump');
  });
});
