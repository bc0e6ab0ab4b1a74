import { inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { workers } from './workers.tables.js';

export type WorkerRow = typeof workers.$inferSelect;
export type WorkerStatus = WorkerRow['status'];

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
