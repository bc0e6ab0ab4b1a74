import { z } from 'zod';
import { unauthorized } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { type Metrics, metricsAuthorized, renderMetrics } from '../../platform/metrics.js';
import { readiness } from './health.http.js';
import type { createHealthService } from './health.service.js';

type HealthService = ReturnType<typeof createHealthService>;

/** Operations endpoints, outside /api/v1: liveness, readiness, Prometheus metrics. */
export async function healthRoutes(
  app: AppInstance,
  { health, metrics, metricsToken }: { health: HealthService; metrics: Metrics; metricsToken?: string },
) {
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
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (this process, and the shared state: rows by status, queue depths)',
        description:
          'Requires `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set (401 otherwise); open when unset.',
        produces: ['text/plain'],
        response: { 200: z.string(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      if (!metricsAuthorized(metricsToken, request.headers.authorization)) {
        throw unauthorized('A valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>)');
      }
      reply.type(metrics.registry.contentType);
      return renderMetrics(metrics, { withState: true });
    },
  );
}
