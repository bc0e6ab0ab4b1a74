import { and, count, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { type DeliveryRow, deliveries } from './notifications.tables.js';

export type DeliveryStatus = DeliveryRow['status'];
export type NewDelivery = typeof deliveries.$inferInsert;

export interface DeliveryFilters {
  userId?: string;
  template?: string;
  status?: DeliveryStatus;
  page: number;
  pageSize: number;
}

/** The only code that reads and writes `deliveries`. */
export const notificationsRepository = {
  /** Inserts the delivery unless its event key is taken; returns the row that holds the key either way. */
  async insertOnce(executor: DbExecutor, row: NewDelivery): Promise<{ row: DeliveryRow; created: boolean }> {
    const [inserted] = await executor.insert(deliveries).values(row).onConflictDoNothing().returning();
    if (inserted) return { row: inserted, created: true };
    const [existing] = await executor.select().from(deliveries).where(eq(deliveries.eventKey, row.eventKey));
    if (!existing) throw new Error(`delivery ${row.eventKey} neither inserted nor found (a conflict on its id?)`);
    return { row: existing, created: false };
  },

  async findByEventKey(executor: DbExecutor, eventKey: string) {
    const [row] = await executor.select().from(deliveries).where(eq(deliveries.eventKey, eventKey));
    return row;
  },

  async findById(executor: DbExecutor, id: string) {
    const [row] = await executor.select().from(deliveries).where(eq(deliveries.id, id));
    return row;
  },

  /**
   * Claims the delivery for one attempt: queued or failed, or `sending` for longer than `leaseMs` (an
   * attempt that died after claiming it). One statement, so two attempts never both claim it.
   */
  async claim(executor: DbExecutor, id: string, now: Date, leaseMs: number) {
    const [row] = await executor
      .update(deliveries)
      .set({ status: 'sending', attempts: sql`${deliveries.attempts} + 1`, claimedAt: now, updatedAt: now })
      .where(
        and(
          eq(deliveries.id, id),
          or(
            inArray(deliveries.status, ['queued', 'failed']),
            and(eq(deliveries.status, 'sending'), lt(deliveries.claimedAt, new Date(now.getTime() - leaseMs))),
          ),
        ),
      )
      .returning();
    return row;
  },

  /**
   * Deliveries not sent whose attempt should have come by now: queued and untouched since `queuedBefore`
   * (longer than the longest backoff), or claimed before `claimedBefore` (an attempt that died). Their
   * jobs may be gone (Redis lost its data); the oldest first.
   */
  async overdue(executor: DbExecutor, queuedBefore: Date, claimedBefore: Date, limit: number) {
    return executor
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(
        or(
          and(eq(deliveries.status, 'queued'), lt(deliveries.updatedAt, queuedBefore)),
          and(eq(deliveries.status, 'sending'), lt(deliveries.claimedAt, claimedBefore)),
        ),
      )
      .orderBy(deliveries.createdAt)
      .limit(limit);
  },

  async markSent(executor: DbExecutor, id: string, smtpMessageId: string, now: Date) {
    await executor
      .update(deliveries)
      .set({ status: 'sent', smtpMessageId, sentAt: now, updatedAt: now, lastError: null })
      .where(eq(deliveries.id, id));
  },

  /** An attempt failed before the SMTP server accepted the mail: queued again, or failed for good. */
  async markAttemptFailed(executor: DbExecutor, id: string, error: string, final: boolean, now: Date) {
    await executor
      .update(deliveries)
      .set({ status: final ? 'failed' : 'queued', lastError: error.slice(0, 1000), updatedAt: now })
      .where(and(eq(deliveries.id, id), eq(deliveries.status, 'sending')));
  },

  async list(executor: DbExecutor, filters: DeliveryFilters) {
    const conditions: SQL[] = [];
    if (filters.userId) conditions.push(eq(deliveries.userId, filters.userId));
    if (filters.template) conditions.push(eq(deliveries.template, filters.template));
    if (filters.status) conditions.push(eq(deliveries.status, filters.status));
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const [items, [total]] = await Promise.all([
      executor
        .select()
        .from(deliveries)
        .where(where)
        .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize),
      executor.select({ n: count() }).from(deliveries).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  async countResendsOf(executor: DbExecutor, id: string) {
    const [row] = await executor.select({ n: count() }).from(deliveries).where(eq(deliveries.resendOf, id));
    return row?.n ?? 0;
  },
};
