import { eq, inArray, or } from 'drizzle-orm';
import type { ClusterInventory } from '../cluster/index.js';
import { isLive, LIVE_STATUSES } from './subscriptions.repository.js';
import { pods, subscriptions } from './subscriptions.tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Label values are free text: only UUIDs can name a row (anything else would fail the uuid cast). */
const uuids = (values: readonly string[]) => [...new Set(values.filter((v) => UUID.test(v)))];

/** The port `clusterInventory` (the cluster module's orphan scan and debug view): one query per question. */
export const clusterInventory: ClusterInventory = {
  async subscriptionsFor(executor, query) {
    const ids = uuids(query.ids);
    const userIds = uuids(query.userIds);
    const conditions = [inArray(subscriptions.status, [...LIVE_STATUSES])];
    if (ids.length > 0) conditions.push(inArray(subscriptions.id, ids));
    if (userIds.length > 0) conditions.push(inArray(subscriptions.userId, userIds));
    const rows = await executor
      .select({
        id: subscriptions.id,
        userId: subscriptions.userId,
        name: subscriptions.name,
        status: subscriptions.status,
        createdAt: subscriptions.createdAt,
        podId: pods.id,
        podStatus: pods.status,
        namespace: pods.namespace,
        workloadKind: pods.workloadKind,
        workloadName: pods.workloadName,
        desiredReplicas: pods.desiredReplicas,
        readyReplicas: pods.readyReplicas,
        availableReplicas: pods.availableReplicas,
      })
      .from(subscriptions)
      .leftJoin(pods, eq(pods.subscriptionId, subscriptions.id))
      .where(or(...conditions));
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      name: r.name,
      status: r.status,
      live: isLive(r.status),
      createdAt: r.createdAt,
      pod: r.podId
        ? {
            id: r.podId,
            status: r.podStatus!,
            namespace: r.namespace!,
            workloadKind: r.workloadKind!,
            workloadName: r.workloadName!,
            desiredReplicas: r.desiredReplicas!,
            readyReplicas: r.readyReplicas!,
            availableReplicas: r.availableReplicas!,
          }
        : null,
    }));
  },

  async liveAmong(executor, query) {
    const ids = uuids(query.ids);
    const userIds = uuids(query.userIds);
    const liveIds = new Set<string>();
    const usersWithLive = new Set<string>();
    if (ids.length === 0 && userIds.length === 0) return { liveIds, usersWithLive };
    const which = [];
    if (ids.length > 0) which.push(inArray(subscriptions.id, ids));
    if (userIds.length > 0) which.push(inArray(subscriptions.userId, userIds));
    const rows = await executor
      .select({ id: subscriptions.id, userId: subscriptions.userId, status: subscriptions.status })
      .from(subscriptions)
      .where(or(...which));
    for (const row of rows) {
      if (!isLive(row.status)) continue;
      liveIds.add(row.id);
      usersWithLive.add(row.userId);
    }
    return { liveIds, usersWithLive };
  },
};
