import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { containsPattern } from '../../platform/http/listing.js';
import type { NodeFacts } from './node-facts.js';
import { deriveWorkerStatus, type WorkerStatus } from './worker-status.js';
import { type DrainProgress, emptyDrainProgress, workers } from './workers.tables.js';

export type { WorkerStatus };
export type WorkerRow = typeof workers.$inferSelect;

/** What another module may show about the node a pod runs on (the admin pods view). */
export interface WorkerDetails {
  id: string;
  name: string;
  status: WorkerStatus;
  internalIp: string | null;
  externalIp: string | null;
  architecture: string | null;
  operatingSystem: string | null;
  kubeletVersion: string | null;
  containerRuntime: string | null;
  ready: boolean;
  schedulable: boolean;
  allocatable: { cpuMillicores: number; memoryMib: number; storageMib: number; pods: number };
  requested: { cpuMillicores: number; memoryMib: number };
  podCount: number;
  lastHeartbeatAt: Date | null;
  goneAt: Date | null;
}

const detailsColumns = {
  id: workers.id,
  name: workers.name,
  status: workers.status,
  internalIp: workers.internalIp,
  externalIp: workers.externalIp,
  architecture: workers.architecture,
  operatingSystem: workers.operatingSystem,
  kubeletVersion: workers.kubeletVersion,
  containerRuntime: workers.containerRuntime,
  ready: workers.ready,
  schedulable: workers.schedulable,
  allocatableCpuMillicores: workers.allocatableCpuMillicores,
  allocatableMemoryMib: workers.allocatableMemoryMib,
  allocatableStorageMib: workers.allocatableStorageMib,
  allocatablePods: workers.allocatablePods,
  requestedCpuMillicores: workers.requestedCpuMillicores,
  requestedMemoryMib: workers.requestedMemoryMib,
  podCount: workers.podCount,
  lastHeartbeatAt: workers.lastHeartbeatAt,
  goneAt: workers.goneAt,
};

/**
 * The workers with these node names, in one query, keyed by name (names Kapal never saw are absent).
 * For other modules: the only read of the workers table outside this module.
 */
export async function workerDetailsByName(
  executor: DbExecutor,
  names: readonly string[],
): Promise<Map<string, WorkerDetails>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const rows = await executor.select(detailsColumns).from(workers).where(inArray(workers.name, unique));
  return new Map(
    rows.map((r) => [
      r.name,
      {
        id: r.id,
        name: r.name,
        status: r.status,
        internalIp: r.internalIp,
        externalIp: r.externalIp,
        architecture: r.architecture,
        operatingSystem: r.operatingSystem,
        kubeletVersion: r.kubeletVersion,
        containerRuntime: r.containerRuntime,
        ready: r.ready,
        schedulable: r.schedulable,
        allocatable: {
          cpuMillicores: r.allocatableCpuMillicores,
          memoryMib: r.allocatableMemoryMib,
          storageMib: r.allocatableStorageMib,
          pods: r.allocatablePods,
        },
        requested: { cpuMillicores: r.requestedCpuMillicores, memoryMib: r.requestedMemoryMib },
        podCount: r.podCount,
        lastHeartbeatAt: r.lastHeartbeatAt,
        goneAt: r.goneAt,
      },
    ]),
  );
}

export interface PodLoad {
  requestedCpuMillicores: number;
  requestedMemoryMib: number;
  podCount: number;
}

export const NO_LOAD: PodLoad = { requestedCpuMillicores: 0, requestedMemoryMib: 0, podCount: 0 };

export type WorkerSort =
  | 'name'
  | '-name'
  | 'status'
  | '-status'
  | 'createdAt'
  | '-createdAt'
  | 'podCount'
  | '-podCount';

export interface WorkerFilters {
  status?: WorkerStatus;
  /** true: reported within the window (heartbeats at or after `onlineSince`); false: the others. */
  online?: boolean;
  onlineSince: Date;
  search?: string;
  /** Gone workers are listed only when asked for (status INACTIVE, or includeGone). */
  includeGone?: boolean;
  sort: WorkerSort;
  page: number;
  pageSize: number;
}

/**
 * Writes that change what the status is derived from go through here: the row is locked by the write,
 * then its status is derived from what it holds now (so two writers never leave a stale status).
 */
async function withDerivedStatus(executor: DbExecutor, row: WorkerRow | undefined): Promise<WorkerRow | undefined> {
  if (!row) return undefined;
  const status = deriveWorkerStatus(row);
  if (status === row.status) return row;
  const [updated] = await executor.update(workers).set({ status }).where(eq(workers.id, row.id)).returning();
  return updated;
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The only code that reads and writes the workers table (but workerDetailsByName above). */
export const workersRepository = {
  /** By the row's uuid or by node name. */
  async find(executor: DbExecutor, idOrName: string): Promise<WorkerRow | undefined> {
    const [row] = await executor
      .select()
      .from(workers)
      .where(isUuid(idOrName) ? or(eq(workers.id, idOrName), eq(workers.name, idOrName)) : eq(workers.name, idOrName));
    return row;
  },

  async findByName(executor: DbExecutor, name: string): Promise<WorkerRow | undefined> {
    const [row] = await executor.select().from(workers).where(eq(workers.name, name));
    return row;
  },

  /**
   * The node as the cluster shows it now: inserted or updated, no longer gone. A node made schedulable
   * outside Kapal (`kubectl uncordon`) ends Kapal's CORDONED state; a drain in progress stays.
   */
  async upsertFacts(executor: DbExecutor, facts: NodeFacts, now: Date, load?: PodLoad): Promise<WorkerRow> {
    const values = { ...facts, ...load, lastSeenAt: now, goneAt: null, updatedAt: now };
    const [row] = await executor
      .insert(workers)
      .values(values)
      .onConflictDoUpdate({
        target: workers.name,
        set: {
          ...values,
          maintenance: sql`case when ${facts.schedulable}::boolean and ${workers.maintenance} = 'CORDONED' then null else ${workers.maintenance} end`,
          maintenanceBy: sql`case when ${facts.schedulable}::boolean and ${workers.maintenance} = 'CORDONED' then null else ${workers.maintenanceBy} end`,
          maintenanceSince: sql`case when ${facts.schedulable}::boolean and ${workers.maintenance} = 'CORDONED' then null else ${workers.maintenanceSince} end`,
        },
      })
      .returning();
    return (await withDerivedStatus(executor, row))!;
  },

  /** The requests of the pods on one node. */
  async setLoad(executor: DbExecutor, name: string, load: PodLoad): Promise<void> {
    await executor.update(workers).set(load).where(eq(workers.name, name));
  },

  /** Marks gone every present worker whose node is not among `present`; returns their names. */
  async markGoneExcept(executor: DbExecutor, present: readonly string[], now: Date): Promise<string[]> {
    const rows = await executor
      .update(workers)
      // deriveWorkerStatus: a gone worker is INACTIVE whatever else it holds.
      .set({ goneAt: now, status: 'INACTIVE', ...NO_LOAD, updatedAt: now })
      .where(and(isNull(workers.goneAt), present.length > 0 ? notInArray(workers.name, [...present]) : undefined))
      .returning({ name: workers.name });
    return rows.map((r) => r.name);
  },

  async markGone(executor: DbExecutor, name: string, now: Date): Promise<void> {
    await executor
      .update(workers)
      .set({ goneAt: now, status: 'INACTIVE', ...NO_LOAD, updatedAt: now })
      .where(and(eq(workers.name, name), isNull(workers.goneAt)));
  },

  /** Kapal's maintenance state (cordoned by an administrator, draining, or none), with the node as patched. */
  async setMaintenance(
    executor: DbExecutor,
    name: string,
    maintenance: { state: 'CORDONED' | 'DRAINING' | null; by: string | null; since: Date | null },
  ): Promise<WorkerRow | undefined> {
    const [row] = await executor
      .update(workers)
      .set({
        maintenance: maintenance.state,
        maintenanceBy: maintenance.by,
        maintenanceSince: maintenance.since,
        updatedAt: maintenance.since ?? new Date(),
      })
      .where(eq(workers.name, name))
      .returning();
    return withDerivedStatus(executor, row);
  },

  /** Starts a drain unless one runs: returns the row, or undefined when a drain is already RUNNING. */
  async startDrain(executor: DbExecutor, name: string, actorId: string, now: Date): Promise<WorkerRow | undefined> {
    const progress = emptyDrainProgress();
    const [row] = await executor
      .update(workers)
      .set({
        maintenance: 'DRAINING',
        maintenanceBy: actorId,
        maintenanceSince: now,
        drainState: 'RUNNING',
        drainStartedAt: now,
        drainFinishedAt: null,
        drainProgress: progress,
        updatedAt: now,
      })
      .where(and(eq(workers.name, name), or(isNull(workers.drainState), sql`${workers.drainState} <> 'RUNNING'`)))
      .returning();
    return withDerivedStatus(executor, row);
  },

  async saveDrainProgress(executor: DbExecutor, id: string, progress: DrainProgress): Promise<void> {
    await executor
      .update(workers)
      .set({ drainProgress: progress })
      .where(and(eq(workers.id, id), eq(workers.drainState, 'RUNNING')));
  },

  /** Ends a drain: the worker stays cordoned (CORDONED, by whoever drained it) until uncordoned. */
  async finishDrain(
    executor: DbExecutor,
    id: string,
    outcome: { state: 'DONE' | 'FAILED'; progress: DrainProgress; now: Date },
  ): Promise<WorkerRow | undefined> {
    const [row] = await executor
      .update(workers)
      .set({
        drainState: outcome.state,
        drainProgress: outcome.progress,
        drainFinishedAt: outcome.now,
        maintenance: sql`case when ${workers.maintenance} = 'DRAINING' then 'CORDONED'::worker_maintenance else ${workers.maintenance} end`,
        updatedAt: outcome.now,
      })
      .where(and(eq(workers.id, id), eq(workers.drainState, 'RUNNING')))
      .returning();
    return withDerivedStatus(executor, row);
  },

  async recordHeartbeat(
    executor: DbExecutor,
    name: string,
    values: Pick<
      typeof workers.$inferInsert,
      | 'agentVersion'
      | 'load1'
      | 'load5'
      | 'load15'
      | 'cpuCount'
      | 'diskUsedBytes'
      | 'diskTotalBytes'
      | 'memoryUsedBytes'
      | 'memoryTotalBytes'
    >,
    now: Date,
  ): Promise<WorkerRow | undefined> {
    const [row] = await executor
      .update(workers)
      .set({ ...values, lastHeartbeatAt: now })
      .where(eq(workers.name, name))
      .returning();
    return row;
  },

  async recordAllocation(
    executor: DbExecutor,
    name: string,
    allocation: Record<string, unknown>,
    now: Date,
  ): Promise<WorkerRow | undefined> {
    const [row] = await executor
      .update(workers)
      .set({ agentAllocation: allocation, agentAllocationAt: now })
      .where(eq(workers.name, name))
      .returning();
    return row;
  },

  /** One page of workers and the total matching, in two queries. */
  async list(executor: DbExecutor, f: WorkerFilters): Promise<{ rows: WorkerRow[]; total: number }> {
    const conditions: (SQL | undefined)[] = [];
    if (f.status) conditions.push(eq(workers.status, f.status));
    else if (!f.includeGone) conditions.push(isNull(workers.goneAt));
    if (f.online === true) conditions.push(gte(workers.lastHeartbeatAt, f.onlineSince));
    if (f.online === false)
      conditions.push(or(isNull(workers.lastHeartbeatAt), lt(workers.lastHeartbeatAt, f.onlineSince)));
    if (f.search) {
      const pattern = containsPattern(f.search);
      conditions.push(
        or(
          ilike(workers.name, pattern),
          ilike(workers.internalIp, pattern),
          ilike(workers.externalIp, pattern),
          ilike(workers.hostname, pattern),
        ),
      );
    }
    const where = and(...conditions);
    const column = {
      name: workers.name,
      status: workers.status,
      createdAt: workers.createdAt,
      podCount: workers.podCount,
    }[f.sort.replace(/^-/, '') as 'name'];
    const order = f.sort.startsWith('-') ? desc(column) : asc(column);
    const [rows, [total]] = await Promise.all([
      executor
        .select()
        .from(workers)
        .where(where)
        .orderBy(order, asc(workers.name))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize),
      executor.select({ n: count() }).from(workers).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  /** Sums over present workers, and counts by status (gone ones included) and by agent state, in one query. */
  async stats(executor: DbExecutor, onlineSince: Date) {
    const present = sql`${workers.goneAt} is null`;
    const sum = (column: unknown) => sql<string>`coalesce(sum(${column}) filter (where ${present}), 0)`;
    const [row] = await executor
      .select({
        total: sql<number>`count(*) filter (where ${present})::int`,
        gone: sql<number>`count(*) filter (where ${workers.goneAt} is not null)::int`,
        active: sql<number>`count(*) filter (where ${workers.status} = 'ACTIVE')::int`,
        inactive: sql<number>`count(*) filter (where ${workers.status} = 'INACTIVE')::int`,
        maintenance: sql<number>`count(*) filter (where ${workers.status} = 'MAINTENANCE')::int`,
        pending: sql<number>`count(*) filter (where ${workers.status} = 'PENDING')::int`,
        notReady: sql<number>`count(*) filter (where ${workers.status} = 'NOT_READY')::int`,
        schedulable: sql<number>`count(*) filter (where ${present} and ${workers.schedulable})::int`,
        online: sql<number>`count(*) filter (where ${present} and ${workers.lastHeartbeatAt} >= ${onlineSince})::int`,
        offline: sql<number>`count(*) filter (where ${present} and ${workers.lastHeartbeatAt} < ${onlineSince})::int`,
        noAgent: sql<number>`count(*) filter (where ${present} and ${workers.lastHeartbeatAt} is null)::int`,
        capacityCpu: sum(workers.capacityCpuMillicores),
        capacityMemory: sum(workers.capacityMemoryMib),
        capacityStorage: sum(workers.capacityStorageMib),
        capacityPods: sum(workers.capacityPods),
        allocatableCpu: sum(workers.allocatableCpuMillicores),
        allocatableMemory: sum(workers.allocatableMemoryMib),
        allocatableStorage: sum(workers.allocatableStorageMib),
        allocatablePods: sum(workers.allocatablePods),
        requestedCpu: sum(workers.requestedCpuMillicores),
        requestedMemory: sum(workers.requestedMemoryMib),
        pods: sum(workers.podCount),
      })
      .from(workers);
    return row!;
  },

  /** Names of present workers whose agent reported at least once: for the offline gauge. */
  async agentCounts(executor: DbExecutor, onlineSince: Date) {
    const [row] = await executor
      .select({
        offline: sql<number>`count(*) filter (where ${workers.lastHeartbeatAt} < ${onlineSince})::int`,
        online: sql<number>`count(*) filter (where ${workers.lastHeartbeatAt} >= ${onlineSince})::int`,
      })
      .from(workers)
      .where(and(isNull(workers.goneAt), isNotNull(workers.lastHeartbeatAt)));
    return row!;
  },

  async countByStatus(executor: DbExecutor) {
    return executor.select({ status: workers.status, n: count() }).from(workers).groupBy(workers.status);
  },
};
