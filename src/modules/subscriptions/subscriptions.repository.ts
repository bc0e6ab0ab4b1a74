import { and, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { containsPattern } from '../../platform/http/listing.js';
import { pods, reconciliations, subscriptionNotices, subscriptions } from './subscriptions.tables.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type PodRow = typeof pods.$inferSelect;
export type SubscriptionStatus = SubscriptionRow['status'];
export type PodStatus = PodRow['status'];

/** Statuses whose app Kapal keeps (running or scaled to zero): the partial unique indexes use the same set. */
export const LIVE_STATUSES = ['ACTIVE', 'SUSPENDED', 'CANCELLED'] as const satisfies readonly SubscriptionStatus[];
/** Statuses whose objects must be gone from the cluster. */
export const ENDED_STATUSES = ['TERMINATED', 'FAILED'] as const satisfies readonly SubscriptionStatus[];

export const isLive = (status: SubscriptionStatus) => (LIVE_STATUSES as readonly string[]).includes(status);
const live = inArray(subscriptions.status, [...LIVE_STATUSES]);

export interface SubscriptionWithPod {
  subscription: SubscriptionRow;
  pod: PodRow;
}

/** The only code that reads and writes subscriptions, pods and reconciliations. */
export const subscriptionsRepository = {
  async insertSubscription(executor: DbExecutor, values: typeof subscriptions.$inferInsert): Promise<SubscriptionRow> {
    const [row] = await executor.insert(subscriptions).values(values).returning();
    return row!;
  },

  async insertPod(executor: DbExecutor, values: typeof pods.$inferInsert): Promise<PodRow> {
    const [row] = await executor.insert(pods).values(values).returning();
    return row!;
  },

  async findByIdempotencyKey(executor: DbExecutor, userId: string, key: string) {
    const [row] = await executor
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.idempotencyKey, key)));
    return row;
  },

  /** Frees a key whose 24 hours are over, so the same key may start a new subscription. */
  async releaseIdempotencyKey(executor: DbExecutor, subscriptionId: string) {
    await executor
      .update(subscriptions)
      .set({ idempotencyKey: null, idempotencyExpiresAt: null })
      .where(eq(subscriptions.id, subscriptionId));
  },

  async liveWithName(executor: DbExecutor, userId: string, name: string) {
    const [row] = await executor
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.name, name), live));
    return row;
  },

  async liveWithHost(executor: DbExecutor, host: string) {
    const [row] = await executor
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.host, host), live));
    return row;
  },

  async findWithPod(executor: DbExecutor, subscriptionId: string): Promise<SubscriptionWithPod | undefined> {
    const [row] = await executor
      .select({ subscription: subscriptions, pod: pods })
      .from(subscriptions)
      .innerJoin(pods, eq(pods.subscriptionId, subscriptions.id))
      .where(eq(subscriptions.id, subscriptionId));
    return row;
  },

  /** Locks the subscription row (and reads its pod) for a state change. */
  async lockWithPod(executor: DbExecutor, subscriptionId: string): Promise<SubscriptionWithPod | undefined> {
    const [row] = await executor
      .select({ subscription: subscriptions, pod: pods })
      .from(subscriptions)
      .innerJoin(pods, eq(pods.subscriptionId, subscriptions.id))
      .where(eq(subscriptions.id, subscriptionId))
      .for('update', { of: subscriptions });
    return row;
  },

  async findOwnedWithPod(executor: DbExecutor, userId: string, subscriptionId: string) {
    const [row] = await executor
      .select({ subscription: subscriptions, pod: pods })
      .from(subscriptions)
      .innerJoin(pods, eq(pods.subscriptionId, subscriptions.id))
      .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.userId, userId)));
    return row;
  },

  async findOwnedPod(executor: DbExecutor, userId: string, podId: string) {
    const [row] = await executor
      .select({ subscription: subscriptions, pod: pods })
      .from(pods)
      .innerJoin(subscriptions, eq(subscriptions.id, pods.subscriptionId))
      .where(and(eq(pods.id, podId), eq(pods.userId, userId)));
    return row;
  },

  async listOwned(
    executor: DbExecutor,
    userId: string,
    filter: { statuses?: SubscriptionStatus[]; page: number; pageSize: number },
  ): Promise<{ items: SubscriptionWithPod[]; total: number }> {
    const where = and(
      eq(subscriptions.userId, userId),
      filter.statuses?.length ? inArray(subscriptions.status, filter.statuses) : undefined,
    );
    const [items, [totals]] = await Promise.all([
      executor
        .select({ subscription: subscriptions, pod: pods })
        .from(subscriptions)
        .innerJoin(pods, eq(pods.subscriptionId, subscriptions.id))
        .where(where)
        .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      executor.select({ total: count() }).from(subscriptions).where(where),
    ]);
    return { items, total: totals?.total ?? 0 };
  },

  async listOwnedPods(
    executor: DbExecutor,
    userId: string,
    filter: { statuses?: PodStatus[]; page: number; pageSize: number },
  ): Promise<{ items: SubscriptionWithPod[]; total: number }> {
    const where = and(
      eq(pods.userId, userId),
      filter.statuses?.length ? inArray(pods.status, filter.statuses) : undefined,
    );
    const [items, [totals]] = await Promise.all([
      executor
        .select({ subscription: subscriptions, pod: pods })
        .from(pods)
        .innerJoin(subscriptions, eq(subscriptions.id, pods.subscriptionId))
        .where(where)
        .orderBy(desc(pods.createdAt), desc(pods.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      executor.select({ total: count() }).from(pods).where(where),
    ]);
    return { items, total: totals?.total ?? 0 };
  },

  /** The tenant's live subscriptions (for sizing its namespace), `except` one. */
  async liveOfTenant(executor: DbExecutor, userId: string): Promise<SubscriptionRow[]> {
    return executor
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), live));
  },

  /**
   * What the full pass visits: every live subscription, and every ended one whose objects were not
   * confirmed removed yet.
   */
  async idsToReconcile(executor: DbExecutor): Promise<string[]> {
    const rows = await executor
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .innerJoin(pods, eq(pods.subscriptionId, subscriptions.id))
      .where(or(live, and(inArray(subscriptions.status, [...ENDED_STATUSES]), isNull(pods.terminatedAt))))
      .orderBy(subscriptions.id);
    return rows.map((r) => r.id);
  },

  async updatePod(executor: DbExecutor, podId: string, values: Partial<typeof pods.$inferInsert>) {
    const [row] = await executor
      .update(pods)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(pods.id, podId))
      .returning();
    return row;
  },

  /**
   * Starts a paid new period for many subscriptions in one statement (the renewal pass): ACTIVE, the
   * period and price set, the pending plan taken, grace and suspension cleared.
   */
  async startPeriods(
    executor: DbExecutor,
    periods: { id: string; start: Date; end: Date; priceIdr: number; planId: string | null }[],
  ): Promise<void> {
    if (periods.length === 0) return;
    await executor.execute(sql`
      update ${subscriptions} as s
      set status = 'ACTIVE', period_start = v.period_start, period_end = v.period_end, price_idr = v.price_idr,
          plan_id = v.plan_id, pending_plan_id = null, grace_started_at = null, suspended_at = null, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(
        periods.map((p) => ({
          id: p.id,
          period_start: p.start.toISOString(),
          period_end: p.end.toISOString(),
          price_idr: p.priceIdr,
          plan_id: p.planId,
        })),
      )}::jsonb) as v(id uuid, period_start timestamptz, period_end timestamptz, price_idr bigint, plan_id uuid)
      where s.id = v.id`);
  },

  async updateSubscription(executor: DbExecutor, id: string, values: Partial<typeof subscriptions.$inferInsert>) {
    const [row] = await executor
      .update(subscriptions)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(subscriptions.id, id))
      .returning();
    return row;
  },

  /** Marks the service-ready mail as due exactly once: true for the one caller that set it. */
  async claimReadyMail(executor: DbExecutor, podId: string, now: Date): Promise<boolean> {
    const rows = await executor
      .update(pods)
      .set({ readyMailedAt: now })
      .where(and(eq(pods.id, podId), isNull(pods.readyMailedAt)))
      .returning({ id: pods.id });
    return rows.length === 1;
  },

  async recordReconciliation(executor: DbExecutor, values: typeof reconciliations.$inferInsert) {
    await executor.insert(reconciliations).values(values);
  },

  async reconciliationsOf(executor: DbExecutor, subscriptionId: string) {
    return executor
      .select()
      .from(reconciliations)
      .where(eq(reconciliations.subscriptionId, subscriptionId))
      .orderBy(desc(reconciliations.createdAt));
  },

  async provisioningPastDeadline(executor: DbExecutor, now: Date): Promise<string[]> {
    const rows = await executor
      .select({ id: pods.subscriptionId })
      .from(pods)
      .where(and(eq(pods.status, 'PROVISIONING'), lt(pods.provisioningDeadlineAt, now)));
    return rows.map((r) => r.id);
  },

  // ---- the ports' questions

  async countLiveOfUser(executor: DbExecutor, userId: string): Promise<number> {
    const [row] = await executor
      .select({ n: count() })
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), live));
    return row?.n ?? 0;
  },

  async countLiveOfService(executor: DbExecutor, serviceId: string): Promise<number> {
    const [row] = await executor
      .select({ n: count() })
      .from(subscriptions)
      .where(and(eq(subscriptions.serviceId, serviceId), live));
    return row?.n ?? 0;
  },

  async countLiveOfPlan(executor: DbExecutor, planId: string): Promise<number> {
    const [row] = await executor
      .select({ n: count() })
      .from(subscriptions)
      .where(and(eq(subscriptions.planId, planId), live));
    return row?.n ?? 0;
  },

  /** Auto-renewing ACTIVE subscriptions of a user that renew before `until`, soonest first. */
  async renewingBefore(executor: DbExecutor, userId: string, until?: Date): Promise<SubscriptionRow[]> {
    return executor
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.userId, userId),
          eq(subscriptions.status, 'ACTIVE'),
          eq(subscriptions.autoRenew, true),
          eq(subscriptions.cancelAtPeriodEnd, false),
          until ? lt(subscriptions.periodEnd, until) : undefined,
        ),
      )
      .orderBy(subscriptions.periodEnd, subscriptions.id);
  },

  // ---- the lifecycle (lifecycle.ts)

  /**
   * What a lifecycle pass must decide, locked (rows a concurrent pass or request holds are skipped: the
   * holder decides them): ACTIVE or CANCELLED ones whose period ended, and those suspended for non-payment.
   * In id order, after `afterId` (a pass pages through them once).
   */
  async lockDue(tx: DbExecutor, now: Date, limit: number, afterId?: string): Promise<SubscriptionWithPod[]> {
    return tx
      .select({ subscription: subscriptions, pod: pods })
      .from(subscriptions)
      .innerJoin(pods, eq(pods.subscriptionId, subscriptions.id))
      .where(
        and(
          or(
            and(inArray(subscriptions.status, ['ACTIVE', 'CANCELLED']), lte(subscriptions.periodEnd, now)),
            and(eq(subscriptions.status, 'SUSPENDED'), isNotNull(subscriptions.graceStartedAt)),
          ),
          afterId ? gt(subscriptions.id, afterId) : undefined,
        ),
      )
      .orderBy(subscriptions.id)
      .limit(limit)
      .for('update', { of: subscriptions, skipLocked: true });
  },

  /** ACTIVE subscriptions that will renew between `from` and `until` (the expiring mails' candidates). */
  async renewingBetween(executor: DbExecutor, from: Date, until: Date): Promise<SubscriptionRow[]> {
    return executor
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.status, 'ACTIVE'),
          eq(subscriptions.autoRenew, true),
          eq(subscriptions.cancelAtPeriodEnd, false),
          gt(subscriptions.periodEnd, from),
          lte(subscriptions.periodEnd, until),
        ),
      )
      .orderBy(subscriptions.userId, subscriptions.periodEnd, subscriptions.id);
  },

  /** Claims a lifecycle notice once per subscription, notice and period: true for the one caller that did. */
  async claimNotice(executor: DbExecutor, subscriptionId: string, notice: string, periodEnd: Date, now: Date) {
    const rows = await executor
      .insert(subscriptionNotices)
      .values({ subscriptionId, notice, periodEnd, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: subscriptionNotices.subscriptionId });
    return rows.length === 1;
  },

  async noticesOf(executor: DbExecutor, subscriptionId: string) {
    return executor
      .select()
      .from(subscriptionNotices)
      .where(eq(subscriptionNotices.subscriptionId, subscriptionId))
      .orderBy(subscriptionNotices.createdAt);
  },

  async liveIdsOfUser(executor: DbExecutor, userId: string): Promise<string[]> {
    const rows = await executor
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), live))
      .orderBy(subscriptions.id);
    return rows.map((r) => r.id);
  },

  /** Administrators' list: every user's subscriptions, filtered; with the counts by status under the other filters. */
  async adminList(
    executor: DbExecutor,
    filter: {
      status?: SubscriptionStatus;
      userId?: string;
      serviceId?: string;
      q?: string;
      page: number;
      pageSize: number;
    },
  ) {
    const others = and(
      filter.userId ? eq(subscriptions.userId, filter.userId) : undefined,
      filter.serviceId ? eq(subscriptions.serviceId, filter.serviceId) : undefined,
      filter.q
        ? or(ilike(subscriptions.name, containsPattern(filter.q)), ilike(subscriptions.host, containsPattern(filter.q)))
        : undefined,
    );
    const where = and(others, filter.status ? eq(subscriptions.status, filter.status) : undefined);
    const [items, byStatus] = await Promise.all([
      executor
        .select({ subscription: subscriptions, pod: pods })
        .from(subscriptions)
        .innerJoin(pods, eq(pods.subscriptionId, subscriptions.id))
        .where(where)
        .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      executor
        .select({ status: subscriptions.status, n: count() })
        .from(subscriptions)
        .where(others)
        .groupBy(subscriptions.status),
    ]);
    const counts = { ACTIVE: 0, SUSPENDED: 0, CANCELLED: 0, TERMINATED: 0, FAILED: 0 } as Record<
      SubscriptionStatus,
      number
    >;
    for (const row of byStatus) counts[row.status] = row.n;
    const total = filter.status ? counts[filter.status] : Object.values(counts).reduce((sum, n) => sum + n, 0);
    return { items: items as SubscriptionWithPod[], total, counts };
  },
};
