import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { pageOf, pageQuery, toPage } from '../../platform/http/listing.js';
import { dateTimeQuery, errorResponses } from '../../platform/http/schemas.js';
import type { AuthGuard } from '../accounts/index.js';
import { auditEntryView, toAuditEntryView } from './audit.http.js';
import type { AuditLog } from './audit.service.js';

/** The audit trail, for administrators. */
export async function auditRoutes(app: AppInstance, { audit, guard }: { audit: AuditLog; guard: AuthGuard }) {
  app.get(
    '/admin/audit-log',
    {
      onRequest: guard.admin,
      schema: {
        tags: ['admin'],
        summary: 'Who did what to which target, when, from where; newest first',
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          actorId: z.uuid({ message: 'must be a UUID' }).optional(),
          action: z.string().min(1).max(100).optional().describe('Exact action, e.g. auth.login_failed'),
          targetType: z.string().min(1).max(50).optional(),
          targetId: z.string().min(1).max(100).optional(),
          from: dateTimeQuery.optional().describe('Inclusive lower bound of occurredAt'),
          to: dateTimeQuery.optional().describe('Exclusive upper bound of occurredAt'),
          ...pageQuery,
        }),
        response: { 200: pageOf(auditEntryView), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { items, total } = await audit.list(request.query);
      return toPage(items.map(toAuditEntryView), total, request.query);
    },
  );
}
