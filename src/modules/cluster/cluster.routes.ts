import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import { cleanupBody, cleanupResultView, kubernetesDebugView, orphanReportView } from './cluster.http.js';
import type { ClusterService } from './cluster.service.js';

const admin = { tags: ['admin', 'cluster'], security: [{ bearerAuth: [] }] };

/** Orphans and their cleanup, and the Kubernetes debug view: administrators only. Thin. */
export async function clusterRoutes(
  app: AppInstance,
  { service, guard }: { service: ClusterService; guard: AuthGuard },
) {
  app.get(
    '/admin/pods/orphaned',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary:
          "Objects with Kapal's labels (or in a managed namespace) whose subscription is not live, by namespace, " +
          'with age and reason; and live subscriptions with nothing in the cluster',
        response: { 200: orphanReportView, ...errorResponses(401, 404, 502, 503) },
      },
    },
    async () => service.orphans(),
  );

  app.post(
    '/admin/pods/orphaned/cleanup',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary:
          'Without { "confirm": true } a dry run listing what would go; with it, deletes the orphans (and tenant ' +
          'namespaces left without a live subscription) and answers a result per object. Audited',
        body: cleanupBody,
        response: { 200: cleanupResultView, ...errorResponses(400, 401, 404, 502, 503) },
      },
    },
    async (request) => service.cleanup(actorOf(request), request.body),
  );

  app.get(
    '/admin/debug/kubernetes',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary:
          "Kubernetes API reachability and version, the worker informers' sync state, managed namespaces with " +
          'their workloads, and the database against the cluster (bounded)',
        response: { 200: kubernetesDebugView, ...errorResponses(401, 404) },
      },
    },
    async () => service.debug(),
  );
}
