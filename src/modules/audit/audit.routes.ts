import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { pageOf, pageQuery, toPage } from '../../platform/http/listing.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { AuthGuard } from '../accounts/index.js';
import type { AuditLog, AuditRecord } from './audit.service.js';

const auditEntryView = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

const toView = (r: AuditRecord) => ({ ...r, occurredAt: r.occurredAt.toISOString() });
const dateTime = z.coerce.date({ message: 'must be a date or date-time (ISO 8601)' });

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
          from: dateTime.optional().describe('Inclusive lower bound of occurredAt'),
          to: dateTime.optional().describe('Exclusive upper bound of occurredAt'),
          ...pageQuery,
        }),
        response: { 200: pageOf(auditEntryView), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { items, total } = await audit.list(request.query);
      return toPage(items.map(toView), total, request.query);
    },
  );
}
