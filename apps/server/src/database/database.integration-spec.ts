// Real migrations on a real SQLite file and a real PostgreSQL server (started by the test environment).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startPostgres, type TestPostgres } from '../../../../test/env';
import { dataSourceOptions } from './data-source';
import { ContainerEntity } from './entities';
import { migrations } from './migrations';

function sampleContainer(id: string): Partial<ContainerEntity> {
  return {
    id,
    watcher: 'local',
    name: `c-${id.slice(0, 4)}`,
    identity: `local/c-${id.slice(0, 4)}`,
    status: 'running',
    image: {
      id: 'sha256:abc', reference: '127.0.0.1:5000/acme/app:1.0.0', registryHost: '127.0.0.1:5000',
      registry: { name: 'custom.x', url: 'http://127.0.0.1:5000/v2' }, name: 'acme/app', tag: { value: '1.0.0', semver: true },
      digest: { watch: false, value: null, repo: null, repoDigests: [] }, architecture: 'amd64', os: 'linux', variant: null, created: null,
    },
    labels: { 'tidewatch.watch': 'true' },
    result: { tag: '1.1.0', digest: null, link: null, created: null },
    updateKind: { kind: 'tag', localValue: '1.0.0', remoteValue: '1.1.0', semverDiff: 'minor' },
    updateAvailable: true,
    errorMessage: null,
    decision: { candidate: '1.1.0' },
    checkedAt: '2026-11-21T00:00:00.000Z',
  };
}

describe.each(['sqlite', 'postgres'] as const)('database on %s', (backend) => {
  let postgres: TestPostgres | undefined;
  let dataDir: string;
  const options = () => dataSourceOptions({ dataDir, databaseUrl: postgres?.url });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tw-db-'));
    if (backend === 'postgres') postgres = await startPostgres();
  });

  afterAll(async () => {
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every migration on an empty database and stores containers', async () => {
    const source = await new DataSource(options()).initialize();
    try {
      const applied = await source.query<Array<{ name: string }>>('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
      await source.getRepository(ContainerEntity).save(source.getRepository(ContainerEntity).create(sampleContainer('a'.repeat(64))));
      if (backend === 'sqlite') {
        const [{ journal_mode }] = await source.query<Array<{ journal_mode: string }>>('PRAGMA journal_mode');
        expect(journal_mode).toBe('wal');
      }
    } finally {
      await source.destroy();
    }
  });

  it('reopens an existing database without loss and with nothing left to migrate', async () => {
    const source = await new DataSource(options()).initialize();
    try {
      expect(await source.showMigrations()).toBe(false);
      const stored = await source.getRepository(ContainerEntity).findOneByOrFail({ id: 'a'.repeat(64) });
      expect(stored.image.tag.value).toBe('1.0.0');
      expect(stored.updateKind).toEqual({ kind: 'tag', localValue: '1.0.0', remoteValue: '1.1.0', semverDiff: 'minor' });
      expect(stored.updateAvailable).toBe(true);
      expect(stored.labels).toEqual({ 'tidewatch.watch': 'true' });
    } finally {
      await source.destroy();
    }
  });

  it('can revert every migration (down) and apply them again', async () => {
    const source = await new DataSource({ ...options(), migrationsRun: false }).initialize();
    try {
      for (let i = 0; i < migrations.length; i += 1) await source.undoLastMigration();
      expect(await source.showMigrations()).toBe(true);
      await source.runMigrations();
      expect(await source.showMigrations()).toBe(false);
    } finally {
      await source.destroy();
    }
  });
});
