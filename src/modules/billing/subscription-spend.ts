import type { DbExecutor } from '../../platform/db/db.js';

/** A renewal the user will be charged for, as the subscriptions module sees it. */
export interface UpcomingRenewal {
  subscriptionId: string;
  /** The subscription's own name (the app's name). */
  name: string;
  serviceId: string | null;
  planId: string | null;
  /** What the renewal will charge, integer rupiah. */
  amount: number;
  renewsAt: Date;
}

/**
 * What the user's subscriptions will cost: the port `subscriptionSpend`, provided by the subscriptions
 * module; until it exists the composition root fills it with `noSubscriptionSpendYet`.
 */
export interface SubscriptionSpend {
  /** Auto-renewing live subscriptions renewing before `until`, soonest first. */
  upcomingRenewals(executor: DbExecutor, userId: string, until: Date): Promise<UpcomingRenewal[]>;
  /**
   * The burn rate: integer rupiah per 30 days of the user's auto-renewing live subscriptions (each
   * plan's price over its period, scaled to 30 days).
   */
  monthlyBurn(executor: DbExecutor, userId: string): Promise<number>;
}

/** Until the subscriptions module exists nobody has a subscription: nothing renews, nothing burns. */
export const noSubscriptionSpendYet: SubscriptionSpend = {
  upcomingRenewals: async () => [],
  monthlyBurn: async () => 0,
};
