import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
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

const FILTERS = ['actorId', 'action', 'targetType', 'targetId', 'from', 'to'] as const;

/** The audit trail. `record` takes the caller's transaction so the entry commits with the change it describes. */
export function createAuditLog(deps: { database: Pick<Database, 'db'>; clock: Clock }) {
  const { db } = deps.database;

  function buildList(filters: AuditFilters) {
    const conditions: SQL[] = [];
    if (filters.actorId) conditions.push(eq(auditLog.actorId, sql.placeholder('actorId')));
    if (filters.action) conditions.push(eq(auditLog.action, sql.placeholder('action')));
    if (filters.targetType) conditions.push(eq(auditLog.targetType, sql.placeholder('targetType')));
    if (filters.targetId) conditions.push(eq(auditLog.targetId, sql.placeholder('targetId')));
    if (filters.from) conditions.push(gte(auditLog.occurredAt, sql.placeholder('from')));
    if (filters.to) conditions.push(lt(auditLog.occurredAt, sql.placeholder('to')));
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    // No name: unnamed statements, as an ad-hoc query sends; only drizzle's building of the SQL is kept.
    const unnamed = undefined as unknown as string;
    return {
      items: db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.occurredAt), desc(auditLog.seq))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(unnamed),
      total: db.select({ total: count() }).from(auditLog).where(where).prepare(unnamed),
    };
  }
  /** The list's two statements, built once per shape (which filters): drizzle otherwise builds the SQL every call. */
  const lists = new Map<string, ReturnType<typeof buildList>>();

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
      const shape = FILTERS.map((f) => (filters[f] ? '1' : '0')).join('');
      let list = lists.get(shape);
      if (!list) {
        list = buildList(filters);
        lists.set(shape, list);
      }
      // Values as drizzle binds them to these columns (timestamps as ISO strings).
      const values = {
        actorId: filters.actorId,
        action: filters.action,
        targetType: filters.targetType,
        targetId: filters.targetId,
        from: filters.from?.toISOString(),
        to: filters.to?.toISOString(),
        limit: filters.pageSize,
        offset: (filters.page - 1) * filters.pageSize,
      };
      const [items, [totals]] = await Promise.all([list.items.execute(values), list.total.execute(values)]);
      return { items, total: totals?.total ?? 0 };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
