import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { pageOf, pageQuery, toPage } from '../../platform/http/listing.js';
import { dateTimeQuery, errorResponses, uuidParam } from '../../platform/http/schemas.js';
import {
  type AuthGuard,
  currentUser,
  emailSchema,
  nameSchema,
  passwordSchema,
  phoneSchema,
  ROLES,
  requestContext,
  roleSchema,
  toUserView,
  USER_SORTS,
  userView,
} from '../accounts/index.js';
import { bulkResult, userIds, userStats } from './admin-users.http.js';
import type { AdminUsersService } from './admin-users.service.js';

const admin = { tags: ['admin'], security: [{ bearerAuth: [] }] };
/** /admin/users: administrators manage accounts. Thin: parse, guard, one service call. */
export async function adminUsersRoutes(
  app: AppInstance,
  { service, guard }: { service: AdminUsersService; guard: AuthGuard },
) {
  app.get(
    '/admin/users',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Search, filter, sort and page through users',
        querystring: z.object({
          q: z.string().trim().min(1).max(100).optional().describe('Part of the email or name, case-insensitive'),
          role: roleSchema.optional(),
          status: z.enum(['active', 'inactive'], { message: 'must be active or inactive' }).optional(),
          createdFrom: dateTimeQuery.optional().describe('Inclusive'),
          createdTo: dateTimeQuery.optional().describe('Exclusive'),
          sort: z.enum(USER_SORTS, { message: `must be one of ${USER_SORTS.join(', ')}` }).default('-createdAt'),
          ...pageQuery,
        }),
        response: { 200: pageOf(userView), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { items, total } = await service.list(request.query);
      return toPage(items.map(toUserView), total, request.query);
    },
  );

  app.get(
    '/admin/users/stats',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Counts by role and status, sign-ups per day',
        response: { 200: userStats, ...errorResponses(401, 404) },
      },
    },
    async () => service.stats(),
  );

  app.post(
    '/admin/users',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Create a user',
        body: z.object({
          email: emailSchema,
          password: passwordSchema,
          name: nameSchema,
          phone: phoneSchema.optional(),
          role: roleSchema.default(ROLES.USER),
        }),
        response: { 201: userView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const account = await service.create(currentUser(request), request.body, requestContext(request));
      return reply.status(201).send(toUserView(account));
    },
  );

  app.post(
    '/admin/users/bulk',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Activate, deactivate, change the role of, or delete many users; one result per user',
        body: z.discriminatedUnion(
          'action',
          [
            z.object({ action: z.literal('activate'), userIds }),
            z.object({ action: z.literal('deactivate'), userIds }),
            z.object({ action: z.literal('delete'), userIds }),
            z.object({ action: z.literal('change-role'), role: roleSchema, userIds }),
          ],
          { message: 'must be activate, deactivate, delete or change-role' },
        ),
        response: { 200: bulkResult, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const results = await service.bulk(currentUser(request), request.body, requestContext(request));
      const succeeded = results.filter((r) => r.ok).length;
      return { results, summary: { succeeded, failed: results.length - succeeded } };
    },
  );

  app.get(
    '/admin/users/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'One user',
        params: uuidParam,
        response: { 200: userView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => toUserView(await service.get(request.params.id)),
  );

  app.patch(
    '/admin/users/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Update a user: profile, email, role, active status',
        params: uuidParam,
        body: z
          .object({
            email: emailSchema.optional(),
            name: nameSchema.optional(),
            phone: phoneSchema.optional(),
            role: roleSchema.optional(),
            isActive: z.boolean({ message: 'must be true or false' }).optional(),
          })
          .strict()
          .refine((b) => Object.keys(b).length > 0, 'must change at least one field'),
        response: { 200: userView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      toUserView(await service.update(currentUser(request), request.params.id, request.body, requestContext(request))),
  );

  app.delete(
    '/admin/users/:id',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Delete a user (refused while they have live subscriptions)',
        params: uuidParam,
        response: { 204: z.null(), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.remove(currentUser(request), request.params.id, requestContext(request));
      return reply.status(204).send(null);
    },
  );
}
