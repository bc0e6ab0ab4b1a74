import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db/db.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { findAccount, findAccounts } from '../accounts/index.js';
import type { Actor, AuditLog } from '../audit/index.js';
import { type AdminTransactionView, MAX_REVENUE_DAYS } from './admin-billing.http.js';
import {
  type AdminTransactionFilters,
  pendingTopups,
  revenuePerDay,
  revenuePerService,
  searchTransactions,
  type TransactionRow,
} from './admin-billing.repository.js';
import { toTransactionView } from './billing.service.js';
import { transactionStatus, transactionType } from './billing.tables.js';
import { dayKey, dayStart } from './billing-calendar.js';

const DAY_MS = 86_400_000;

/** The part of the ledger an adjustment needs (see ledger.ts): one balance change under the balance's row lock. */
export interface AdjustingLedger {
  adjust(
    tx: Tx,
    input: { userId: string; amount: number; reason: string; actorId: string; idempotencyKey: string },
  ): Promise<{ transaction: TransactionRow; balanceAfter: number; replayed: boolean }>;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Administrators' view of money: every transaction, revenue, pending top-ups, and manual adjustments. */
export function createAdminBillingService(deps: {
  database: Pick<Database, 'db' | 'transaction'>;
  clock: Clock;
  timeZone: string;
  audit: AuditLog;
  ledger: AdjustingLedger;
}) {
  const { database, timeZone } = deps;

  /** Views of `rows` with their owners' current email and name, in one query for the page. */
  async function views(rows: TransactionRow[]): Promise<AdminTransactionView[]> {
    const owners = new Map(
      (await findAccounts(database.db, [...new Set(rows.map((r) => r.userId))])).map((a) => [a.id, a]),
    );
    return rows.map((row) => {
      const owner = owners.get(row.userId);
      // The customer's view of the transaction, less its payment link, plus who and what it concerns.
      const { payment: _payment, ...common } = toTransactionView(row);
      return {
        ...common,
        userId: row.userId,
        user: owner ? { email: owner.email, name: owner.name } : null,
        subscriptionId: row.subscriptionId,
        serviceId: row.serviceId,
        planId: row.planId,
        actorId: row.actorId,
        midtransOrderId: row.midtransOrderId,
        midtransTransactionId: row.midtransTransactionId,
        paymentExpiresAt: iso(row.paymentExpiresAt),
      };
    });
  }

  return {
    async transactions(filters: AdminTransactionFilters & { page: number; pageSize: number }) {
      const { items, groups } = await searchTransactions(database.db, filters, filters);
      const zero = () => ({ count: 0, amount: 0 });
      const byType = Object.fromEntries(transactionType.enumValues.map((t) => [t, zero()])) as Record<
        TransactionRow['type'],
        { count: number; amount: number }
      >;
      const byStatus = Object.fromEntries(transactionStatus.enumValues.map((s) => [s, zero()])) as Record<
        TransactionRow['status'],
        { count: number; amount: number }
      >;
      let count = 0;
      let net = 0;
      for (const g of groups) {
        count += g.count;
        byStatus[g.status].count += g.count;
        byStatus[g.status].amount += g.amount;
        byType[g.type].count += g.count;
        if (g.status === 'SUCCESS') {
          byType[g.type].amount += g.amount;
          net += g.amount;
        }
      }
      return { items: await views(items), total: count, totals: { count, net, byType, byStatus } };
    },

    async pendingTopups(query: { olderThanMinutes?: number; page: number; pageSize: number }) {
      const createdBefore =
        query.olderThanMinutes === undefined
          ? undefined
          : new Date(deps.clock.now().getTime() - query.olderThanMinutes * 60_000);
      const result = await pendingTopups(database.db, { ...query, createdBefore });
      return {
        items: await views(result.items),
        total: result.count,
        totals: { count: result.count, amount: result.amount },
      };
    },

    /** Revenue per day and per service over whole days `from`..`to` (inclusive) in the billing time zone. */
    async revenue(query: { from?: string; to?: string }) {
      const today = dayKey(timeZone, deps.clock.now());
      const lastDay = query.to ?? today;
      const firstDay = query.from ?? dayKey(timeZone, new Date(Date.parse(`${lastDay}T12:00:00Z`) - 29 * DAY_MS));
      const days: string[] = [];
      for (let t = Date.parse(`${firstDay}T12:00:00Z`); t <= Date.parse(`${lastDay}T12:00:00Z`); t += DAY_MS) {
        days.push(new Date(t).toISOString().slice(0, 10));
        if (days.length > MAX_REVENUE_DAYS) {
          throw badRequest(`The range must be at most ${MAX_REVENUE_DAYS} days`, [
            { path: 'querystring.from', message: `must be at most ${MAX_REVENUE_DAYS} days before to` },
          ]);
        }
      }
      // Midday UTC of a calendar day falls on that day in every zone within ±12 h of UTC.
      const range = {
        from: dayStart(timeZone, new Date(`${firstDay}T12:00:00Z`)),
        to: dayStart(timeZone, new Date(Date.parse(`${lastDay}T12:00:00Z`) + DAY_MS)),
      };
      const [perDay, perService] = await Promise.all([
        revenuePerDay(database.db, range, timeZone),
        revenuePerService(database.db, range),
      ]);
      const byDate = new Map(perDay.map((d) => [d.date, d]));
      const dayRows = days.map((date) => {
        const d = byDate.get(date);
        const charges = d?.charges ?? 0;
        const refunds = d?.refunds ?? 0;
        return {
          date,
          topups: d?.topups ?? 0,
          topupCount: d?.topupCount ?? 0,
          charges,
          chargeCount: d?.chargeCount ?? 0,
          refunds,
          revenue: charges - refunds,
          adjustments: d?.adjustments ?? 0,
        };
      });
      const sum = (pick: (d: (typeof dayRows)[number]) => number) => dayRows.reduce((n, d) => n + pick(d), 0);
      return {
        from: firstDay,
        to: lastDay,
        timeZone,
        totals: {
          topups: sum((d) => d.topups),
          charges: sum((d) => d.charges),
          refunds: sum((d) => d.refunds),
          revenue: sum((d) => d.revenue),
          adjustments: sum((d) => d.adjustments),
        },
        days: dayRows,
        services: perService.map((s) => ({ ...s, revenue: s.charges - s.refunds })),
      };
    },

    /**
     * A manual correction of a user's balance, with a reason: the transaction, the ledger entry, the
     * balance and the audit entry commit together. The key is the administrator's (scoped to them): the
     * same key again returns the same adjustment; a negative one may not take the balance below zero (402).
     */
    async adjust(
      actor: Actor,
      userId: string,
      input: { amount: number; reason: string },
      idempotencyKey: string,
    ): Promise<{ transaction: AdminTransactionView; balance: number; replayed: boolean }> {
      const result = await database.transaction(async (tx) => {
        if (!(await findAccount(tx, userId))) throw notFound('User');
        const outcome = await deps.ledger.adjust(tx, {
          userId,
          amount: input.amount,
          reason: input.reason,
          actorId: actor.id,
          idempotencyKey: `admin-adjustment:${actor.id}:${idempotencyKey}`,
        });
        if (!outcome.replayed) {
          await deps.audit.record(
            {
              actorId: actor.id,
              action: 'admin.billing.adjusted',
              targetType: 'user',
              targetId: userId,
              ip: actor.ip,
              details: {
                transactionId: outcome.transaction.id,
                amount: input.amount,
                reason: input.reason,
                balanceAfter: outcome.balanceAfter,
              },
            },
            tx,
          );
        }
        return outcome;
      });
      const [view] = await views([result.transaction]);
      return { transaction: view!, balance: result.balanceAfter, replayed: result.replayed };
    },
  };
}

export type AdminBillingService = ReturnType<typeof createAdminBillingService>;
