import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import { params, podOutcome, requested, resources, worker, workerPod } from './workers.http.js';
import type { WorkersService } from './workers.service.js';

const admin = { tags: ['admin', 'workers'], security: [{ bearerAuth: [] }] };
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
        response: { 200: worker.extend({ pods: z.array(workerPod) }), ...errorResponses(400, 401, 404) },
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
        response: { 200: worker, ...errorResponses(400, 401, 404) },
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
        response: { 200: worker, ...errorResponses(400, 401, 404) },
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
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => workers.drain(actorOf(request), request.params.name),
  );
}
