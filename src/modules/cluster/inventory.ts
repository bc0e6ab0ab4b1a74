import type { DbExecutor } from '../../platform/db/db.js';

/** A subscription as the orphan scan needs it: whether it is live, whose it is, and its pod's record. */
export interface InventorySubscription {
  id: string;
  userId: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'CANCELLED' | 'TERMINATED' | 'FAILED';
  live: boolean;
  createdAt: Date;
  pod: {
    id: string;
    status: string;
    namespace: string;
    workloadKind: string;
    workloadName: string;
    desiredReplicas: number;
    readyReplicas: number;
    availableReplicas: number;
  } | null;
}

/**
 * What the database says about the subscriptions the cluster shows (the port `clusterInventory`, provided by
 * the subscriptions module, which owns the tables).
 */
export interface ClusterInventory {
  /**
   * In one query: every live subscription (with its pod), every subscription whose id is in `ids`, and every
   * subscription of the users in `userIds` (so a tenant known to this database is told from a stranger).
   */
  subscriptionsFor(
    executor: DbExecutor,
    query: { ids: readonly string[]; userIds: readonly string[] },
  ): Promise<InventorySubscription[]>;
  /** The live subscriptions among `ids`, and the users among `userIds` who have one: read again right before a delete. */
  liveAmong(
    executor: DbExecutor,
    query: { ids: readonly string[]; userIds: readonly string[] },
  ): Promise<{ liveIds: Set<string>; usersWithLive: Set<string> }>;
}
