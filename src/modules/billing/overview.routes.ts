import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { type AuthGuard, currentUser } from '../accounts/index.js';
import { overviewView } from './overview.http.js';
import type { OverviewService } from './overview.service.js';

/** GET /billing/overview: the signed-in user's money at a glance. */
export async function overviewRoutes(
  app: AppInstance,
  { overview, guard }: { overview: OverviewService; guard: AuthGuard },
) {
  app.get(
    '/billing/overview',
    {
      onRequest: guard.user,
      schema: {
        tags: ['billing'],
        security: [{ bearerAuth: [] }],
        summary: 'Balance, spend this month and last, top-ups, upcoming renewals and the runway',
        response: { 200: overviewView, ...errorResponses(401) },
      },
    },
    async (request) => overview.overview(currentUser(request).id),
  );
}
