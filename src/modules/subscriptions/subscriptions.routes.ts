import type { AppInstance } from '../../platform/http/app-instance.js';
import { pageOf, toPage } from '../../platform/http/listing.js';
import { errorResponses, uuidParam } from '../../platform/http/schemas.js';
import { type AuthGuard, actorOf, currentUser, type EmailVerification } from '../accounts/index.js';
import type { Lifecycle } from './lifecycle.js';
import {
  createdSubscriptionView,
  createSubscriptionBody,
  credentialsView,
  eventsView,
  idempotencyHeaders,
  logsQuery,
  logsView,
  nameCheckQuery,
  nameCheckView,
  podListQuery,
  podView,
  subscriptionListQuery,
  subscriptionView,
  updateSubscriptionBody,
} from './subscriptions.http.js';
import type { SubscriptionsService } from './subscriptions.service.js';

const subscriptionsTag = { tags: ['subscriptions'], security: [{ bearerAuth: [] }] };
const podsTag = { tags: ['pods'], security: [{ bearerAuth: [] }] };

/**
 * /subscriptions and /pods: a user's own apps. Thin: parse, guard, one service call. Another user's
 * subscription or pod is 404. Subscribing also needs a verified email when REQUIRE_EMAIL_VERIFICATION is on.
 */
export async function subscriptionsRoutes(
  app: AppInstance,
  deps: {
    service: SubscriptionsService;
    lifecycle: Lifecycle;
    guard: AuthGuard;
    emailVerification: () => EmailVerification;
  },
) {
  const { service, lifecycle, guard } = deps;
  const mayPurchase: typeof guard.user = (request, reply, done) =>
    deps.emailVerification().requireVerifiedEmail(request, reply, done);

  app.post(
    '/subscriptions',
    {
      onRequest: [guard.user, mayPurchase],
      schema: {
        ...subscriptionsTag,
        summary: 'Buy a plan: charges the first month, then starts the app',
        description:
          'Charges the first period from the credit balance (402 INSUFFICIENT_CREDIT with `required` and `available` when short, and nothing is created), ' +
          'creates the subscription (ACTIVE) and its pod (PROVISIONING), and starts provisioning. ' +
          'Send an `Idempotency-Key` header to make retries safe for 24 hours: the same key and body answer the same subscription (200).',
        headers: idempotencyHeaders,
        body: createSubscriptionBody,
        response: {
          201: createdSubscriptionView,
          200: createdSubscriptionView,
          ...errorResponses(400, 401, 402, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { created, subscription } = await service.subscribe(
        actorOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.code(created ? 201 : 200).send({ subscription, pod: subscription.pod, url: subscription.url });
    },
  );

  app.get(
    '/subscriptions',
    {
      onRequest: guard.user,
      schema: {
        ...subscriptionsTag,
        summary: 'Your subscriptions, newest first',
        querystring: subscriptionListQuery,
        response: { 200: pageOf(subscriptionView), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { items, total } = await service.list(currentUser(request).id, request.query);
      return toPage(items, total, request.query);
    },
  );

  app.get(
    '/subscriptions/name-check',
    {
      onRequest: guard.user,
      schema: {
        ...subscriptionsTag,
        summary: 'Whether a name is free for a new app of yours, and the address it would get',
        description:
          'The rules of POST /subscriptions: a name that breaks them answers `available: false`, `code: INVALID` and the reason; ' +
          "one that a live subscription uses (yours by name, anybody's by address) `code: TAKEN`. " +
          'A hint for the form, not a reservation: POST /subscriptions checks again.',
        querystring: nameCheckQuery,
        response: { 200: nameCheckView, ...errorResponses(400, 401) },
      },
    },
    async (request) => service.checkName(currentUser(request).id, request.query.name),
  );

  app.get(
    '/subscriptions/:id',
    {
      onRequest: guard.user,
      schema: {
        ...subscriptionsTag,
        summary: 'One of your subscriptions: plan, pod, URL, period and next charge',
        params: uuidParam,
        response: { 200: subscriptionView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.get(currentUser(request).id, request.params.id),
  );

  app.get(
    '/subscriptions/:id/credentials',
    {
      onRequest: guard.user,
      schema: {
        ...subscriptionsTag,
        summary: "The app's first credentials (generated passwords and keys), decrypted; audited",
        params: uuidParam,
        response: { 200: credentialsView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => service.credentials(actorOf(request), request.params.id),
  );

  app.post(
    '/subscriptions/:id/cancel',
    {
      onRequest: guard.user,
      schema: {
        ...subscriptionsTag,
        summary: 'Cancel: no renewal; the app runs to the end of the paid period, then it is deleted',
        description:
          'A suspended subscription, or one whose period ended unpaid, is terminated at once (objects and data deleted). ' +
          'Cancelling a cancelled subscription changes nothing.',
        params: uuidParam,
        response: { 200: subscriptionView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      await lifecycle.cancel(actorOf(request), request.params.id);
      return service.view(request.params.id);
    },
  );

  app.post(
    '/subscriptions/:id/renew',
    {
      onRequest: guard.user,
      schema: {
        ...subscriptionsTag,
        summary: 'Pay now: resumes a subscription suspended for non-payment, or renews one whose period ended',
        description:
          'Charges the next period from the credit balance (402 INSUFFICIENT_CREDIT with `required` and `available` when short, and nothing changes). ' +
          'A suspended subscription gets a new period from now and starts again; 409 when there is nothing to renew.',
        params: uuidParam,
        response: { 200: subscriptionView, ...errorResponses(400, 401, 402, 404, 409) },
      },
    },
    async (request) => {
      await lifecycle.renew(actorOf(request), request.params.id);
      return service.view(request.params.id);
    },
  );

  app.patch(
    '/subscriptions/:id',
    {
      onRequest: guard.user,
      schema: {
        ...subscriptionsTag,
        summary: 'Turn auto-renew on or off; change the plan (same service)',
        description:
          'A dearer plan applies now: the price difference for the rest of the period is charged (402 when short) and the app gets the new resources. ' +
          'A cheaper plan applies at the next renewal (`pendingPlan`); choosing the current plan again drops it.',
        params: uuidParam,
        body: updateSubscriptionBody,
        response: { 200: subscriptionView, ...errorResponses(400, 401, 402, 404, 409) },
      },
    },
    async (request) => {
      await lifecycle.update(actorOf(request), request.params.id, request.body);
      return service.view(request.params.id);
    },
  );

  app.get(
    '/pods',
    {
      onRequest: guard.user,
      schema: {
        ...podsTag,
        summary: 'Your running apps (one pod per subscription), newest first',
        querystring: podListQuery,
        response: { 200: pageOf(podView), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { items, total } = await service.listPods(currentUser(request).id, request.query);
      return toPage(items, total, request.query);
    },
  );

  app.get(
    '/pods/:id',
    {
      onRequest: guard.user,
      schema: {
        ...podsTag,
        summary: 'One app: status, node, restarts, age, resources, URL',
        params: uuidParam,
        response: { 200: podView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => service.getPod(currentUser(request).id, request.params.id),
  );

  app.post(
    '/pods/:id/restart',
    {
      onRequest: guard.user,
      schema: {
        ...podsTag,
        summary: 'Restart the app (a rollout restart)',
        params: uuidParam,
        response: { 202: podView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => reply.code(202).send(await service.restartPod(actorOf(request), request.params.id)),
  );

  app.get(
    '/pods/:id/logs',
    {
      onRequest: guard.user,
      schema: {
        ...podsTag,
        summary: "The app's log: the last `tail` lines (at most 1 MiB), or a stream with follow=true",
        description:
          'With `follow=true` the answer is `text/plain`, streamed while the container runs (at most 8 MiB).',
        params: uuidParam,
        querystring: logsQuery,
        response: { 200: logsView, ...errorResponses(400, 401, 404, 409, 502, 503) },
      },
    },
    async (request, reply) => {
      const { follow, ...query } = request.query;
      const userId = currentUser(request).id;
      if (!follow) return service.logs(userId, request.params.id, query);
      const stream = await service.followLogs(userId, request.params.id, query);
      // The caller hanging up ends the request to the API server too.
      reply.raw.once('close', () => stream.destroy());
      // And the log ending early (the API server hung up) ends the caller's answer.
      stream.once('close', () => {
        if (!reply.raw.writableEnded) reply.raw.destroy();
      });
      return reply.type('text/plain; charset=utf-8').send(stream as never);
    },
  );

  app.get(
    '/pods/:id/events',
    {
      onRequest: guard.user,
      schema: {
        ...podsTag,
        summary: "The Kubernetes events of the app's objects, newest first",
        params: uuidParam,
        response: { 200: eventsView, ...errorResponses(400, 401, 404, 502, 503) },
      },
    },
    async (request) => service.events(currentUser(request).id, request.params.id),
  );
}
