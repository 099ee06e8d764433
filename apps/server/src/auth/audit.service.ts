import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { AuditLogEntity } from '../database/entities';
import { AuthStore } from './auth.store';

export interface AuditRecord {
  actor: string;
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** The audit log: who did what, to what, when, from where. Writing never fails the request. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly store: AuthStore) {}

  async record(entry: AuditRecord): Promise<void> {
    try {
      // A sortable id: time first, so entries of the same millisecond keep their order.
      const at = new Date();
      await this.store.insertAudit(
        this.store.newAudit({
          id: `${at.getTime().toString(36).padStart(9, '0')}-${randomUUID()}`,
          at: at.toISOString(),
          actor: entry.actor.slice(0, 256),
          action: entry.action.slice(0, 128),
          target: entry.target?.slice(0, 512) ?? null,
          details: entry.details ?? null,
          ip: entry.ip?.slice(0, 128) ?? null,
        }),
      );
    } catch (error) {
      this.logger.error(`Cannot write the audit log: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  page(filter: { actor?: string; action?: string }, page: number, limit: number): Promise<[AuditLogEntity[], number]> {
    return this.store.pageAudit(filter, (page - 1) * limit, limit);
  }
}
