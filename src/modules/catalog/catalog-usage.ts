import type { DbExecutor } from '../../platform/db/db.js';

/**
 * "Do live subscriptions use this service or plan?" — asked before an administrator deletes one; if so
 * the delete is refused and the service or plan can only be deactivated. The port `catalogUsage`: the subscriptions
 * module provides it; until then the composition root fills it with `noSubscriptionsYet`. Runs inside the delete's transaction (`executor`), so it can lock what it counts.
 */
export interface CatalogUsage {
  countLiveForService(executor: DbExecutor, serviceId: string): Promise<number>;
  countLiveForPlan(executor: DbExecutor, planId: string): Promise<number>;
}

/** Until the subscriptions module exists nobody has a subscription; this is the truth, not a stub. */
export const noSubscriptionsYet: CatalogUsage = {
  countLiveForService: async () => 0,
  countLiveForPlan: async () => 0,
};
