import { and, eq, gte, or, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { creditBalances, transactions } from './billing.tables.js';

const money = (expression: ReturnType<typeof sql>) => sql<number>`coalesce(${expression}, 0)::bigint`.mapWith(Number);
const counted = (expression: ReturnType<typeof sql>) => sql<number>`${expression}::int`.mapWith(Number);

/**
 * A user's money figures for the overview in one indexed pass over their recent transactions: this
 * and last month (by completion, `[lastMonthFrom, thisMonthFrom)` and from `thisMonthFrom`), and the
 * top-ups still waiting for payment.
 */
export async function userMoneyFigures(
  executor: DbExecutor,
  userId: string,
  months: { lastMonthFrom: Date; thisMonthFrom: Date },
) {
  const t = transactions;
  const done = sql`${t.status} = 'SUCCESS'`;
  const thisMonth = sql`${t.completedAt} >= ${months.thisMonthFrom}`;
  const lastMonth = sql`${t.completedAt} >= ${months.lastMonthFrom} and ${t.completedAt} < ${months.thisMonthFrom}`;
  const spend = (when: ReturnType<typeof sql>) =>
    money(
      // Charges are negative and refunds positive: spend is what left the balance for subscriptions, net.
      sql`sum(-${t.amount}) filter (where ${done} and ${when} and ${t.type} in ('SUBSCRIPTION_CHARGE', 'REFUND'))`,
    );
  const topups = (when: ReturnType<typeof sql>) => ({
    count: counted(sql`count(*) filter (where ${done} and ${when} and ${t.type} = 'TOPUP')`),
    amount: money(sql`sum(${t.amount}) filter (where ${done} and ${when} and ${t.type} = 'TOPUP')`),
  });
  const [row] = await executor
    .select({
      spendThisMonth: spend(thisMonth),
      spendLastMonth: spend(lastMonth),
      topupsThisMonth: topups(thisMonth).count,
      topupAmountThisMonth: topups(thisMonth).amount,
      topupsLastMonth: topups(lastMonth).count,
      topupAmountLastMonth: topups(lastMonth).amount,
      pendingTopups: counted(sql`count(*) filter (where ${t.status} = 'PENDING' and ${t.type} = 'TOPUP')`),
      pendingTopupAmount: money(sql`sum(${t.amount}) filter (where ${t.status} = 'PENDING' and ${t.type} = 'TOPUP')`),
    })
    .from(t)
    .where(and(eq(t.userId, userId), or(gte(t.completedAt, months.lastMonthFrom), sql`${t.status} = 'PENDING'`)));
  return row!;
}

export async function userBalance(executor: DbExecutor, userId: string): Promise<number> {
  const [row] = await executor
    .select({ balance: creditBalances.balance })
    .from(creditBalances)
    .where(eq(creditBalances.userId, userId));
  return row?.balance ?? 0;
}
