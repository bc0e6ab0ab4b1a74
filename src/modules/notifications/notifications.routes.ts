import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { toPage } from '../../platform/http/listing.js';
import { errorResponses, uuidParam } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf, currentUser } from '../accounts/index.js';
import {
  adminNotificationListQuery,
  adminNotificationPage,
  adminNotificationView,
  notificationListQuery,
  notificationPage,
  previewParams,
  previewQuery,
  toAdminNotificationView,
  toNotificationView,
} from './notifications.http.js';
import type { NotificationsService } from './notifications.service.js';

const me = { tags: ['me'], security: [{ bearerAuth: [] }] };
const admin = { tags: ['admin'], security: [{ bearerAuth: [] }] };

/** /me/notifications (a user's own mails) and /admin/notifications (every mail, resend, previews). Thin. */
export async function notificationsRoutes(
  app: AppInstance,
  { service, guard }: { service: NotificationsService; guard: AuthGuard },
) {
  app.get(
    '/me/notifications',
    {
      onRequest: guard.user,
      schema: {
        ...me,
        summary: 'The mails Kapal sent you (or is sending), newest first',
        querystring: notificationListQuery,
        response: { 200: notificationPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { items, total } = await service.list({ ...request.query, userId: currentUser(request).id });
      return toPage(items.map(toNotificationView), total, request.query);
    },
  );

  app.get(
    '/admin/notifications',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Every mail, newest first: filters by user, template and status; pages',
        querystring: adminNotificationListQuery,
        response: { 200: adminNotificationPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { items, total } = await service.list(request.query);
      return toPage(items.map(toAdminNotificationView), total, request.query);
    },
  );

  app.post(
    '/admin/notifications/:id/resend',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary:
          'Send a mail again: a new delivery (event key `<old key>#resend-<n>`) to the user’s current address (audited)',
        params: uuidParam,
        response: { 202: adminNotificationView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const row = await service.resend(actorOf(request), request.params.id);
      return reply.status(202).send(toAdminNotificationView(row));
    },
  );

  app.get(
    '/admin/notifications/templates/:name/preview',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'A mail template rendered with sample data, as the HTML part of the mail (text/html)',
        produces: ['text/html'],
        params: previewParams,
        querystring: previewQuery,
        response: { 200: z.string().describe('The HTML part'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const mail = await service.preview(request.params.name, request.query.locale);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .send(mail.html);
    },
  );
}
