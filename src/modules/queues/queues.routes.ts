import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import { queueView } from './queues.http.js';
import type { QueuesService } from './queues.service.js';

const admin = { tags: ['admin'], security: [{ bearerAuth: [] }] };
/** The background job queues, for administrators: what waits, what runs, what failed and why. */
export async function queuesRoutes(app: AppInstance, { queues, guard }: { queues: QueuesService; guard: AuthGuard }) {
  app.get(
    '/admin/queues',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Job counts by state for every queue, with the latest failed jobs',
        querystring: z.object({
          failedLimit: z.coerce.number().int().min(0).max(100).default(10).describe('Failed jobs listed per queue'),
        }),
        response: { 200: z.object({ queues: z.array(queueView) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ queues: await queues.overview({ failedLimit: request.query.failedLimit }) }),
  );

  app.post(
    '/admin/queues/:queue/failed/:jobId/retry',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Retry a failed job (a full new set of attempts)',
        params: z.object({ queue: z.string().min(1).max(100), jobId: z.string().min(1).max(200) }),
        response: { 202: z.object({ id: z.string(), state: z.string() }), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await queues.retryFailed(actorOf(request), request.params.queue, request.params.jobId)),
  );
}
