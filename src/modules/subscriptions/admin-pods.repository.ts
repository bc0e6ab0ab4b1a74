import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { containsPattern } from '../../platform/http/listing.js';
// Read-only joins for the administrators' pod list: the owner's email and the service's slug filter, sort
// and show in the same statement (a constant number of queries per request); only their modules write them.
import { users } from '../accounts/accounts.tables.js';
import { plans, services } from '../catalog/catalog.tables.js';
import type { AdminPodSort } from './admin-pods.http.js';
import type { PodStatus } from './subscriptions.repository.js';
import { pods, subscriptions } from './subscriptions.tables.js';

export interface AdminPodFilters {
  status?: PodStatus;
  /** Service slug. */
  service?: string;
  /** The owner's id, or (lower-cased) email: one of the two. */
  userId?: string;
  email?: string;
  /** Node name. */
  worker?: string;
  q?: string;
  sort: AdminPodSort;
  page: number;
  pageSize: number;
}

const rowColumns = {
  id: pods.id,
  status: pods.status,
  namespace: pods.namespace,
  workloadKind: pods.workloadKind,
  workloadName: pods.workloadName,
  nodeName: pods.nodeName,
  restarts: pods.restarts,
  desiredReplicas: pods.desiredReplicas,
  readyReplicas: pods.readyReplicas,
  availableReplicas: pods.availableReplicas,
  lastError: pods.lastError,
  createdAt: pods.createdAt,
  readyAt: pods.readyAt,
  runningSince: pods.runningSince,
  stoppedAt: pods.stoppedAt,
  lastRestartAt: pods.lastRestartAt,
  lastObservedAt: pods.lastObservedAt,
  adminStoppedAt: pods.adminStoppedAt,
  subscriptionId: subscriptions.id,
  subscriptionName: subscriptions.name,
  host: subscriptions.host,
  subscriptionStatus: subscriptions.status,
  userId: users.id,
  userEmail: users.email,
  userName: users.name,
  serviceId: services.id,
  serviceSlug: services.slug,
  serviceName: services.name,
  planId: plans.id,
  planName: plans.name,
  planPriceMonthlyIdr: plans.priceMonthlyIdr,
};

const detailColumns = {
  ...rowColumns,
  periodStart: subscriptions.periodStart,
  periodEnd: subscriptions.periodEnd,
  autoRenew: subscriptions.autoRenew,
  cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
  suspendedAt: subscriptions.suspendedAt,
  endReason: subscriptions.endReason,
  subscriptionCreatedAt: subscriptions.createdAt,
  serviceTemplateRef: services.templateRef,
  planCpuRequestMillicores: plans.cpuRequestMillicores,
  planCpuLimitMillicores: plans.cpuLimitMillicores,
  planMemoryRequestMib: plans.memoryRequestMib,
  planMemoryLimitMib: plans.memoryLimitMib,
  planStorageGib: plans.storageGib,
};

export interface AdminPodRow {
  id: string;
  status: PodStatus;
  namespace: string;
  workloadKind: 'Deployment' | 'StatefulSet';
  workloadName: string;
  nodeName: string | null;
  restarts: number;
  desiredReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  lastError: string | null;
  createdAt: Date;
  readyAt: Date | null;
  runningSince: Date | null;
  stoppedAt: Date | null;
  lastRestartAt: Date | null;
  lastObservedAt: Date | null;
  adminStoppedAt: Date | null;
  subscriptionId: string;
  subscriptionName: string;
  host: string;
  subscriptionStatus: (typeof subscriptions.$inferSelect)['status'];
  userId: string;
  userEmail: string;
  userName: string;
  serviceId: string | null;
  serviceSlug: string | null;
  serviceName: string | null;
  planId: string | null;
  planName: string | null;
  planPriceMonthlyIdr: number | null;
}

export type AdminPodDetailRow = AdminPodRow & {
  periodStart: Date;
  periodEnd: Date;
  autoRenew: boolean;
  cancelAtPeriodEnd: boolean;
  suspendedAt: Date | null;
  endReason: string | null;
  subscriptionCreatedAt: Date;
  serviceTemplateRef: string | null;
  planCpuRequestMillicores: number | null;
  planCpuLimitMillicores: number | null;
  planMemoryRequestMib: number | null;
  planMemoryLimitMib: number | null;
  planStorageGib: number | null;
};

// Only the node can be null (it sorts last both ways); the others keep plain asc/desc, which the index on
// pods (created_at, id) serves for the default sort.
const sortColumns: Record<string, { column: SQL; nullable?: boolean }> = {
  createdAt: { column: sql`${pods.createdAt}` },
  status: { column: sql`${pods.status}::text` },
  name: { column: sql`${subscriptions.name}` },
  user: { column: sql`lower(${users.email})` },
  node: { column: sql`${pods.nodeName}`, nullable: true },
};

/** Which filters a list has and how it sorts: the statements differ by shape only, never by value. */
const shapeOf = (f: AdminPodFilters) =>
  `${f.sort} ${f.status ? 's' : ''}${f.service ? 'v' : ''}${f.userId ? 'u' : ''}${f.email ? 'e' : ''}${f.worker ? 'w' : ''}${f.q ? 'q' : ''}`;

function buildList(executor: DbExecutor, f: AdminPodFilters) {
  const conditions: SQL[] = [];
  if (f.status) conditions.push(eq(pods.status, sql.placeholder('status')));
  if (f.service) conditions.push(eq(services.slug, sql.placeholder('service')));
  if (f.userId) conditions.push(eq(pods.userId, sql.placeholder('userId')));
  if (f.email) conditions.push(sql`lower(${users.email}) = ${sql.placeholder('email')}`);
  if (f.worker) conditions.push(eq(pods.nodeName, sql.placeholder('worker')));
  if (f.q) {
    const pattern = sql.placeholder('pattern');
    conditions.push(
      or(
        ilike(subscriptions.name, pattern),
        ilike(subscriptions.host, pattern),
        ilike(pods.namespace, pattern),
        ilike(pods.workloadName, pattern),
        ilike(users.email, pattern),
      )!,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const descending = f.sort.startsWith('-');
  const { column, nullable } = sortColumns[f.sort.replace('-', '')]!;
  const order = sql`${column} ${sql.raw(descending ? 'desc' : 'asc')}${sql.raw(nullable ? ' nulls last' : '')}`;
  // Unnamed statements, as an ad-hoc query sends; only drizzle's building of the SQL text is kept.
  const unnamed = undefined as unknown as string;
  // The count joins only what its filters read: every pod has its subscription and owner (foreign keys).
  const countFrom = executor.select({ total: count() }).from(pods);
  if (f.q || f.service) countFrom.innerJoin(subscriptions, eq(subscriptions.id, pods.subscriptionId));
  if (f.q || f.email) countFrom.innerJoin(users, eq(users.id, pods.userId));
  if (f.service) countFrom.innerJoin(services, eq(services.id, subscriptions.serviceId));
  return {
    items: executor
      .select(rowColumns)
      .from(pods)
      .innerJoin(subscriptions, eq(subscriptions.id, pods.subscriptionId))
      .innerJoin(users, eq(users.id, pods.userId))
      .leftJoin(services, eq(services.id, subscriptions.serviceId))
      .leftJoin(plans, eq(plans.id, subscriptions.planId))
      .where(where)
      .orderBy(order, descending ? desc(pods.id) : asc(pods.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(unnamed),
    total: countFrom.where(where).prepare(unnamed),
  };
}

/** The list's statements, built once per executor and shape (10 sorts × 64 filter sets at most). */
const listsByExecutor = new WeakMap<DbExecutor, Map<string, ReturnType<typeof buildList>>>();

const ENDED = sql`('FAILED', 'TERMINATED')`;

/** Administrators' reads of every tenant's pods: each answer is one or two statements, whatever the filters. */
export const adminPodsRepository = {
  /** One page and the total under the filters: two statements, run in parallel. */
  async list(executor: DbExecutor, f: AdminPodFilters): Promise<{ items: AdminPodRow[]; total: number }> {
    let lists = listsByExecutor.get(executor);
    if (!lists) {
      lists = new Map();
      listsByExecutor.set(executor, lists);
    }
    const shape = shapeOf(f);
    let list = lists.get(shape);
    if (!list) {
      list = buildList(executor, f);
      lists.set(shape, list);
    }
    const values = {
      status: f.status,
      service: f.service,
      userId: f.userId,
      email: f.email?.toLowerCase(),
      worker: f.worker,
      pattern: f.q ? containsPattern(f.q) : undefined,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    };
    const [items, [totals]] = await Promise.all([list.items.execute(values), list.total.execute(values)]);
    return { items: items as AdminPodRow[], total: totals?.total ?? 0 };
  },

  /** Counts by status (every pod), and by service and by node (pods not ended): one statement. */
  async stats(executor: DbExecutor) {
    const { rows } = await executor.execute<{
      status: PodStatus | null;
      slug: string | null;
      service_name: string | null;
      node: string | null;
      by_status: number;
      by_service: number;
      n: number;
      live: number;
    }>(sql`
      select ${pods.status} as status, ${services.slug} as slug, ${services.name} as service_name,
             ${pods.nodeName} as node,
             grouping(${pods.status})::int as by_status, grouping(${services.slug}, ${services.name})::int as by_service,
             count(*)::int as n, (count(*) filter (where ${pods.status} not in ${ENDED}))::int as live
        from ${pods}
        join ${subscriptions} on ${subscriptions.id} = ${pods.subscriptionId}
        left join ${services} on ${services.id} = ${subscriptions.serviceId}
       group by grouping sets ((${pods.status}), (${services.slug}, ${services.name}), (${pods.nodeName}))`);
    return rows.map((r) => ({
      // grouping() is 0 for the columns a row is grouped by.
      kind: r.by_status === 0 ? ('status' as const) : r.by_service === 0 ? ('service' as const) : ('node' as const),
      status: r.status,
      slug: r.slug,
      serviceName: r.service_name,
      node: r.node,
      n: r.n,
      live: r.live,
    }));
  },

  async find(executor: DbExecutor, podId: string): Promise<AdminPodDetailRow | undefined> {
    const [row] = await executor
      .select(detailColumns)
      .from(pods)
      .innerJoin(subscriptions, eq(subscriptions.id, pods.subscriptionId))
      .innerJoin(users, eq(users.id, pods.userId))
      .leftJoin(services, eq(services.id, subscriptions.serviceId))
      .leftJoin(plans, eq(plans.id, subscriptions.planId))
      .where(eq(pods.id, podId));
    return row as AdminPodDetailRow | undefined;
  },

  /** The subscription a pod belongs to (for locking it by its subscription). */
  async subscriptionOf(executor: DbExecutor, podId: string): Promise<string | undefined> {
    const [row] = await executor.select({ subscriptionId: pods.subscriptionId }).from(pods).where(eq(pods.id, podId));
    return row?.subscriptionId;
  },
};
