import { randomBytes } from 'node:crypto';
import { PatchStrategy, setHeaderOptions, type V1Deployment, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerUser } from '../../../test/helpers/accounts.js';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { kwokNodes } from '../../../test/helpers/kwok-nodes.js';
import { type SubscriptionsBed, startSubscriptionsBed } from '../../../test/helpers/subscriptions.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { LABELS, tenantNamespace } from '../templates/index.js';

/**
 * Drain end to end, on a KWOK node of this file's own (tainted; the bed's nodes are never drained): a
 * customer's app is moved onto it (a toleration and a preferred node affinity, patched beside what the
 * reconciler applies), a DaemonSet runs there too, and a PodDisruptionBudget first blocks the eviction,
 * then is deleted. The app comes back RUNNING on a bed node and its pod record follows; its owner gets the
 * maintenance mail, another customer does not.
 */
/** The maintenance mail's subject in either locale (a new user's is `id`). */
const MAINTENANCE_SUBJECT = /^(Maintenance|Pemeliharaan): /;

describe('workers: drain', () => {
  let bed: SubscriptionsBed;
  let admin: TestUser;
  const id = randomBytes(4).toString('hex');
  const nodeName = `kapal-test-drain-${id}`;
  const sideNamespace = `kapal-test-drain-${id}`;
  const kwok = kwokNodes();

  beforeAll(async () => {
    bed = await startSubscriptionsBed({ env: { WORKER_DRAIN_TIMEOUT_SECONDS: '120' } });
    admin = await createUserWithToken(bed.t, { role: 'ADMINISTRATOR' });
    await bed.t.runtime.kube.apply([
      kwok.node(nodeName, id),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: sideNamespace } },
    ]);
  }, 90_000);
  afterAll(async () => {
    await bed?.t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: sideNamespace }).catch(() => false);
    await kwok.deleteAll();
    await bed?.close();
  }, 90_000);

  const adminGet = (url: string) => bed.t.app.inject({ method: 'GET', url, headers: admin.headers });

  /** A customer with a RUNNING n8n subscription; returns its ids and the app's Deployment. */
  async function aCustomerWithAnApp(tag: string) {
    const registered = await registerUser(bed.t);
    const user = { id: registered.id, email: registered.email, headers: bearer(registered.accessToken) };
    bed.forgetTenant(user.id);
    const plan = (await bed.seededPlans()).find((p) => p.slug === 'n8n')!;
    await bed.topUp(user, plan.price + 10_000);
    const res = await bed.t.app.inject({
      method: 'POST',
      url: '/api/v1/subscriptions',
      headers: user.headers,
      payload: { planId: plan.planId, name: `${tag}-${id}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const subscriptionId = res.json().subscription.id as string;
    const podId = res.json().pod.id as string;
    let last: unknown;
    await waitFor(
      async () => {
        last = (await bed.t.app.inject({ method: 'GET', url: `/api/v1/pods/${podId}`, headers: user.headers })).json();
        return (last as { status: string }).status === 'RUNNING';
      },
      { timeoutMs: 180_000, intervalMs: 250, what: `${tag}'s app RUNNING` },
    ).catch((err) => {
      throw new Error(`${err.message}; the pod: ${JSON.stringify(last)}`);
    });
    const namespace = tenantNamespace(user.id);
    const [deployment] = (await bed.t.runtime.kube.list<V1Deployment>('apps/v1', 'Deployment', { namespace })).filter(
      (d) => d.metadata?.labels?.[LABELS.subscription] === subscriptionId,
    );
    return { user, subscriptionId, podId, namespace, deployment: deployment! };
  }

  const podView = async (user: { headers: Record<string, string> }, podId: string) =>
    (await bed.t.app.inject({ method: 'GET', url: `/api/v1/pods/${podId}`, headers: user.headers })).json();

  const appPodsOn = async (namespace: string, subscriptionId: string, node: string) =>
    (
      await bed.t.runtime.kube.list<V1Pod>('v1', 'Pod', {
        namespace,
        labelSelector: `${LABELS.subscription}=${subscriptionId}`,
      })
    ).filter((p) => p.spec?.nodeName === node && p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp);

  it('tells the affected customer, waits for the disruption budget, leaves the DaemonSet pod, and the app moves', async () => {
    const [affected, bystander] = await Promise.all([aCustomerWithAnApp('moved'), aCustomerWithAnApp('stays')]);

    // Move the affected app onto the test worker: tolerate its taint, prefer it (the reconciler does not own these fields).
    await kwok.apps.patchNamespacedDeployment(
      {
        name: affected.deployment.metadata!.name!,
        namespace: affected.namespace,
        body: {
          spec: {
            template: {
              spec: {
                tolerations: [{ key: 'kapal.io/test', operator: 'Equal', value: id, effect: 'NoSchedule' }],
                affinity: {
                  nodeAffinity: {
                    preferredDuringSchedulingIgnoredDuringExecution: [
                      {
                        weight: 100,
                        preference: {
                          matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [nodeName] }],
                        },
                      },
                    ],
                  },
                },
              },
            },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    const [appPod] = await waitFor(
      async () => {
        const pods = await appPodsOn(affected.namespace, affected.subscriptionId, nodeName);
        return pods.length === 1 && pods;
      },
      { timeoutMs: 60_000, what: 'the affected app running on the test worker' },
    );
    await waitFor(async () => (await podView(affected.user, affected.podId)).node === nodeName, {
      timeoutMs: 60_000,
      what: 'the pod record on the test worker',
    });
    const selector = appPod!.metadata!.labels!;
    // A DaemonSet pod on the worker (in a namespace of the test's own): a drain leaves it.
    await bed.t.runtime.kube.apply([
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'agent', namespace: sideNamespace },
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: {
            metadata: { labels: { app: 'agent' } },
            spec: {
              nodeSelector: { 'kubernetes.io/hostname': nodeName },
              tolerations: [{ key: 'kapal.io/test', operator: 'Equal', value: id, effect: 'NoSchedule' }],
              containers: [{ name: 'agent', image: 'busybox:1.37' }],
            },
          },
        },
      } as never,
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'hold', namespace: affected.namespace },
        spec: {
          minAvailable: 1,
          selector: { matchLabels: { [LABELS.subscription]: selector[LABELS.subscription]! } },
        },
      } as never,
    ]);
    const daemonPod = await waitFor(
      async () =>
        (await bed.t.runtime.kube.list<V1Pod>('v1', 'Pod', { namespace: sideNamespace })).find(
          (p) => p.spec?.nodeName === nodeName && p.status?.phase === 'Running',
        ),
      { timeoutMs: 60_000, what: 'the DaemonSet pod running on the worker' },
    );
    const worker = await waitFor<{ id: string }>(
      async () => {
        const res = await adminGet(`/api/v1/admin/workers/${nodeName}`);
        return res.statusCode === 200 && res.json().podCount >= 2 ? res.json() : undefined;
      },
      { timeoutMs: 30_000, what: 'the worker with its pods in the table' },
    );

    const started = await bed.t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/workers/${worker.id}/drain`,
      headers: admin.headers,
    });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({
      status: 'MAINTENANCE',
      schedulable: false,
      maintenance: { state: 'DRAINING', by: admin.id },
      drain: { state: 'RUNNING' },
    });
    // One drain at a time.
    const again = await bed.t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/workers/${nodeName}/drain`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);

    // The budget holds: the app's pod waits, still running where it was.
    const waiting = await waitFor(
      async () => {
        const w = (await adminGet(`/api/v1/admin/workers/${worker.id}`)).json();
        return w.drain?.waiting?.length === 1 ? w : undefined;
      },
      { timeoutMs: 60_000, what: 'the eviction refused by the budget' },
    );
    expect(waiting.drain).toMatchObject({
      state: 'RUNNING',
      evicted: [],
      waiting: [
        expect.objectContaining({
          name: appPod!.metadata!.name,
          subscriptionId: affected.subscriptionId,
          reason: expect.stringMatching(/disruption budget/),
        }),
      ],
      skipped: expect.arrayContaining([
        expect.objectContaining({ name: daemonPod.metadata!.name, reason: 'managed by a DaemonSet' }),
      ]),
      notifiedSubscriptions: [affected.subscriptionId],
    });
    expect(await appPodsOn(affected.namespace, affected.subscriptionId, nodeName)).toHaveLength(1);

    // The customer whose app runs there is told before it moves; the other one is not.
    const mail = await bed.smtp.waitForMessage(
      (m) => m.to.includes(affected.user.email) && MAINTENANCE_SUBJECT.test(m.subject),
      30_000,
    );
    expect(mail.text).toContain(nodeName);
    expect(mail.text).toContain(`moved-${id}`);
    expect(mail.text).toMatch(/unavailable for a short while|tidak tersedia sebentar/);

    // The budget is lifted: the eviction goes through, the drain ends.
    await bed.t.runtime.kube.delete({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      name: 'hold',
      namespace: affected.namespace,
    });
    const done = await waitFor(
      async () => {
        const w = (await adminGet(`/api/v1/admin/workers/${worker.id}`)).json();
        return w.drain?.state !== 'RUNNING' ? w : undefined;
      },
      { timeoutMs: 90_000, what: 'the drain finished' },
    );
    expect(done.drain).toMatchObject({ state: 'DONE', waiting: [], failed: [], error: null });
    expect(done.drain.evicted.map((p: { name: string }) => p.name)).toContain(appPod!.metadata!.name);
    expect(done).toMatchObject({ status: 'MAINTENANCE', maintenance: { state: 'CORDONED' } });

    // The app comes back RUNNING elsewhere, and its record follows; the DaemonSet pod is untouched.
    const moved = await waitFor(
      async () => {
        const view = await podView(affected.user, affected.podId);
        return view.status === 'RUNNING' && view.node && view.node !== nodeName ? view : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'the app RUNNING on another worker' },
    );
    expect(moved.node).toMatch(/^kwok-node-\d$/);
    const daemonAfter = await bed.t.runtime.kube.list<V1Pod>('v1', 'Pod', { namespace: sideNamespace });
    expect(
      daemonAfter.find((p) => p.metadata?.uid === daemonPod.metadata?.uid)?.metadata?.deletionTimestamp,
    ).toBeUndefined();

    expect(
      bed.smtp.messages.filter((m) => m.to.includes(bystander.user.email) && MAINTENANCE_SUBJECT.test(m.subject)),
    ).toEqual([]);
    expect(
      bed.smtp.messages.filter((m) => m.to.includes(affected.user.email) && MAINTENANCE_SUBJECT.test(m.subject)),
    ).toHaveLength(1);
    expect((await podView(bystander.user, bystander.podId)).status).toBe('RUNNING');
  }, 420_000);
});
