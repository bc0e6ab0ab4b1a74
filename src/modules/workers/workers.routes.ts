import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import type { WorkersService } from './workers.service.js';

const admin = { tags: ['admin', 'workers'], security: [{ bearerAuth: [] }] };
const resources = z.object({ cpuMillicores: z.number(), memoryMib: z.number(), pods: z.number() });
const requested = z.object({ cpuMillicores: z.number(), memoryMib: z.number() });
const workerPod = z.object({
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
  tenantId: z.string().nullable(),
  subscriptionId: z.string().nullable(),
});
const worker = z
  .object({
    name: z.string(),
    status: z.enum(['READY', 'NOT_READY', 'UNKNOWN']),
    schedulable: z.boolean(),
    roles: z.array(z.string()),
    internalIp: z.string().nullable(),
    kubeletVersion: z.string().nullable(),
    containerRuntime: z.string().nullable(),
    os: z.string().nullable(),
    architecture: z.string().nullable(),
    capacity: resources,
    allocatable: resources,
    requested,
    podCount: z.number().int(),
    taints: z.array(z.object({ key: z.string(), value: z.string().nullable(), effect: z.string() })),
    labels: z.record(z.string(), z.string()),
    lastHeartbeatAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Worker' });
const params = z.object({
  name: z
    .string()
    .max(253, 'must be at most 253 characters')
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a node name: lowercase letters, digits, "-" and "."'),
});
const podOutcome = workerPod.extend({ reason: z.string() });

/** The cluster's worker nodes, live from Kubernetes, and cordon / uncordon / drain. Every change is audited. */
export async function workersRoutes(
  app: AppInstance,
  { workers, guard }: { workers: WorkersService; guard: AuthGuard },
) {
  app.get(
    '/admin/workers',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Every worker node: status, schedulability, capacity, requests and pods',
        response: { 200: z.object({ workers: z.array(worker) }), ...errorResponses(401, 404) },
      },
    },
    async () => ({ workers: await workers.list() }),
  );

  app.get(
    '/admin/workers/stats',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Workers by status, cordoned, pods, and requested against allocatable resources',
        response: {
          200: z.object({
            total: z.number().int(),
            byStatus: z.object({ READY: z.number().int(), NOT_READY: z.number().int(), UNKNOWN: z.number().int() }),
            schedulable: z.number().int(),
            cordoned: z.number().int(),
            pods: z.number().int(),
            allocatable: resources,
            requested,
            utilization: z.object({ cpuPercent: z.number(), memoryPercent: z.number() }),
          }),
          ...errorResponses(401, 404),
        },
      },
    },
    async () => workers.stats(),
  );

  app.get(
    '/admin/workers/:name',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'One worker with the pods it runs',
        params,
        response: { 200: worker.extend({ pods: z.array(workerPod) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => workers.get(request.params.name),
  );

  app.post(
    '/admin/workers/:name/cordon',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Stop scheduling new pods on the worker',
        params,
        response: { 200: worker, ...errorResponses(401, 404) },
      },
    },
    async (request) => workers.cordon(actorOf(request), request.params.name),
  );

  app.post(
    '/admin/workers/:name/uncordon',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Schedule pods on the worker again',
        params,
        response: { 200: worker, ...errorResponses(401, 404) },
      },
    },
    async (request) => workers.uncordon(actorOf(request), request.params.name),
  );

  app.post(
    '/admin/workers/:name/drain',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Cordon the worker and evict its pods (DaemonSet and static pods stay); a result per pod',
        params,
        response: {
          200: z.object({
            worker: z.string(),
            evicted: z.array(workerPod),
            skipped: z.array(podOutcome),
            failed: z.array(podOutcome),
          }),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => workers.drain(actorOf(request), request.params.name),
  );
}
