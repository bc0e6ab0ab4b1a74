import type { DbExecutor } from '../../platform/db/db.js';

/**
 * "Does this user still have live subscriptions?" — asked before an administrator deletes a user.
 * The port `liveSubscriptions`: the subscriptions module provides it; until then the composition root
 * fills it with `noSubscriptionsYet`.
 */
export interface LiveSubscriptions {
  countLive(executor: DbExecutor, userId: string): Promise<number>;
}

/** Until the subscriptions module exists nobody has a subscription; this is the truth, not a stub. */
export const noSubscriptionsYet: LiveSubscriptions = {
  countLive: async () => 0,
};
