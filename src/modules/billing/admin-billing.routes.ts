import type { AppInstance } from '../../platform/http/app-instance.js';
import { toPage } from '../../platform/http/listing.js';
import { errorResponses, uuidParam } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf } from '../accounts/index.js';
import {
  adjustmentHeaders,
  adjustmentInput,
  adjustmentView,
  adminTransactionPage,
  adminTransactionQuery,
  pendingTopupPage,
  pendingTopupQuery,
  revenueQuery,
  revenueView,
} from './admin-billing.http.js';
import type { AdminBillingService } from './admin-billing.service.js';

const admin = { tags: ['admin'], security: [{ bearerAuth: [] }] };

/** Administrators and money: every transaction, revenue, pending top-ups, manual adjustments. */
export async function adminBillingRoutes(
  app: AppInstance,
  { service, guard }: { service: AdminBillingService; guard: AuthGuard },
) {
  app.get(
    '/admin/transactions',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: "Every user's transactions (filters: user, type, status, dates), newest first, with totals",
        querystring: adminTransactionQuery,
        response: { 200: adminTransactionPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { items, total, totals } = await service.transactions(request.query);
      return { ...toPage(items, total, request.query), totals };
    },
  );

  app.get(
    '/admin/transactions/pending-topups',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Top-ups waiting for payment, oldest first',
        querystring: pendingTopupQuery,
        response: { 200: pendingTopupPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { items, total, totals } = await service.pendingTopups(request.query);
      return { ...toPage(items, total, request.query), totals };
    },
  );

  app.get(
    '/admin/transactions/revenue',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: 'Top-ups, charges, refunds and revenue per day, and subscription revenue per service',
        querystring: revenueQuery,
        response: { 200: revenueView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.revenue(request.query),
  );

  app.post(
    '/admin/users/:id/adjustments',
    {
      onRequest: guard.admin,
      schema: {
        ...admin,
        summary: "Adjust a user's credit by hand, with a reason (audited; Idempotency-Key required)",
        params: uuidParam,
        headers: adjustmentHeaders,
        body: adjustmentInput,
        response: { 200: adjustmentView, 201: adjustmentView, ...errorResponses(400, 401, 402, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await service.adjust(
        actorOf(request),
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );
}
