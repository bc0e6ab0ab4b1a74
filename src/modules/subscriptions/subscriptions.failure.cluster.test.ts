import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantCredit, type SubscriptionsBed, startSubscriptionsBed } from '../../../test/helpers/subscriptions.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { plans } from '../catalog/catalog.tables.js';
import { LABELS, tenantNamespace } from '../templates/index.js';

describe('a provisioning that fails for good', () => {
  let bed: SubscriptionsBed;
  beforeAll(async () => {
    // 4 s to become RUNNING: a plan no KWOK node can hold (8 CPUs each) never does.
    bed = await startSubscriptionsBed({ env: { PROVISIONING_DEADLINE_SECONDS: '4' } });
  }, 60_000);
  afterAll(() => bed?.close(), 60_000);

  const sql = async (text: string, values: unknown[] = []) =>
    (await bed.t.runtime.database.pool.query(text, values)).rows;

  it('ends FAILED, refunds the charge once, mails the customer and removes the objects', async () => {
    const seeded = (await bed.seededPlans()).find((p) => p.slug === 'uptime-kuma')!;
    const [serviceRow] = await sql('select service_id from plans where id = $1', [seeded.planId]);
    const [huge] = await bed.t.runtime.database.db
      .insert(plans)
      .values({
        serviceId: serviceRow.service_id,
        name: `Too big ${randomBytes(3).toString('hex')}`,
        cpuRequestMillicores: 64_000,
        cpuLimitMillicores: 64_000,
        memoryRequestMib: 1024,
        memoryLimitMib: 1024,
        storageGib: 1,
        priceMonthlyIdr: 50_000,
      })
      .returning();
    const user = await bed.user();
    bed.forgetTenant(user.id);
    await grantCredit(bed.t, user.id, 60_000);
    const name = `toobig-${randomBytes(3).toString('hex')}`;
    const res = await bed.t.app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: user.headers,
      payload: { planId: huge!.id, name },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await bed.balance(user.id)).toBe(10_000);
    const { subscription, pod } = res.json();

    // The deadline job (or the full pass) fails it.
    await waitFor(async () => (await sql('select status from pods where id = $1', [pod.id]))[0]?.status === 'FAILED', {
      timeoutMs: 60_000,
      what: 'the pod FAILED',
    });
    const [row] = await sql('select status, end_reason from subscriptions where id = $1', [subscription.id]);
    expect(row).toMatchObject({ status: 'FAILED', end_reason: expect.stringContaining('deadline') });
    await waitFor(async () => (await bed.balance(user.id)) === 60_000, { what: 'the refund' });

    // Running the reconciler again (the full pass, twice) refunds nothing more.
    await bed.t.runtime.jobs.enqueue('subscriptions.reconcile-all', {}, { jobId: 'again-1' });
    await bed.t.runtime.jobs.enqueue('subscriptions.reconcile', { subscriptionId: subscription.id, trigger: 'again' });
    await waitFor(
      async () => (await sql('select terminated_at from pods where id = $1', [pod.id]))[0]?.terminated_at !== null,
      { what: 'objects removed' },
    );
    const refunds = await sql(`select amount from transactions where user_id = $1 and type = 'REFUND'`, [user.id]);
    expect(refunds).toEqual([{ amount: '50000' }]);
    expect(await bed.balance(user.id)).toBe(60_000);

    // The customer is told; no object of the subscription is left.
    await bed.smtp.waitForMessage(
      (m) =>
        m.to.includes(user.email) &&
        m.template === 'provisioning-failed' &&
        m.subject === `${name} tidak dapat dijalankan`,
    );
    await waitFor(
      async () =>
        (
          await bed.t.runtime.kube.list('apps/v1', 'StatefulSet', {
            namespace: tenantNamespace(user.id),
            labelSelector: `${LABELS.subscription}=${subscription.id}`,
          })
        ).length === 0,
      { what: 'the StatefulSet gone' },
    );
  }, 120_000);
});
