import { randomBytes, randomUUID } from 'node:crypto';
import type { V1Deployment } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantCredit, type SubscriptionsBed, startSubscriptionsBed } from '../../../test/helpers/subscriptions.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createKubeClient, loadKubeConfig } from '../../platform/kube/kube-client.js';
import { KubeNotFoundError } from '../../platform/kube/kube-errors.js';
import { LABELS, tenantNamespace } from '../templates/index.js';

const suffix = () => randomBytes(3).toString('hex');

describe('subscriptions: short credit, races, drift', () => {
  let bed: SubscriptionsBed;
  let plan: { planId: string; price: number; slug: string };
  beforeAll(async () => {
    bed = await startSubscriptionsBed();
    plan = (await bed.seededPlans()).find((p) => p.slug === 'n8n')!;
  }, 60_000);
  afterAll(() => bed?.close(), 60_000);

  const sql = async (text: string, values: unknown[] = []) =>
    (await bed.t.runtime.database.pool.query(text, values)).rows;
  const subscribe = (
    headers: Record<string, string>,
    payload: Record<string, unknown>,
    extra: Record<string, string> = {},
  ) => bed.t.app.inject({ method: 'POST', url: '/api/v1/subscriptions', headers: { ...headers, ...extra }, payload });
  async function customer(credit: number) {
    const user = await bed.user();
    bed.forgetTenant(user.id);
    if (credit > 0) await grantCredit(bed.t, user.id, credit);
    return user;
  }

  it('short credit: 402 with the shortfall, and nothing is created (no rows, no objects, no charge)', async () => {
    const user = await customer(plan.price - 1);
    const res = await subscribe(user.headers, { planId: plan.planId, name: `short-${suffix()}` });
    expect(res.statusCode, res.body).toBe(402);
    expect(res.json().error).toMatchObject({
      code: 'INSUFFICIENT_CREDIT',
      required: plan.price,
      available: plan.price - 1,
    });
    expect(await sql('select id from subscriptions where user_id = $1', [user.id])).toHaveLength(0);
    expect(await sql('select id from pods where user_id = $1', [user.id])).toHaveLength(0);
    expect(
      await sql(`select id from transactions where user_id = $1 and type = 'SUBSCRIPTION_CHARGE'`, [user.id]),
    ).toHaveLength(0);
    expect(await bed.balance(user.id)).toBe(plan.price - 1);
    await expect(
      bed.t.runtime.kube.get({ apiVersion: 'v1', kind: 'Namespace', name: tenantNamespace(user.id) }),
    ).rejects.toBeInstanceOf(KubeNotFoundError);
  });

  it('bad input: a name that is not DNS-safe is 400, an unknown plan 404', async () => {
    const user = await customer(0);
    expect((await subscribe(user.headers, { planId: plan.planId, name: 'Not_DNS' })).statusCode).toBe(400);
    expect((await subscribe(user.headers, { planId: plan.planId, name: 'www' })).statusCode).toBe(400);
    expect((await subscribe(user.headers, { planId: randomUUID(), name: `x-${suffix()}` })).statusCode).toBe(404);
  });

  it('two identical requests at once: one subscription and one charge', async () => {
    const user = await customer(plan.price * 3);
    const payload = { planId: plan.planId, name: `twin-${suffix()}` };
    const answers = await Promise.all([subscribe(user.headers, payload), subscribe(user.headers, payload)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await sql('select id from subscriptions where user_id = $1', [user.id])).toHaveLength(1);
    expect(
      await sql(`select id from transactions where user_id = $1 and type = 'SUBSCRIPTION_CHARGE'`, [user.id]),
    ).toHaveLength(1);
  });

  it('an Idempotency-Key: the same request three times at once answers one subscription, charged once', async () => {
    const user = await customer(plan.price * 3);
    const payload = { planId: plan.planId, name: `keyed-${suffix()}` };
    const key = { 'idempotency-key': `key-${suffix()}` };
    const answers = await Promise.all([1, 2, 3].map(() => subscribe(user.headers, payload, key)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().subscription.id)).size).toBe(1);
    expect(
      await sql(`select id from transactions where user_id = $1 and type = 'SUBSCRIPTION_CHARGE'`, [user.id]),
    ).toHaveLength(1);
    // The same key with another body is refused.
    const other = await subscribe(user.headers, { ...payload, name: `other-${suffix()}` }, key);
    expect(other.statusCode).toBe(422);
  });

  it('drift: a Deployment deleted by hand comes back; a changed image is set back by the full pass', async () => {
    const user = await customer(plan.price);
    const res = await subscribe(user.headers, { planId: plan.planId, name: `drift-${suffix()}` });
    expect(res.statusCode, res.body).toBe(201);
    const { subscription, pod } = res.json();
    const podUrl = `/api/v1/pods/${pod.id}`;
    const status = async () => (await bed.t.app.inject({ method: 'GET', url: podUrl, headers: user.headers })).json();
    await waitFor(async () => (await status()).status === 'RUNNING', { timeoutMs: 60_000, what: 'RUNNING' });
    const namespace = tenantNamespace(user.id);
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: pod.workloadName as string, namespace };
    const { kube } = bed.t.runtime;
    const original = await kube.get<V1Deployment>(ref);
    const image = original.spec!.template.spec!.containers[0]!.image!;

    // Deleted by hand: the informer sees it go and the reconciler brings it back.
    await kube.delete(ref);
    await waitFor(
      async () => {
        const d = await kube.get<V1Deployment>(ref);
        return d.metadata!.uid !== original.metadata!.uid;
      },
      { timeoutMs: 30_000, what: 'the Deployment back' },
    );
    await waitFor(async () => (await status()).status === 'RUNNING', { timeoutMs: 60_000, what: 'RUNNING again' });

    // Image changed by another field manager: the full pass sets it back.
    const intruder = createKubeClient({
      kubeConfig: loadKubeConfig(process.env.KUBECONFIG),
      fieldManager: 'intruder',
    });
    await intruder.apply([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: ref.name, namespace },
        spec: {
          selector: original.spec!.selector,
          template: {
            metadata: { labels: original.spec!.template.metadata!.labels },
            spec: { containers: [{ name: 'app', image: 'busybox:evil' }] },
          },
        },
      } as never,
    ]);
    const imageNow = async () =>
      (await kube.get<V1Deployment>(ref)).spec!.template.spec!.containers.find((c) => c.name === 'app')!.image;
    expect(await imageNow()).toBe('busybox:evil');
    await bed.t.runtime.jobs.enqueue('subscriptions.reconcile-all', {}, { jobId: `pass-${suffix()}` });
    await waitFor(async () => (await imageNow()) === image, { timeoutMs: 30_000, what: 'the image set back' });

    // What changed is recorded (at the end of the run's transaction, just after the cluster saw it).
    const recorded = () =>
      sql('select trigger, changes from reconciliations where subscription_id = $1', [subscription.id]);
    expect((await recorded()).some((r) => r.trigger === 'workload-deleted')).toBe(true);
    await waitFor(
      async () =>
        (await recorded()).some(
          (r) =>
            r.trigger === 'full-pass' &&
            r.changes.some((c: { kind: string; action: string }) => c.kind === 'Deployment' && c.action === 'updated'),
        ),
      { what: 'the full pass recorded the repair' },
    );
    // Still one of each.
    const deployments = await kube.list('apps/v1', 'Deployment', {
      namespace,
      labelSelector: `${LABELS.subscription}=${subscription.id}`,
    });
    expect(deployments).toHaveLength(1);
  }, 120_000);
});
