import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Metrics } from '../../platform/metrics.js';
import { readiness } from './health.http.js';
import type { createHealthService } from './health.service.js';

type HealthService = ReturnType<typeof createHealthService>;

/** Operations endpoints, outside /api/v1: liveness, readiness, Prometheus metrics. */
export async function healthRoutes(app: AppInstance, { health, metrics }: { health: HealthService; metrics: Metrics }) {
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
        summary: 'Ready when PostgreSQL and Redis answer; the Kubernetes API is reported, not required',
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
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
