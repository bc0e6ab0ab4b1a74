import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { pageOf, pageQuery, toPage } from '../../platform/http/listing.js';
import { errorResponses, uuidParam } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import {
  adminPlanView,
  adminServiceView,
  catalogStats,
  categoryInput,
  categoryPatch,
  categoryView,
  planInput,
  planPatch,
  publicCatalogQuery,
  publicServiceView,
  serviceInput,
  servicePatch,
} from './catalog.http.js';
import type { CatalogService } from './catalog.service.js';
import { type CatalogAnswer, type PublicCatalog, publicServiceList } from './catalog-cache.js';

const catalog = { tags: ['catalog'] };
const admin = { tags: ['admin', 'catalog'], security: [{ bearerAuth: [] }] };
const planParams = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  planId: z.uuid({ message: 'must be a UUID' }),
});
const notModified = z.null().describe('Not modified: the If-None-Match ETag is current');

/**
 * Public catalog answers carry a strong ETag of their body: clients and caches revalidate with
 * If-None-Match and get 304 without the body while the catalog has not changed. The body and its ETag
 * come ready from the in-memory public catalog (catalog-cache.ts), so a hit costs no query and no
 * serialization.
 */
function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: CatalogAnswer): void {
  reply.header('etag', answer.etag).header('cache-control', 'public, max-age=0, must-revalidate');
  const ifNoneMatch = request.headers['if-none-match'];
  const matches = ifNoneMatch
    ?.split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === answer.etag || t === '*');
  if (matches) {
    reply.code(304).send(null);
    return;
  }
  reply.type('application/json; charset=utf-8').send(answer.body as never);
}

/** Sends an answer that is either ready (synchronously, no promise on the hot path) or on its way. */
function sendWhenReady(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CatalogAnswer | Promise<CatalogAnswer>,
): Promise<void> | undefined {
  if (answer instanceof Promise) return answer.then((ready) => sendAnswer(request, reply, ready));
  sendAnswer(request, reply, answer);
  return undefined;
}

/**
 * /services (public) and /admin/services, /admin/categories. Thin: parse, guard, one service call.
 * Plans are addressed under their service (`/admin/services/{id}/plans/{planId}`): a plan of another
 * service is 404. Deleting is refused (409) while live subscriptions use a service or plan
 * (`CatalogUsage`); deactivating (`PATCH isActive: false`) always works and takes it off sale.
 */
export async function catalogRoutes(
  app: AppInstance,
  { service, publicCatalog, guard }: { service: CatalogService; publicCatalog: PublicCatalog; guard: AuthGuard },
) {
  // ---- public

  app.get(
    '/services',
    {
      schema: {
        ...catalog,
        summary: 'Services on sale, with their plans and monthly prices',
        description:
          'Active services that have at least one active plan. Answers carry an ETag; send it back in If-None-Match to get 304 while nothing changed.',
        querystring: publicCatalogQuery,
        response: { 200: publicServiceList, 304: notModified, ...errorResponses(400) },
      },
    },
    (request, reply) => sendWhenReady(request, reply, publicCatalog.list(request.query)),
  );

  app.get(
    '/services/:slug',
    {
      schema: {
        ...catalog,
        summary: 'One service on sale, with its plans and monthly prices',
        params: z.object({ slug: z.string().min(1).max(63) }),
        response: { 200: publicServiceView, 304: notModified, ...errorResponses(400, 404) },
      },
    },
    (request, reply) => sendWhenReady(request, reply, publicCatalog.get(request.params.slug)),
  );

  // ---- admin: services

  app.get(
    '/admin/services',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Search, filter and page through all services, active or not, with all their plans',
        querystring: z.object({
          q: publicCatalogQuery.shape.q,
          category: publicCatalogQuery.shape.category,
          status: z.enum(['active', 'inactive'], { message: 'must be active or inactive' }).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(adminServiceView), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { page, pageSize, q, category, status } = request.query;
      const { items, total } = await service.listServices({ q, categorySlug: category, status, page, pageSize });
      return toPage(items, total, request.query);
    },
  );

  app.get(
    '/admin/services/stats',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Services and plans by status, and per service',
        response: { 200: catalogStats, ...errorResponses(401, 404) },
      },
    },
    async () => service.stats(),
  );

  app.post(
    '/admin/services',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Create a service (optionally with its plans, all or nothing)',
        body: serviceInput,
        response: { 201: adminServiceView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createService(actorOf(request), request.body)),
  );

  app.get(
    '/admin/services/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'One service with all its plans',
        params: uuidParam,
        response: { 200: adminServiceView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.getService(request.params.id),
  );

  app.patch(
    '/admin/services/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Change a service (isActive: false takes it off sale)',
        params: uuidParam,
        body: servicePatch,
        response: { 200: adminServiceView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => service.updateService(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/admin/services/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Delete a service and its plans; refused (409) while live subscriptions use it',
        params: uuidParam,
        response: { 204: z.null(), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteService(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- admin: plans

  app.get(
    '/admin/services/:id/plans',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: "A service's plans, active or not",
        params: uuidParam,
        response: { 200: z.object({ items: z.array(adminPlanView) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ items: await service.listPlans(request.params.id) }),
  );

  app.post(
    '/admin/services/:id/plans',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Add a plan to a service',
        params: uuidParam,
        body: planInput,
        response: { 201: adminPlanView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createPlan(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/admin/services/:id/plans/:planId',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'One plan of a service',
        params: planParams,
        response: { 200: adminPlanView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.getPlan(request.params.id, request.params.planId),
  );

  app.patch(
    '/admin/services/:id/plans/:planId',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Change a plan (isActive: false takes it off sale)',
        params: planParams,
        body: planPatch,
        response: { 200: adminPlanView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => service.updatePlan(actorOf(request), request.params.id, request.params.planId, request.body),
  );

  app.delete(
    '/admin/services/:id/plans/:planId',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Delete a plan; refused (409) while live subscriptions use it',
        params: planParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deletePlan(actorOf(request), request.params.id, request.params.planId);
      return reply.code(204).send(null);
    },
  );

  // ---- admin: categories

  app.get(
    '/admin/categories',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'All categories with their number of services',
        response: { 200: z.object({ items: z.array(categoryView) }), ...errorResponses(401, 404) },
      },
    },
    async () => ({ items: await service.listCategories() }),
  );

  app.post(
    '/admin/categories',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Create a category',
        body: categoryInput,
        response: { 201: categoryView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createCategory(actorOf(request), request.body)),
  );

  app.get(
    '/admin/categories/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'One category',
        params: uuidParam,
        response: { 200: categoryView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.getCategory(request.params.id),
  );

  app.patch(
    '/admin/categories/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Change a category',
        params: uuidParam,
        body: categoryPatch,
        response: { 200: categoryView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => service.updateCategory(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/admin/categories/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Delete a category; refused (409) while services are in it',
        params: uuidParam,
        response: { 204: z.null(), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteCategory(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
