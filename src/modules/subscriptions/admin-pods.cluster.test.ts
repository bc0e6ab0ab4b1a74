import { randomBytes } from 'node:crypto';
import type { V1Deployment } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../../test/helpers/auth.js';
import { grantCredit, type SubscriptionsBed, startSubscriptionsBed } from '../../../test/helpers/subscriptions.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { LABELS, tenantNamespace } from '../templates/index.js';
import { RESTARTED_AT_ANNOTATION } from './reconciler.js';

/**
 * An administrator's stop, start and restart of a customer's app on the test cluster, with the worker
 * (reconciler and informers) in this process: stop → the Deployment at zero replicas and the pod STOPPED,
 * kept so by a reconcile; start → RUNNING again; restart → a rollout; each audited.
 */
describe("an administrator's actions on any tenant's pod (test cluster)", () => {
  let bed: SubscriptionsBed;
  let admin: TestUser;
  let customer: TestUser;
  let planId: string;
  let price: number;
  beforeAll(async () => {
    bed = await startSubscriptionsBed();
    const plans = await bed.seededPlans();
    const n8n = plans.find((p) => p.slug === 'n8n')!;
    planId = n8n.planId;
    price = n8n.price;
    admin = await bed.user({ role: 'ADMINISTRATOR' });
    customer = await bed.user();
    bed.forgetTenant(customer.id);
  }, 60_000);
  afterAll(() => bed?.close(), 60_000);

  const sql = async (text: string, values: unknown[] = []) =>
    (await bed.t.runtime.database.pool.query(text, values)).rows;
  const call = (method: 'GET' | 'POST', url: string, user: TestUser, payload?: object) =>
    bed.t.app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload ? { payload } : {}) });
  const podStatus = async (podId: string) => (await sql('select status from pods where id = $1', [podId]))[0]?.status;
  const waitForStatus = async (podId: string, status: string) => {
    try {
      await waitFor(async () => (await podStatus(podId)) === status, {
        timeoutMs: 180_000,
        intervalMs: 250,
        what: `pod ${status}`,
      });
    } catch (err) {
      const [row] = await sql('select status, last_error, node_name, available_replicas from pods where id = $1', [
        podId,
      ]);
      throw new Error(`${(err as Error).message}; the pod row: ${JSON.stringify(row)}`);
    }
  };
  async function appDeployment(subscriptionId: string) {
    const [d] = await bed.t.runtime.kube.list<V1Deployment>('apps/v1', 'Deployment', {
      namespace: tenantNamespace(customer.id),
      labelSelector: `${LABELS.subscription}=${subscriptionId},${LABELS.component}=app`,
    });
    return d;
  }
  const ctx = { jobId: 'test', attempt: 1, log: async () => {} };

  it('stop → zero replicas and STOPPED, kept across a reconcile → start → RUNNING → restart rolls it; all audited', async () => {
    await grantCredit(bed.t, customer.id, price + 1_000);
    const created = await call('POST', '/subscriptions', customer, {
      planId,
      name: `adm-${randomBytes(3).toString('hex')}`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const subscriptionId = created.json().subscription.id as string;
    const podId = created.json().subscription.pod.id as string;
    await waitForStatus(podId, 'RUNNING');

    // Stop: the desired state says zero, the reconciler applies it, the informers report STOPPED.
    const stopped = await call('POST', `/admin/pods/${podId}/stop`, admin);
    expect(stopped.statusCode, stopped.body).toBe(200);
    await waitFor(async () => (await appDeployment(subscriptionId))?.spec?.replicas === 0, {
      timeoutMs: 60_000,
      what: 'replicas 0',
    });
    await waitForStatus(podId, 'STOPPED');
    expect((await call('GET', `/pods/${podId}`, customer)).json().status).toBe('STOPPED');

    // A reconcile (what the full pass runs for it) keeps it stopped.
    const reconciled = await bed.t.runtime.modules.jobHandlers['subscriptions.reconcile'](
      { subscriptionId, trigger: 'drift' },
      ctx,
    );
    expect(reconciled).toMatchObject({ outcome: 'applied' });
    expect((await appDeployment(subscriptionId))?.spec?.replicas).toBe(0);
    expect(await podStatus(podId)).toBe('STOPPED');
    expect((await call('POST', `/admin/pods/${podId}/restart`, admin)).statusCode).toBe(409);

    // Start: back to one replica, RUNNING again.
    const started = await call('POST', `/admin/pods/${podId}/start`, admin);
    expect(started.statusCode, started.body).toBe(200);
    await waitFor(async () => (await appDeployment(subscriptionId))?.spec?.replicas === 1, {
      timeoutMs: 60_000,
      what: 'replicas 1',
    });
    await waitForStatus(podId, 'RUNNING');

    // Restart: the restart annotation rolls the workload; it comes back RUNNING.
    const restarted = await call('POST', `/admin/pods/${podId}/restart`, admin);
    expect(restarted.statusCode, restarted.body).toBe(200);
    const restartedAt = restarted.json().lastRestartAt as string;
    expect(restartedAt).not.toBeNull();
    await waitFor(
      async () =>
        (await appDeployment(subscriptionId))?.spec?.template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION] ===
        restartedAt,
      { timeoutMs: 60_000, what: 'the restart annotation applied' },
    );
    await waitFor(
      async () => {
        const d = await appDeployment(subscriptionId);
        return (
          (d?.status?.observedGeneration ?? 0) >= (d?.metadata?.generation ?? 1) &&
          d?.status?.updatedReplicas === 1 &&
          d?.status?.availableReplicas === 1
        );
      },
      { timeoutMs: 180_000, intervalMs: 250, what: 'the restart rolled out' },
    );
    await waitForStatus(podId, 'RUNNING');

    const audit = await sql(
      `select action, actor_id, details from audit_log where target_type = 'pod' and target_id = $1 order by seq`,
      [podId],
    );
    expect(audit.map((a) => a.action)).toEqual(['admin.pod.stopped', 'admin.pod.started', 'admin.pod.restarted']);
    for (const entry of audit) {
      expect(entry.actor_id).toBe(admin.id);
      expect(entry.details).toMatchObject({ subscriptionId, userId: customer.id });
    }

    // The admin view shows it on its node with the rendered configuration, from the database alone.
    const view = await call('GET', `/admin/pods/${podId}`, admin);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ id: podId, adminStoppedAt: null, user: { id: customer.id } });
    const [deployment] = view
      .json()
      .configuration.objects.filter(
        (o: { kind: string; metadata: { labels: Record<string, string> } }) =>
          o.kind === 'Deployment' && o.metadata.labels[LABELS.component] === 'app',
      );
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.template.metadata.annotations[RESTARTED_AT_ANNOTATION]).toBe(restartedAt);
  }, 600_000);
});
