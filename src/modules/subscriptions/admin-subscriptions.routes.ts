import type { AppInstance } from '../../platform/http/app-instance.js';
import { toPage } from '../../platform/http/listing.js';
import { errorResponses, uuidParam } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import type { Lifecycle } from './lifecycle.js';
import { adminSubscriptionListQuery, adminSubscriptionPage, adminSubscriptionView } from './subscriptions.http.js';
import type { SubscriptionsService } from './subscriptions.service.js';

const admin = { tags: ['admin'], security: [{ bearerAuth: [] }] };

/** /admin/subscriptions: every user's subscriptions, and the administrators' actions (audited). Thin. */
export async function adminSubscriptionsRoutes(
  app: AppInstance,
  { service, lifecycle, guard }: { service: SubscriptionsService; lifecycle: Lifecycle; guard: AuthGuard },
) {
  app.get(
    '/admin/subscriptions',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: "Every user's subscriptions, newest first: filters, pages and the counts by status",
        querystring: adminSubscriptionListQuery,
        response: { 200: adminSubscriptionPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { items, total, counts } = await service.adminList(request.query);
      return { ...toPage(items, total, request.query), countsByStatus: counts };
    },
  );

  const actions = [
    [
      'suspend',
      'Suspend: the app is scaled to zero, data kept; no renewal resumes it, only an administrator',
      'adminSuspend',
    ],
    [
      'resume',
      'Lift a suspension, without a charge (an ended period goes through renewal at the next pass)',
      'adminResume',
    ],
    ['terminate', 'Terminate now: the objects and data are deleted', 'adminTerminate'],
  ] as const;
  for (const [action, summary, method] of actions) {
    app.post(
      `/admin/subscriptions/:id/${action}`,
      {
        onRequest: guard.admin,
        schema: {
          ...admin,
          summary,
          params: uuidParam,
          response: { 200: adminSubscriptionView, ...errorResponses(400, 401, 404, 409) },
        },
      },
      async (request) => {
        await lifecycle[method](actorOf(request), request.params.id);
        return service.adminGet(request.params.id);
      },
    );
  }
}
