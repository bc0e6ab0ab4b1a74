import { and, asc, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbExecutor } from '../../platform/db/db.js';
import { transactions } from './billing.tables.js';

export type TransactionRow = typeof transactions.$inferSelect;
export type TransactionType = TransactionRow['type'];
export type TransactionStatus = TransactionRow['status'];

export interface AdminTransactionFilters {
  userId?: string;
  type?: TransactionType;
  status?: TransactionStatus;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
}

function whereOf(filters: AdminTransactionFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.userId) conditions.push(eq(transactions.userId, filters.userId));
  if (filters.type) conditions.push(eq(transactions.type, filters.type));
  if (filters.status) conditions.push(eq(transactions.status, filters.status));
  if (filters.from) conditions.push(gte(transactions.createdAt, filters.from));
  if (filters.to) conditions.push(lt(transactions.createdAt, filters.to));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

const bigintSum = (expression: SQL) => sql<number>`coalesce(sum(${expression}), 0)::bigint`.mapWith(Number);
/** `sum(expression)` over the rows where `condition` holds, 0 when none. */
const sumWhere = (expression: SQL, condition: SQL) =>
  sql<number>`coalesce(sum(${expression}) filter (where ${condition}), 0)::bigint`.mapWith(Number);
const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** Every user's transactions, newest first, and the counts and sums of the whole filtered set by type and status. */
export async function searchTransactions(
  executor: DbExecutor,
  filters: AdminTransactionFilters,
  page: { page: number; pageSize: number },
) {
  const where = whereOf(filters);
  const [items, groups] = await Promise.all([
    executor
      .select()
      .from(transactions)
      .where(where)
      .orderBy(desc(transactions.createdAt), desc(transactions.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    executor
      .select({
        type: transactions.type,
        status: transactions.status,
        count: count(),
        amount: bigintSum(sql`${transactions.amount}`),
      })
      .from(transactions)
      .where(where)
      .groupBy(transactions.type, transactions.status),
  ]);
  return { items, groups };
}

/** Top-ups waiting for payment, oldest first (created before `createdBefore` when given). */
export async function pendingTopups(
  executor: DbExecutor,
  options: { createdBefore?: Date; page: number; pageSize: number },
) {
  const where = and(
    eq(transactions.type, 'TOPUP'),
    eq(transactions.status, 'PENDING'),
    options.createdBefore ? lt(transactions.createdAt, options.createdBefore) : undefined,
  );
  const [items, [totals]] = await Promise.all([
    executor
      .select()
      .from(transactions)
      .where(where)
      .orderBy(asc(transactions.createdAt), asc(transactions.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    executor
      .select({ count: count(), amount: bigintSum(sql`${transactions.amount}`) })
      .from(transactions)
      .where(where),
  ]);
  return { items, count: totals?.count ?? 0, amount: totals?.amount ?? 0 };
}

/**
 * Money per day of `[from, to)` in `timeZone`, by completion: top-ups received, subscription charges,
 * refunds and adjustments (SUCCESS only; charges and refunds as positive amounts).
 */
export async function revenuePerDay(executor: DbExecutor, range: { from: Date; to: Date }, timeZone: string) {
  const t = transactions;
  const day = sql<string>`to_char(${t.completedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  const isType = (type: TransactionType) => sql`${t.type} = ${type}`;
  return (
    executor
      .select({
        date: day,
        topups: sumWhere(sql`${t.amount}`, isType('TOPUP')),
        topupCount: countWhere(isType('TOPUP')),
        charges: sumWhere(sql`-${t.amount}`, isType('SUBSCRIPTION_CHARGE')),
        chargeCount: countWhere(isType('SUBSCRIPTION_CHARGE')),
        refunds: sumWhere(sql`${t.amount}`, isType('REFUND')),
        adjustments: sumWhere(sql`${t.amount}`, isType('ADJUSTMENT')),
      })
      .from(t)
      .where(and(eq(t.status, 'SUCCESS'), gte(t.completedAt, range.from), lt(t.completedAt, range.to)))
      // By position: the zone is a bound parameter, so a repeated expression would not be the same one.
      .groupBy(sql`1`)
      .orderBy(sql`1`)
  );
}

/**
 * Subscription revenue per service of `[from, to)`: charges by the service they were for (the
 * transaction's snapshot), refunds by the service of the charge they refund.
 */
export async function revenuePerService(executor: DbExecutor, range: { from: Date; to: Date }) {
  const t = transactions;
  const original = alias(transactions, 'original');
  const service = sql<string | null>`coalesce(${t.serviceId}, ${original.serviceId})`;
  return executor
    .select({
      serviceId: service,
      charges: sumWhere(sql`-${t.amount}`, sql`${t.type} = 'SUBSCRIPTION_CHARGE'`),
      chargeCount: countWhere(sql`${t.type} = 'SUBSCRIPTION_CHARGE'`),
      refunds: sumWhere(sql`${t.amount}`, sql`${t.type} = 'REFUND'`),
    })
    .from(t)
    .leftJoin(original, eq(original.id, t.relatedTransactionId))
    .where(
      and(
        eq(t.status, 'SUCCESS'),
        sql`${t.type} in ('SUBSCRIPTION_CHARGE', 'REFUND')`,
        gte(t.completedAt, range.from),
        lt(t.completedAt, range.to),
      ),
    )
    .groupBy(service)
    .orderBy(sql`2 desc`, service);
}
