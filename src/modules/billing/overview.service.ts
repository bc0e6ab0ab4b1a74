import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/db.js';
import { monthRange } from './billing-calendar.js';
import type { OverviewView } from './overview.http.js';
import { userBalance, userMoneyFigures } from './overview.repository.js';
import type { SubscriptionSpend } from './subscription-spend.js';

const DAY_MS = 86_400_000;
/** How far ahead the overview lists renewals. */
export const RENEWAL_HORIZON_DAYS = 30;

/**
 * Whole days `balance` lasts at `monthlyBurn` rupiah per 30 days; null when nothing burns. Integer
 * arithmetic: `balance * 30` stays exact far beyond any balance (MAX_AMOUNT_IDR * 30 < 2^53).
 */
export function runwayDays(balance: number, monthlyBurn: number): number | null {
  if (monthlyBurn <= 0) return null;
  return Math.floor((balance * 30) / monthlyBurn);
}

/** The signed-in user's money at a glance: balance, this and last month, renewals ahead, the runway. */
export function createOverviewService(deps: {
  database: Pick<Database, 'db'>;
  clock: Clock;
  timeZone: string;
  /** Read on each request: the subscriptions module may be built after billing. */
  subscriptionSpend: () => SubscriptionSpend;
}) {
  return {
    async overview(userId: string): Promise<OverviewView> {
      const { db } = deps.database;
      const now = deps.clock.now();
      const thisMonth = monthRange(deps.timeZone, now);
      const lastMonth = monthRange(deps.timeZone, now, 1);
      const until = new Date(now.getTime() + RENEWAL_HORIZON_DAYS * DAY_MS);
      const spend = deps.subscriptionSpend();
      const [balance, figures, renewals, monthlyBurn] = await Promise.all([
        userBalance(db, userId),
        userMoneyFigures(db, userId, { lastMonthFrom: lastMonth.from, thisMonthFrom: thisMonth.from }),
        spend.upcomingRenewals(db, userId, until),
        spend.monthlyBurn(db, userId),
      ]);
      const renewalsTotal = renewals.reduce((sum, r) => sum + r.amount, 0);
      const days = runwayDays(balance, monthlyBurn);
      return {
        balance,
        currency: 'IDR',
        timeZone: deps.timeZone,
        thisMonth: {
          from: thisMonth.from.toISOString(),
          to: thisMonth.to.toISOString(),
          spend: figures.spendThisMonth,
          topups: { count: figures.topupsThisMonth, amount: figures.topupAmountThisMonth },
        },
        lastMonth: {
          from: lastMonth.from.toISOString(),
          to: lastMonth.to.toISOString(),
          spend: figures.spendLastMonth,
          topups: { count: figures.topupsLastMonth, amount: figures.topupAmountLastMonth },
        },
        pendingTopups: { count: figures.pendingTopups, amount: figures.pendingTopupAmount },
        upcomingRenewals: {
          until: until.toISOString(),
          total: renewalsTotal,
          shortfall: Math.max(0, renewalsTotal - balance),
          items: renewals.map((r) => ({
            subscriptionId: r.subscriptionId,
            name: r.name,
            serviceId: r.serviceId,
            planId: r.planId,
            amount: r.amount,
            renewsAt: r.renewsAt.toISOString(),
          })),
        },
        burn: { monthly: monthlyBurn, daily: Math.ceil(monthlyBurn / 30) },
        runway: {
          days,
          until: days === null ? null : new Date(now.getTime() + days * DAY_MS).toISOString(),
        },
      };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
