/**
 * THE AUTHORIZATION MATRIX: every route the app registers (hidden ones too; Fastify's `onRoute`, not only
 * /openapi.json), and what each persona gets from it. `test/authorization-matrix.cluster.test.ts` calls every
 * route as anonymous, user, otherUser and admin, with fresh personas per route, and fails when a route has no
 * entry here (or an entry names a route that is gone).
 *
 * To add a route, add ONE line: the key is the method and the path as /openapi.json spells it (`{id}`).
 *   open(200)           anyone, signed in or not, gets 200
 *   signedIn(200)       anonymous 401; user, otherUser and admin get 200 (their own data)
 *   adminOnly(200)      anonymous 401; user and otherUser 404 (the route does not exist for them); admin 200
 *   owned(200)          a resource of `user`: anonymous 401, user 200, otherUser 404, admin 404
 * The request carries no body unless the entry builds one, so a body route answers 400 once the caller
 * is let in: that is how the matrix sees the guard ran before validation (guards go in `onRequest`).
 * Path parameters: `{id}` defaults to the user persona's id; anything else needs `request`, e.g.
 *   'GET /api/v1/subscriptions/{id}': owned(200, async (fx) => ({ params: { id: await aSubscriptionOf(fx) } })),
 * Calls go in the order anonymous, otherUser, user, admin, so a destructive admin call comes last.
 * An answer that streams without end (server-sent events) is marked `streaming(...)`: its status is read
 * from the head of the answer and the body is left to the app's close.
 */
import type { TestUser } from './helpers/auth.js';
import { aPendingTopupOf } from './helpers/billing.js';
import { catalogParams } from './helpers/catalog.js';
import { anInvoiceOf } from './helpers/invoices.js';
import { anEndedPodOf, aTerminatedSubscriptionOf } from './helpers/subscriptions.js';
import type { TestRuntime } from './helpers/test-runtime.js';

export type Persona = 'anonymous' | 'user' | 'otherUser' | 'admin';
export const PERSONAS: Persona[] = ['anonymous', 'otherUser', 'user', 'admin'];

/** What an entry may use to build its request: the runtime and this route's fresh personas. */
export interface MatrixFixtures {
  t: TestRuntime;
  user: TestUser;
  otherUser: TestUser;
  admin: TestUser;
}

export interface MatrixRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface RouteExpectation {
  expect: Record<Persona, number>;
  request?: (fx: MatrixFixtures) => MatrixRequest | Promise<MatrixRequest>;
  /** The answer streams until the app closes: read its status, not its body. */
  stream?: boolean;
}

type Build = RouteExpectation['request'];
export const open = (status: number, request?: Build): RouteExpectation => ({
  expect: { anonymous: status, user: status, otherUser: status, admin: status },
  request,
});
export const signedIn = (status: number, request?: Build): RouteExpectation => ({
  expect: { anonymous: 401, user: status, otherUser: status, admin: status },
  request,
});
export const adminOnly = (status: number, request?: Build): RouteExpectation => ({
  expect: { anonymous: 401, user: 404, otherUser: 404, admin: status },
  request,
});
export const owned = (status: number, request?: Build, adminStatus = 404): RouteExpectation => ({
  expect: { anonymous: 401, user: status, otherUser: 404, admin: adminStatus },
  request,
});

export const streaming = (expectation: RouteExpectation): RouteExpectation => ({ ...expectation, stream: true });

/** A row in the workers table with no node behind it (the informer is not running in the matrix). */
async function aWorkerRow(fx: MatrixFixtures): Promise<string> {
  const name = `matrix-worker-${fx.user.id.slice(0, 8)}`;
  const { rows } = await fx.t.runtime.database.pool.query<{ id: string }>(
    `insert into workers (name) values ($1) on conflict (name) do update set name = excluded.name returning id`,
    [name],
  );
  return rows[0]!.id;
}

export const authorizationMatrix: Record<string, RouteExpectation> = {
  // operations
  'GET /healthz': open(200),
  'GET /readyz': open(200),
  'GET /metrics': open(200),

  // auth and the signed-in user (issue 3)
  'POST /api/v1/auth/register': open(400),
  'POST /api/v1/auth/login': open(400),
  'POST /api/v1/auth/refresh': open(400),
  'POST /api/v1/auth/logout': signedIn(204),
  'POST /api/v1/auth/verify-email': open(400),
  // The personas' emails are unverified: each gets a link mailed (202).
  'POST /api/v1/auth/verify-email/resend': signedIn(202),
  'GET /api/v1/me': signedIn(200),
  'PATCH /api/v1/me': signedIn(400),
  'POST /api/v1/me/password': signedIn(400),
  'DELETE /api/v1/me': signedIn(400),

  // administration of users and the audit trail (issue 3)
  'GET /api/v1/admin/users': adminOnly(200),
  'POST /api/v1/admin/users': adminOnly(400),
  'GET /api/v1/admin/users/stats': adminOnly(200),
  'POST /api/v1/admin/users/bulk': adminOnly(400),
  'GET /api/v1/admin/users/{id}': adminOnly(200),
  'PATCH /api/v1/admin/users/{id}': adminOnly(400),
  'DELETE /api/v1/admin/users/{id}': adminOnly(204),
  'GET /api/v1/admin/audit-log': adminOnly(200),
  'GET /api/v1/admin/queues': adminOnly(200),
  'GET /api/v1/admin/workers': adminOnly(200),
  'GET /api/v1/admin/workers/stats': adminOnly(200),
  // A worker row of its own (no node behind it): read by id; the live pod list of a node that does not exist is empty.
  'GET /api/v1/admin/workers/{id}': adminOnly(200, async (fx) => ({ params: { id: await aWorkerRow(fx) } })),
  // Lists nodes and pods once and writes the table: changes nothing in the cluster.
  'POST /api/v1/admin/workers/sync': adminOnly(200),
  // Cordoning or draining a shared test node would disturb other test files: a name that cannot be a
  // node lets the administrator through the guard to the 400, and changes nothing.
  'POST /api/v1/admin/workers/{id}/cordon': adminOnly(400, () => ({ params: { id: 'Not_A_Node' } })),
  'POST /api/v1/admin/workers/{id}/uncordon': adminOnly(400, () => ({ params: { id: 'Not_A_Node' } })),
  'POST /api/v1/admin/workers/{id}/drain': adminOnly(400, () => ({ params: { id: 'Not_A_Node' } })),
  // Worker agents: WORKER_AGENT_TOKEN, not a persona's session, so every persona gets the 401 (before validation).
  'POST /api/v1/system/workers/heartbeat': open(401),
  'POST /api/v1/system/workers/{name}/allocation': open(401, () => ({ params: { name: 'kwok-node-0' } })),
  // A job that is waiting, not failed: the administrator gets as far as the 409 that says so.
  'POST /api/v1/admin/queues/{queue}/failed/{jobId}/retry': adminOnly(409, async (fx) => {
    const job = await fx.t.runtime.jobs.enqueue('notifications.welcome', { userId: fx.user.id });
    return { params: { queue: 'notifications', jobId: job.id } };
  }),
  // notifications (issue 11): a user's own mails; every mail, resend and template previews for administrators.
  'GET /api/v1/me/notifications': signedIn(200),
  'GET /api/v1/admin/notifications': adminOnly(200),
  'POST /api/v1/admin/notifications/{id}/resend': adminOnly(202, async (fx) => {
    const queued = await fx.t.runtime.modules.ports.notifications!.queue({
      template: 'welcome',
      data: {},
      eventKey: `matrix-welcome:${fx.user.id}`,
      userId: fx.user.id,
    });
    return { params: { id: queued.deliveryId! } };
  }),
  'GET /api/v1/admin/notifications/templates/{name}/preview': adminOnly(200, () => ({ params: { name: 'welcome' } })),

  // catalog (issue 4)
  'GET /api/v1/services': open(200),
  'GET /api/v1/services/{slug}': open(200, (fx) => catalogParams.slug(fx.t)),
  'GET /api/v1/admin/services': adminOnly(200),
  'POST /api/v1/admin/services': adminOnly(400),
  'GET /api/v1/admin/services/stats': adminOnly(200),
  'GET /api/v1/admin/services/{id}': adminOnly(200, (fx) => catalogParams.service(fx.t)),
  'PATCH /api/v1/admin/services/{id}': adminOnly(400, (fx) => catalogParams.service(fx.t)),
  'DELETE /api/v1/admin/services/{id}': adminOnly(204, (fx) => catalogParams.service(fx.t)),
  'GET /api/v1/admin/services/{id}/plans': adminOnly(200, (fx) => catalogParams.service(fx.t)),
  'POST /api/v1/admin/services/{id}/plans': adminOnly(400, (fx) => catalogParams.service(fx.t)),
  'GET /api/v1/admin/services/{id}/plans/{planId}': adminOnly(200, (fx) => catalogParams.plan(fx.t)),
  'PATCH /api/v1/admin/services/{id}/plans/{planId}': adminOnly(400, (fx) => catalogParams.plan(fx.t)),
  'DELETE /api/v1/admin/services/{id}/plans/{planId}': adminOnly(204, (fx) => catalogParams.plan(fx.t)),
  'GET /api/v1/admin/categories': adminOnly(200),
  'POST /api/v1/admin/categories': adminOnly(400),
  'GET /api/v1/admin/categories/{id}': adminOnly(200, (fx) => catalogParams.category(fx.t)),
  'PATCH /api/v1/admin/categories/{id}': adminOnly(400, (fx) => catalogParams.category(fx.t)),
  'DELETE /api/v1/admin/categories/{id}': adminOnly(204, (fx) => catalogParams.category(fx.t)),

  // billing (issue 8): a user's own transactions; another user's (and an administrator's view of it) is 404
  'GET /api/v1/billing/balance': signedIn(200),
  'GET /api/v1/billing/transactions': signedIn(200),
  'GET /api/v1/billing/transactions/{id}': owned(200, async (fx) => ({
    params: { id: await aPendingTopupOf(fx.t, fx.user.id) },
  })),
  'POST /api/v1/billing/topups': signedIn(400),
  'POST /api/v1/billing/transactions/{id}/pay': owned(200, async (fx) => ({
    params: { id: await aPendingTopupOf(fx.t, fx.user.id) },
  })),
  'POST /api/v1/billing/transactions/{id}/cancel': owned(200, async (fx) => ({
    params: { id: await aPendingTopupOf(fx.t, fx.user.id) },
  })),
  // Midtrans calls it without user authentication: an empty body is malformed for everyone alike.
  'POST /api/v1/webhooks/midtrans': open(400),
  // invoices, the overview and administrators' billing (issue 8)
  'GET /api/v1/billing/invoices': signedIn(200),
  'GET /api/v1/billing/invoices/{id}': owned(200, async (fx) => ({
    params: { id: await anInvoiceOf(fx.t, fx.user.id) },
  })),
  'GET /api/v1/billing/invoices/{id}/pdf': owned(200, async (fx) => ({
    params: { id: await anInvoiceOf(fx.t, fx.user.id) },
  })),
  'GET /api/v1/billing/overview': signedIn(200),
  // Public: the Snap client key is meant for browsers (the dashboard reads it before it pays a top-up).
  'GET /api/v1/billing/payment-config': open(200),
  'GET /api/v1/admin/transactions': adminOnly(200),
  'GET /api/v1/admin/transactions/pending-topups': adminOnly(200),
  'GET /api/v1/admin/transactions/revenue': adminOnly(200),
  // No body and no Idempotency-Key: the administrator gets as far as the 400, nothing is adjusted.
  'POST /api/v1/admin/users/{id}/adjustments': adminOnly(400),

  // subscriptions and pods (issue 9): a user's own; another user's (and an administrator's view of it) is 404.
  // The fixture's pod has ended: reads answer 200, what needs a running app (or its credentials) 409.
  'POST /api/v1/subscriptions': signedIn(400),
  'GET /api/v1/subscriptions': signedIn(200),
  // A name check answers every signed-in persona about its own apps (and anybody's addresses); reads only.
  'GET /api/v1/subscriptions/name-check': signedIn(200, () => ({ query: { name: 'matrix-name-check' } })),
  'GET /api/v1/subscriptions/{id}': owned(200, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).subscriptionId },
  })),
  'GET /api/v1/subscriptions/{id}/credentials': owned(409, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).subscriptionId },
  })),
  'GET /api/v1/pods': signedIn(200),
  'GET /api/v1/pods/{id}': owned(200, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).podId },
  })),
  'POST /api/v1/pods/{id}/restart': owned(409, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).podId },
  })),
  'GET /api/v1/pods/{id}/logs': owned(409, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).podId },
  })),
  'GET /api/v1/pods/{id}/events': owned(200, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).podId },
  })),
  // the live status stream: each signed-in persona gets its own (server-sent events, only its own rows).
  'GET /api/v1/events': streaming(signedIn(200)),
  // the subscription lifecycle (issue 9): the fixture has ended, so each action gets as far as its 409.
  'POST /api/v1/subscriptions/{id}/cancel': owned(409, async (fx) => ({
    params: { id: await aTerminatedSubscriptionOf(fx.t.runtime.database.db, fx.user.id) },
  })),
  'POST /api/v1/subscriptions/{id}/renew': owned(409, async (fx) => ({
    params: { id: await aTerminatedSubscriptionOf(fx.t.runtime.database.db, fx.user.id) },
  })),
  'PATCH /api/v1/subscriptions/{id}': owned(409, async (fx) => ({
    params: { id: await aTerminatedSubscriptionOf(fx.t.runtime.database.db, fx.user.id) },
    body: { autoRenew: false },
  })),
  'GET /api/v1/admin/subscriptions': adminOnly(200),
  'POST /api/v1/admin/subscriptions/{id}/suspend': adminOnly(409, async (fx) => ({
    params: { id: await aTerminatedSubscriptionOf(fx.t.runtime.database.db, fx.user.id) },
  })),
  'POST /api/v1/admin/subscriptions/{id}/resume': adminOnly(409, async (fx) => ({
    params: { id: await aTerminatedSubscriptionOf(fx.t.runtime.database.db, fx.user.id) },
  })),
  'POST /api/v1/admin/subscriptions/{id}/terminate': adminOnly(409, async (fx) => ({
    params: { id: await aTerminatedSubscriptionOf(fx.t.runtime.database.db, fx.user.id) },
  })),
  // every tenant's pods (issue 10): the fixture pod has ended, so reads answer 200 and each action its 409.
  'GET /api/v1/admin/pods': adminOnly(200),
  'GET /api/v1/admin/pods/stats': adminOnly(200),
  'GET /api/v1/admin/pods/{id}': adminOnly(200, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).podId },
  })),
  'POST /api/v1/admin/pods/{id}/stop': adminOnly(409, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).podId },
  })),
  'POST /api/v1/admin/pods/{id}/start': adminOnly(409, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).podId },
  })),
  'POST /api/v1/admin/pods/{id}/restart': adminOnly(409, async (fx) => ({
    params: { id: (await anEndedPodOf(fx.t.runtime.database.db, fx.user.id)).podId },
  })),

  // orphans and the Kubernetes debug view (issue 10). The cleanup's body makes it a dry run: harmless.
  'GET /api/v1/admin/pods/orphaned': adminOnly(200),
  'POST /api/v1/admin/pods/orphaned/cleanup': adminOnly(200, () => ({ body: { confirm: false } })),
  'GET /api/v1/admin/debug/kubernetes': adminOnly(200),
};
