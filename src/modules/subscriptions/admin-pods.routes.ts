import type { AppInstance } from '../../platform/http/app-instance.js';
import { toPage } from '../../platform/http/listing.js';
import { errorResponses, uuidParam } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import { adminPodDetailView, adminPodListQuery, adminPodPage, adminPodStats, adminPodView } from './admin-pods.http.js';
import type { AdminPodsService } from './admin-pods.service.js';

const admin = { tags: ['admin'], security: [{ bearerAuth: [] }] };

/**
 * /admin/pods: every tenant's pods from PostgreSQL (no Kubernetes call), and the administrators' stop,
 * start and restart (audited). Thin. The id is a UUID, so `/admin/pods/orphaned` (the cluster module's,
 * a static segment Fastify prefers) is never taken for one.
 */
export async function adminPodsRoutes(
  app: AppInstance,
  { service, guard }: { service: AdminPodsService; guard: AuthGuard },
) {
  app.get(
    '/admin/pods',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: "Every tenant's pods: filters (status, service, user, worker, text), sort and pages",
        querystring: adminPodListQuery,
        response: { 200: adminPodPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { items, total } = await service.list(request.query);
      return toPage(items, total, request.query);
    },
  );

  app.get(
    '/admin/pods/stats',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Pods by status, and the pods not ended by service and by worker',
        response: { 200: adminPodStats, ...errorResponses(401, 404) },
      },
    },
    async () => service.stats(),
  );

  app.get(
    '/admin/pods/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'A pod with its subscription, owner, plan, node and rendered configuration (secrets masked)',
        params: uuidParam,
        response: { 200: adminPodDetailView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.get(request.params.id),
  );

  const actions = [
    ['stop', "Stop any tenant's app: scaled to zero, kept stopped across reconciles until started (audited)"],
    ['start', 'Start an app an administrator stopped (audited)'],
    ['restart', "Rollout restart of any tenant's running app (audited)"],
  ] as const;
  for (const [action, summary] of actions) {
    app.post(
      `/admin/pods/:id/${action}`,
      {
        onRequest: guard.admin,
        schema: {
          ...admin,
          summary,
          params: uuidParam,
          response: { 200: adminPodView, ...errorResponses(400, 401, 404, 409) },
        },
      },
      async (request) => service[action](actorOf(request), request.params.id),
    );
  }
}
