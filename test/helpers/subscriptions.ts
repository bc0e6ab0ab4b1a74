import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { catalogSeedStep } from '../../src/modules/catalog/catalog.seed.js';
import { tenantNamespace } from '../../src/modules/templates/index.js';
import type { Db } from '../../src/platform/db/db.js';
import type { WorkerRunner } from '../../src/platform/queue/worker-runner.js';
import { createWorker } from '../../src/worker.js';
import { type BillingBed, startBillingBed } from './billing.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';
import { waitFor } from './wait-for.js';

/**
 * A bare subscription row (and a user to own it) for tests that need one to exist, such as a render whose
 * generated secrets refer to it; no plan, no charge, no objects. Returns the subscription's and user's ids.
 */
export async function insertBareSubscription(
  db: Db,
  options: { id?: string; userId?: string; name?: string } = {},
): Promise<{ id: string; userId: string }> {
  const id = options.id ?? randomUUID();
  const userId = options.userId ?? randomUUID();
  const tag = randomBytes(6).toString('hex');
  await db.execute(sql`
    insert into users (id, email, password_hash, name) values (${userId}, ${`bare-${tag}@example.test`}, 'x', 'Bare')
    on conflict (id) do nothing`);
  await db.execute(sql`
    insert into subscriptions (id, user_id, name, host, price_idr, period_start, period_end)
    values (${id}, ${userId}, ${options.name ?? `bare-${tag}`}, ${`bare-${tag}.apps.test`}, 0, now(), now() + interval '30 days')`);
  return { id, userId };
}

/**
 * A subscription of `userId` whose pod has ended (TERMINATED, objects gone), written straight to the
 * database: no plan, no charge, no cluster objects. For tests of the routes around it (the authorization
 * matrix): reads answer 200, actions that need a running app 409. Returns the subscription's and pod's ids.
 */
export async function anEndedPodOf(db: Db, userId: string): Promise<{ subscriptionId: string; podId: string }> {
  const { id } = await insertBareSubscription(db, { userId });
  const podId = randomUUID();
  await db.execute(sql`
    insert into pods (id, subscription_id, user_id, status, namespace, workload_kind, workload_name,
                      provisioning_deadline_at, terminated_at)
    values (${podId}, ${id}, ${userId}, 'TERMINATED', ${`tenant-${userId}`}, 'Deployment', ${`bare-${podId.slice(0, 8)}`},
            now(), now())`);
  return { subscriptionId: id, podId };
}

/** A TERMINATED subscription of `userId` with its ended pod (as anEndedPodOf): lifecycle actions answer 409. */
export async function aTerminatedSubscriptionOf(db: Db, userId: string): Promise<string> {
  const { subscriptionId } = await anEndedPodOf(db, userId);
  await db.execute(sql`
    update subscriptions set status = 'TERMINATED', terminated_at = now(), end_reason = 'test fixture'
     where id = ${subscriptionId}`);
  return subscriptionId;
}

export interface SubscriptionsBed extends BillingBed {
  smtp: SmtpSink;
  /** The worker in this process (jobs and informers), unless the bed was started without one. */
  worker?: WorkerRunner;
  /** Seeds the catalog (idempotent) and answers each seeded service's cheapest active plan. */
  seededPlans(): Promise<{ slug: string; planId: string; price: number; templateRef: string }[]>;
  /** A credited top-up of `amount` for the user: POST /billing/topups, then Midtrans' signed settlement. */
  topUp(user: { id: string; headers: Record<string, string> }, amount: number): Promise<void>;
  /** Deletes the test's tenant namespaces from the cluster. */
  forgetTenant(userId: string): void;
}

/** The real platform with the SMTP sink, the fake Midtrans and (unless `worker: false`) a worker in this process. */
export async function startSubscriptionsBed(
  options: { env?: Record<string, string>; worker?: boolean } = {},
): Promise<SubscriptionsBed> {
  const smtp = await startSmtpSink();
  const bed = await startBillingBed({ env: { SMTP_URL: smtp.url, APPS_DOMAIN: 'apps.kapal.test', ...options.env } });
  const tenants = new Set<string>();
  let worker: WorkerRunner | undefined;
  if (options.worker !== false) {
    worker = createWorker(bed.t.runtime);
    await worker.start();
  }
  return {
    ...bed,
    smtp,
    worker,
    async seededPlans() {
      const { runtime } = bed.t;
      await catalogSeedStep.run({ database: runtime.database, templates: runtime.modules.ports.templates! });
      const { rows } = await runtime.database.pool.query<{
        slug: string;
        plan_id: string;
        price: number;
        template_ref: string;
      }>(`select distinct on (s.slug) s.slug, p.id as plan_id, p.price_monthly_idr as price, s.template_ref
            from services s join plans p on p.service_id = s.id
           where s.is_active and p.is_active
           order by s.slug, p.price_monthly_idr, p.id`);
      return rows.map((r) => ({ slug: r.slug, planId: r.plan_id, price: r.price, templateRef: r.template_ref }));
    },
    async topUp(user, amount) {
      const before = await bed.balance(user.id);
      const res = await bed.t.app.inject({
        method: 'POST',
        url: '/api/v1/billing/topups',
        headers: user.headers,
        payload: { amount },
      });
      if (res.statusCode !== 201) throw new Error(`top-up: ${res.statusCode} ${res.body}`);
      const id = res.json().transaction.id as string;
      bed.midtrans.setStatus(id, 'settlement', 'qris');
      const notified = await bed.midtrans.notify(id, bed.webhookUrl);
      if (notified.status !== 200) throw new Error(`notification answered ${notified.status}`);
      await waitFor(async () => (await bed.balance(user.id)) === before + amount, { what: 'the top-up credited' });
    },
    forgetTenant(userId) {
      tenants.add(userId);
    },
    async close() {
      try {
        await worker?.close();
        for (const userId of tenants) {
          await bed.t.runtime.kube
            .delete({ apiVersion: 'v1', kind: 'Namespace', name: tenantNamespace(userId) })
            .catch(() => false);
        }
      } finally {
        await bed.close();
        await smtp.close();
      }
    },
  };
}

/** Credit for a test user without Midtrans: an administrator's adjustment through the billing port. */
export async function grantCredit(t: Pick<BillingBed['t'], 'runtime'>, userId: string, amount: number) {
  const billing = t.runtime.modules.ports.billing!;
  await t.runtime.database.transaction((tx) =>
    billing.adjust(tx, {
      userId,
      amount,
      reason: 'test credit',
      actorId: userId,
      idempotencyKey: `test-credit:${randomUUID()}`,
    }),
  );
}
