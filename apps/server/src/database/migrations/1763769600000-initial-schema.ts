import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableIndex } from 'typeorm';

/** First schema: the containers the watchers see. Written with the Table API so it runs on SQLite and PostgreSQL. */
export class InitialSchema1763769600000 implements MigrationInterface {
  name = 'InitialSchema1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'container',
        columns: [
          { name: 'id', type: 'varchar', length: '128', isPrimary: true },
          { name: 'watcher', type: 'varchar', length: '128' },
          { name: 'name', type: 'varchar', length: '256' },
          { name: 'identity', type: 'varchar', length: '512' },
          { name: 'status', type: 'varchar', length: '32' },
          { name: 'image', type: 'text' },
          { name: 'labels', type: 'text' },
          { name: 'result', type: 'text', isNullable: true },
          { name: 'update_kind', type: 'text', isNullable: true },
          { name: 'update_available', type: 'boolean', default: false },
          { name: 'error_message', type: 'text', isNullable: true },
          { name: 'decision', type: 'text', isNullable: true },
          { name: 'checked_at', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'updated_at', type: queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime', default: 'CURRENT_TIMESTAMP' },
        ],
      }),
    );
    await queryRunner.createIndex('container', new TableIndex({ name: 'IDX_container_watcher_name', columnNames: ['watcher', 'name'] }));
    await queryRunner.createIndex('container', new TableIndex({ name: 'IDX_container_identity', columnNames: ['identity'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('container');
  }
}
