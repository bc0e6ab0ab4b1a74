import { AppError, type ErrorCode } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { pageOf, toPage } from '../../platform/http/listing.js';
import { errorResponses, uuidParam } from '../../platform/http/schemas.js';
import { type AuthGuard, currentUser, type EmailVerification } from '../accounts/index.js';
import {
  balanceView,
  idempotencyHeaders,
  topupInput,
  topupView,
  transactionQuery,
  transactionView,
  webhookAnswer,
} from './billing.http.js';
import type { BillingService } from './billing.service.js';

const billing = { tags: ['billing'], security: [{ bearerAuth: [] }] };

/** Midtrans' notifications are small; anything much larger is not one. */
const WEBHOOK_BODY_LIMIT = 64 * 1024;

const verdictErrors: Partial<Record<string, ErrorCode>> = {
  malformed: 'VALIDATION_FAILED',
  forged: 'UNAUTHORIZED',
  'unknown-order': 'NOT_FOUND',
  'amount-mismatch': 'BAD_REQUEST',
  'currency-mismatch': 'BAD_REQUEST',
};

/**
 * /billing (the signed-in user's credit, transactions and top-ups) and /webhooks/midtrans. Thin: parse,
 * guard, one service call. Starting or paying a top-up also needs a verified email when
 * REQUIRE_EMAIL_VERIFICATION is on (the accounts module's hook, after the guard).
 */
export async function billingRoutes(
  app: AppInstance,
  deps: { service: BillingService; guard: AuthGuard; emailVerification: () => EmailVerification },
) {
  const { service, guard } = deps;
  const mayPurchase: typeof guard.user = (request, reply, done) =>
    deps.emailVerification().requireVerifiedEmail(request, reply, done);

  app.get(
    '/billing/balance',
    {
      onRequest: guard.user,
      schema: {
        ...billing,
        summary: 'The credit balance (integer rupiah)',
        response: { 200: balanceView, ...errorResponses(401) },
      },
    },
    async (request) => service.balance(currentUser(request).id),
  );

  app.get(
    '/billing/transactions',
    {
      onRequest: guard.user,
      schema: {
        ...billing,
        summary: 'Your money transactions, newest first: filter by type, status and date; pages',
        querystring: transactionQuery,
        response: { 200: pageOf(transactionView), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { items, total } = await service.listTransactions(currentUser(request).id, request.query);
      return toPage(items, total, request.query);
    },
  );

  app.get(
    '/billing/transactions/:id',
    {
      onRequest: guard.user,
      schema: {
        ...billing,
        summary: 'One of your transactions (another user’s is 404)',
        params: uuidParam,
        response: { 200: transactionView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.getTransaction(currentUser(request).id, request.params.id),
  );

  app.post(
    '/billing/topups',
    {
      onRequest: [guard.user, mayPurchase],
      schema: {
        ...billing,
        summary: 'Start a top-up: a PENDING transaction and its Midtrans payment page',
        description:
          'Pay with Snap.js (`snap.pay(payment.token)`) or by opening `payment.redirectUrl`. The credit arrives when ' +
          'Midtrans reports the payment. Send an Idempotency-Key header to make a retry return the same top-up.',
        headers: idempotencyHeaders,
        body: topupInput,
        response: { 201: topupView, 200: topupView, ...errorResponses(400, 401, 403, 409, 502, 503) },
      },
    },
    async (request, reply) => {
      const { created, ...answer } = await service.createTopup(currentUser(request).id, {
        amount: request.body.amount,
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.code(created ? 201 : 200).send(answer);
    },
  );

  app.post(
    '/billing/transactions/:id/pay',
    {
      onRequest: [guard.user, mayPurchase],
      schema: {
        ...billing,
        summary: 'A usable payment page for a PENDING top-up (a fresh one when the old page expired)',
        params: uuidParam,
        response: { 200: topupView, ...errorResponses(400, 401, 403, 404, 409, 502, 503) },
      },
    },
    async (request) => service.payTopup(currentUser(request).id, request.params.id),
  );

  app.post(
    '/billing/transactions/:id/cancel',
    {
      onRequest: guard.user,
      schema: {
        ...billing,
        summary: 'Cancel a PENDING top-up',
        description: 'A payment Midtrans still reports for it afterwards is credited all the same.',
        params: uuidParam,
        response: { 200: transactionView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => service.cancelTopup(currentUser(request).id, request.params.id),
  );

  // The webhook reads its body as text: the raw body is kept for the audit trail, and a body that is not
  // JSON is recorded as such. The parser applies to this route only (its own plugin scope).
  await app.register(async (webhook) => {
    webhook.removeAllContentTypeParsers();
    webhook.addContentTypeParser('*', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    webhook.post(
      '/webhooks/midtrans',
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        schema: {
          tags: ['billing'],
          summary: 'Midtrans HTTP notification (register this URL in the Midtrans dashboard)',
          description:
            'No user authentication: the signature_key (SHA-512 of order_id, status_code, gross_amount and the server ' +
            'key) is checked, then amount and currency against the top-up. 200 for applied, duplicate and late ' +
            'notifications; 4xx for forged, malformed or unknown ones. Every notification is recorded.',
          response: { 200: webhookAnswer, ...errorResponses(400, 401, 404, 413) },
        },
      },
      async (request) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const result = await service.applyNotification(raw, 'webhook');
        if (result.httpStatus >= 400) {
          const code = verdictErrors[result.verdict] ?? 'BAD_REQUEST';
          const field = /^(body\.[^:]+): (.*)$/.exec(result.message);
          throw new AppError(code, result.message, field ? [{ path: field[1]!, message: field[2]! }] : undefined);
        }
        return { received: true as const, verdict: result.verdict };
      },
    );
  });
}
