import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbExecutor } from '../../platform/db/db.js';
import { auditLog } from './audit.tables.js';

export interface AuditEntry {
  /** Who did it: a user id, or null for an anonymous caller (a failed sign-in for an unknown email). */
  actorId: string | null;
  /** What happened, `area.verb`: `auth.login_failed`, `admin.user.role_changed`. */
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string;
  details?: Record<string, unknown>;
}

/** Who makes a change through the API: the signed-in user and the address the request came from. */
export interface Actor {
  id: string;
  ip?: string;
}

export interface AuditFilters {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export type AuditRecord = typeof auditLog.$inferSelect;

/** The audit trail. `record` takes the caller's transaction so the entry commits with the change it describes. */
export function createAuditLog(deps: { database: Pick<Database, 'db'>; clock: Clock }) {
  return {
    async record(entry: AuditEntry, executor: DbExecutor = deps.database.db): Promise<void> {
      await executor.insert(auditLog).values({
        occurredAt: deps.clock.now(),
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        ip: entry.ip ?? null,
        details: entry.details ?? {},
      });
    },

    async list(filters: AuditFilters): Promise<{ items: AuditRecord[]; total: number }> {
      const conditions: SQL[] = [];
      if (filters.actorId) conditions.push(eq(auditLog.actorId, filters.actorId));
      if (filters.action) conditions.push(eq(auditLog.action, filters.action));
      if (filters.targetType) conditions.push(eq(auditLog.targetType, filters.targetType));
      if (filters.targetId) conditions.push(eq(auditLog.targetId, filters.targetId));
      if (filters.from) conditions.push(gte(auditLog.occurredAt, filters.from));
      if (filters.to) conditions.push(lt(auditLog.occurredAt, filters.to));
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const [items, [totals]] = await Promise.all([
        deps.database.db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.occurredAt), desc(auditLog.seq))
          .limit(filters.pageSize)
          .offset((filters.page - 1) * filters.pageSize),
        deps.database.db.select({ total: count() }).from(auditLog).where(where),
      ]);
      return { items, total: totals?.total ?? 0 };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
