import { and, count, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { DbExecutor, Tx } from '../../platform/db/db.js';
import { creditBalances, paymentNotifications, topupPayments, transactions } from './billing.tables.js';
import type { TransactionRow } from './ledger.js';

export type TransactionType = TransactionRow['type'];
export type TransactionStatus = TransactionRow['status'];

export interface TransactionFilter {
  type?: TransactionType;
  status?: TransactionStatus;
  from?: Date;
  to?: Date;
}

export type NotificationVerdict =
  | 'applied'
  | 'applied-late'
  | 'unchanged'
  | 'duplicate'
  | 'final'
  | 'stale-attempt'
  | 'paid-twice'
  | 'unsupported-status'
  | 'expired-locally'
  | 'malformed'
  | 'forged'
  | 'unknown-order'
  | 'amount-mismatch'
  | 'currency-mismatch';

/** Billing's own queries; only billing reads or writes its tables. */
export const billingRepository = {
  async balance(executor: DbExecutor, userId: string) {
    const [row] = await executor.select().from(creditBalances).where(eq(creditBalances.userId, userId));
    return row;
  },

  async findOwned(executor: DbExecutor, userId: string, id: string): Promise<TransactionRow | undefined> {
    const [row] = await executor
      .select()
      .from(transactions)
      .where(and(eq(transactions.id, id), eq(transactions.userId, userId)));
    return row;
  },

  async findByKey(executor: DbExecutor, key: string): Promise<TransactionRow | undefined> {
    const [row] = await executor.select().from(transactions).where(eq(transactions.idempotencyKey, key));
    return row;
  },

  async lock(tx: Tx, id: string): Promise<TransactionRow | undefined> {
    const [row] = await tx.select().from(transactions).where(eq(transactions.id, id)).for('update');
    return row;
  },

  async list(executor: DbExecutor, userId: string, filter: TransactionFilter, page: { limit: number; offset: number }) {
    const conditions: (SQL | undefined)[] = [
      eq(transactions.userId, userId),
      filter.type ? eq(transactions.type, filter.type) : undefined,
      filter.status ? eq(transactions.status, filter.status) : undefined,
      filter.from ? gte(transactions.createdAt, filter.from) : undefined,
      filter.to ? lte(transactions.createdAt, filter.to) : undefined,
    ];
    const where = and(...conditions);
    const [items, [{ total } = { total: 0 }]] = await Promise.all([
      executor
        .select()
        .from(transactions)
        .where(where)
        .orderBy(desc(transactions.createdAt), desc(transactions.id))
        .limit(page.limit)
        .offset(page.offset),
      executor.select({ total: count() }).from(transactions).where(where),
    ]);
    return { items, total };
  },

  async insertTopup(executor: DbExecutor, values: typeof transactions.$inferInsert) {
    const [row] = await executor
      .insert(transactions)
      .values(values)
      .onConflictDoNothing({ target: transactions.idempotencyKey })
      .returning();
    return row;
  },

  async update(executor: DbExecutor, id: string, set: Partial<typeof transactions.$inferInsert>) {
    const [row] = await executor.update(transactions).set(set).where(eq(transactions.id, id)).returning();
    return row!;
  },

  async insertAttempt(executor: DbExecutor, values: typeof topupPayments.$inferInsert) {
    await executor.insert(topupPayments).values(values);
  },

  async attemptsOf(executor: DbExecutor, transactionId: string) {
    return executor
      .select()
      .from(topupPayments)
      .where(eq(topupPayments.transactionId, transactionId))
      .orderBy(desc(topupPayments.createdAt));
  },

  async findAttempt(executor: DbExecutor, orderId: string) {
    const [row] = await executor.select().from(topupPayments).where(eq(topupPayments.orderId, orderId));
    return row;
  },

  /** Top-ups still PENDING that were created before `createdBefore`, oldest first. */
  async pendingTopups(executor: DbExecutor, createdBefore: Date, limit: number) {
    return executor
      .select()
      .from(transactions)
      .where(
        and(
          eq(transactions.type, 'TOPUP'),
          eq(transactions.status, 'PENDING'),
          lt(transactions.createdAt, createdBefore),
        ),
      )
      .orderBy(transactions.createdAt)
      .limit(limit);
  },

  async recordNotification(
    executor: DbExecutor,
    values: {
      source: 'webhook' | 'status-sync';
      rawBody: string;
      verdict: NotificationVerdict;
      orderId?: string;
      transactionId?: string;
      transactionStatus?: string;
      detail?: string;
      receivedAt: Date;
    },
  ) {
    await executor.insert(paymentNotifications).values(values);
  },
};
