import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import { agentTokenGuard } from './agent-auth.js';
import {
  allocationAnswer,
  allocationBody,
  heartbeatAnswer,
  heartbeatBody,
  nodeNameParam,
  worker,
  workerDetail,
  workerListQuery,
  workerPage,
  workerRef,
  workerStats,
  workerSyncResult,
} from './workers.http.js';
import type { WorkersService } from './workers.service.js';

const admin = { tags: ['admin', 'workers'], security: [{ bearerAuth: [] }] };
const agents = { tags: ['workers'], security: [{ workerAgentToken: [] }] };
/** An agent's report is a few hundred bytes; anything much larger is not one. */
const AGENT_BODY_LIMIT = 16 * 1024;

/**
 * /admin/workers: the workers table (kept by the node informer), and cordon / uncordon / drain / sync on
 * the cluster, each audited. /system/workers: the machines' agents, by WORKER_AGENT_TOKEN.
 */
export async function workersRoutes(
  app: AppInstance,
  { workers, guard, agentToken }: { workers: WorkersService; guard: AuthGuard; agentToken: string },
) {
  app.get(
    '/admin/workers',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Workers from the workers table: filter by status, online and text; sort; pages',
        querystring: workerListQuery,
        response: { 200: workerPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => workers.list(request.query),
  );

  app.get(
    '/admin/workers/stats',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Capacity, allocation and utilisation of the present workers; counts by status and agent state',
        response: { 200: workerStats, ...errorResponses(401, 404) },
      },
    },
    async () => workers.stats(),
  );

  app.post(
    '/admin/workers/sync',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Full resync: lists nodes and pods once, updates every worker, marks missing ones gone',
        response: { 200: workerSyncResult, ...errorResponses(401, 404, 502, 503) },
      },
    },
    async (request) => workers.sync(actorOf(request)),
  );

  app.get(
    '/admin/workers/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'One worker, by id or node name, with the pods on it',
        params: workerRef,
        response: { 200: workerDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => workers.get(request.params.id),
  );

  app.post(
    '/admin/workers/:id/cordon',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Stop scheduling new pods on the worker (MAINTENANCE)',
        params: workerRef,
        response: { 200: worker, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => workers.cordon(actorOf(request), request.params.id),
  );

  app.post(
    '/admin/workers/:id/uncordon',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Schedule pods on the worker again',
        params: workerRef,
        response: { 200: worker, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => workers.uncordon(actorOf(request), request.params.id),
  );

  app.post(
    '/admin/workers/:id/drain',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Cordon the worker and drain it in the background; progress in GET /admin/workers/{id}',
        description:
          'The affected customers are mailed first; pods are evicted through the Eviction API (disruption ' +
          'budgets hold: a refusal is retried with backoff until WORKER_DRAIN_TIMEOUT_SECONDS); DaemonSet and ' +
          'static pods stay. 409 while a drain of the worker runs.',
        params: workerRef,
        response: { 202: worker, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => reply.code(202).send(await workers.drain(actorOf(request), request.params.id)),
  );

  const agentGuard = agentTokenGuard(agentToken);

  app.post(
    '/system/workers/heartbeat',
    {
      onRequest: agentGuard,
      bodyLimit: AGENT_BODY_LIMIT,
      schema: {
        ...agents,
        summary: "A worker agent's heartbeat: load, disk and memory of its machine",
        body: heartbeatBody,
        response: { 200: heartbeatAnswer, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => workers.heartbeat(request.body),
  );

  app.post(
    '/system/workers/:name/allocation',
    {
      onRequest: agentGuard,
      bodyLimit: AGENT_BODY_LIMIT,
      schema: {
        ...agents,
        summary: 'What a worker agent sees allocated on its machine',
        params: nodeNameParam,
        body: allocationBody,
        response: { 200: allocationAnswer, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => workers.allocation(request.params.name, request.body),
  );
}
