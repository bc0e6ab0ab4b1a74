import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { createHealthService } from './health.service.js';

const check = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });
const readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.object({ postgres: check, redis: check, kubernetes: check }),
});

/** Operations endpoints, outside /api/v1: liveness, readiness, Prometheus metrics. */
export async function healthRoutes(app: AppInstance, deps: AppDeps) {
  const health = createHealthService(deps);

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'PostgreSQL, Redis and the Kubernetes API are reachable',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const result = await health.readiness();
      return reply
        .status(result.ready ? 200 : 503)
        .send({ status: result.ready ? 'ready' : 'unavailable', checks: result.checks });
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics', produces: ['text/plain'] } },
    async (_request, reply) => {
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
}
