import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableIndex } from 'typeorm';

/** Users, sessions, API tokens and sign-in throttling (the audit log already exists). */
export class Auth1764100000000 implements MigrationInterface {
  name = 'Auth1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const cascade = (column: string) => ({ columnNames: [column], referencedTableName: 'auth_user', referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    await queryRunner.createTable(
      new Table({
        name: 'auth_user',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'username', type: 'varchar', length: '128' },
          { name: 'password_hash', type: 'text', isNullable: true },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'source_ref', type: 'varchar', length: '256', isNullable: true },
          { name: 'oidc_provider', type: 'varchar', length: '64', isNullable: true },
          { name: 'oidc_subject', type: 'varchar', length: '512', isNullable: true },
          { name: 'disabled', type: 'boolean', default: false },
          { name: 'created_at', type: 'bigint' },
          { name: 'last_login_at', type: 'bigint', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('auth_user', new TableIndex({ name: 'IDX_auth_user_username', columnNames: ['username'], isUnique: true }));
    await queryRunner.createIndex('auth_user', new TableIndex({ name: 'IDX_auth_user_oidc', columnNames: ['oidc_provider', 'oidc_subject'] }));
    await queryRunner.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'user_id', type: 'varchar', length: '64' },
          { name: 'method', type: 'varchar', length: '80' },
          { name: 'created_at', type: 'bigint' },
          { name: 'last_seen_at', type: 'bigint' },
          { name: 'expires_at', type: 'bigint' },
          { name: 'ip', type: 'varchar', length: '128', isNullable: true },
          { name: 'user_agent', type: 'varchar', length: '512', isNullable: true },
        ],
        foreignKeys: [cascade('user_id')],
      }),
    );
    await queryRunner.createIndex('auth_session', new TableIndex({ name: 'IDX_auth_session_token', columnNames: ['token_hash'], isUnique: true }));
    await queryRunner.createIndex('auth_session', new TableIndex({ name: 'IDX_auth_session_user', columnNames: ['user_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'auth_api_token',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'user_id', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'scope', type: 'varchar', length: '8' },
          { name: 'created_at', type: 'bigint' },
          { name: 'expires_at', type: 'bigint', isNullable: true },
          { name: 'last_used_at', type: 'bigint', isNullable: true },
        ],
        foreignKeys: [cascade('user_id')],
      }),
    );
    await queryRunner.createIndex('auth_api_token', new TableIndex({ name: 'IDX_auth_api_token_hash', columnNames: ['token_hash'], isUnique: true }));
    await queryRunner.createIndex('auth_api_token', new TableIndex({ name: 'IDX_auth_api_token_user', columnNames: ['user_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'auth_login_attempt',
        columns: [
          { name: 'key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'failures', type: 'integer', default: 0 },
          { name: 'last_failure_at', type: 'bigint' },
          { name: 'locked_until', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['auth_login_attempt', 'auth_api_token', 'auth_session', 'auth_user']) {
      await queryRunner.dropTable(table);
    }
  }
}
