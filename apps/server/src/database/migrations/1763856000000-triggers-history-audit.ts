import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableIndex } from 'typeorm';

/** Triggers configured in the UI, the delivery outbox, trigger run history, ONCE state, audit log, update journal. */
export class TriggersHistoryAudit1763856000000 implements MigrationInterface {
  name = 'TriggersHistoryAudit1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.driver.options.type === 'postgres' ? 'timestamp' : 'datetime';
    const created = [
      { name: 'created_at', type: timestamp, default: 'CURRENT_TIMESTAMP' },
      { name: 'updated_at', type: timestamp, default: 'CURRENT_TIMESTAMP' },
    ];
    await queryRunner.createTable(
      new Table({
        name: 'trigger_config',
        columns: [
          { name: 'id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'type', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'config', type: 'text' },
          { name: 'secrets', type: 'text', isNullable: true },
          { name: 'enabled', type: 'boolean', default: true },
          ...created,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'trigger_id', type: 'varchar', length: '200' },
          { name: 'event_id', type: 'varchar', length: '128' },
          { name: 'event_kind', type: 'varchar', length: '32' },
          { name: 'container_identities', type: 'text' },
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: 'bigint' },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'origin', type: 'varchar', length: '16', default: "'auto'" },
          ...created,
        ],
      }),
    );
    await queryRunner.createIndex('outbox', new TableIndex({ name: 'IDX_outbox_due', columnNames: ['status', 'next_attempt_at'] }));
    await queryRunner.createIndex('outbox', new TableIndex({ name: 'IDX_outbox_event', columnNames: ['event_id'], isUnique: true }));
    await queryRunner.createTable(
      new Table({
        name: 'trigger_run',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'trigger_type', type: 'varchar', length: '64' },
          { name: 'trigger_name', type: 'varchar', length: '128' },
          { name: 'outbox_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'event_id', type: 'varchar', length: '128', isNullable: true },
          { name: 'event_kind', type: 'varchar', length: '32' },
          { name: 'container_identity', type: 'varchar', length: '512', isNullable: true },
          { name: 'container_name', type: 'varchar', length: '256', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempt', type: 'integer', default: 1 },
          { name: 'duration_ms', type: 'integer', default: 0 },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'origin', type: 'varchar', length: '16', default: "'auto'" },
          { name: 'steps', type: 'text', isNullable: true },
          { name: 'at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await queryRunner.createIndex('trigger_run', new TableIndex({ name: 'IDX_trigger_run_at', columnNames: ['at'] }));
    await queryRunner.createIndex('trigger_run', new TableIndex({ name: 'IDX_trigger_run_identity', columnNames: ['container_identity'] }));
    await queryRunner.createTable(
      new Table({
        name: 'trigger_notification',
        columns: [
          { name: 'trigger_id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'container_identity', type: 'varchar', length: '512', isPrimary: true },
          { name: 'event_kind', type: 'varchar', length: '32' },
          { name: 'value', type: 'varchar', length: '256' },
          { name: 'at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'at', type: 'varchar', length: '32' },
          { name: 'actor', type: 'varchar', length: '256' },
          { name: 'action', type: 'varchar', length: '128' },
          { name: 'target', type: 'varchar', length: '512', isNullable: true },
          { name: 'details', type: 'text', isNullable: true },
          { name: 'ip', type: 'varchar', length: '128', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('audit_log', new TableIndex({ name: 'IDX_audit_log_at', columnNames: ['at'] }));
    await queryRunner.createTable(
      new Table({
        name: 'update_journal',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'host', type: 'varchar', length: '128' },
          { name: 'container_id', type: 'varchar', length: '128' },
          { name: 'container_name', type: 'varchar', length: '256' },
          { name: 'was_running', type: 'boolean' },
          { name: 'target_image', type: 'text' },
          { name: 'target_reference', type: 'text' },
          { name: 'started_at', type: 'varchar', length: '32' },
          { name: 'steps', type: 'text' },
          { name: 'outcome', type: 'varchar', length: '16', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'finished_at', type: 'varchar', length: '32', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('update_journal', new TableIndex({ name: 'IDX_update_journal_outcome', columnNames: ['outcome'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['update_journal', 'audit_log', 'trigger_notification', 'trigger_run', 'outbox', 'trigger_config']) {
      await queryRunner.dropTable(table);
    }
  }
}
