import type { DbExecutor } from '../../platform/db/db.js';
import type { LiveSubscriptions } from '../admin-users/index.js';
import type { SubscriptionSpend, UpcomingRenewal } from '../billing/index.js';
import type { CatalogUsage } from '../catalog/index.js';
import { findPlansForPurchase } from '../catalog/index.js';
import { subscriptionsRepository as repo, type SubscriptionRow } from './subscriptions.repository.js';

const DAY_MS = 24 * 3600_000;

/** "Does this user still have live subscriptions?" (admin-users, before deleting a user). */
export const liveSubscriptions: LiveSubscriptions = {
  countLive: (executor, userId) => repo.countLiveOfUser(executor, userId),
};

/** "Do live subscriptions use this service or plan?" (catalog, before deleting one). */
export const catalogUsage: CatalogUsage = {
  countLiveForService: (executor, serviceId) => repo.countLiveOfService(executor, serviceId),
  countLiveForPlan: (executor, planId) => repo.countLiveOfPlan(executor, planId),
};

async function renewalsOf(executor: DbExecutor, rows: SubscriptionRow[]): Promise<UpcomingRenewal[]> {
  const plans = new Map(
    (
      await findPlansForPurchase(
        executor,
        rows.flatMap((r) => (r.planId ? [r.planId] : [])),
      )
    ).map((p) => [p.id, p]),
  );
  return rows.map((r) => ({
    subscriptionId: r.id,
    name: r.name,
    serviceId: r.serviceId,
    planId: r.planId,
    // A renewal charges the plan's price at that time; a deleted plan renews at the last price paid.
    amount: (r.planId ? plans.get(r.planId)?.priceMonthlyIdr : undefined) ?? r.priceIdr,
    renewsAt: r.periodEnd,
  }));
}

/** What the user's subscriptions will cost (billing's overview): renewals ahead and the burn rate. */
export const subscriptionSpend: SubscriptionSpend = {
  async upcomingRenewals(executor, userId, until) {
    return renewalsOf(executor, await repo.renewingBefore(executor, userId, until));
  },
  async monthlyBurn(executor, userId) {
    const rows = await repo.renewingBefore(executor, userId);
    const renewals = await renewalsOf(executor, rows);
    let burn = 0;
    rows.forEach((row, i) => {
      const periodMs = row.periodEnd.getTime() - row.periodStart.getTime();
      burn += (renewals[i]!.amount * 30 * DAY_MS) / Math.max(periodMs, DAY_MS);
    });
    return Math.round(burn);
  },
};
