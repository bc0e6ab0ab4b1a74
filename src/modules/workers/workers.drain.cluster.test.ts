import { randomBytes } from 'node:crypto';
import type { KubernetesObject, V1Node, V1Pod, V1PodDisruptionBudget } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';

/**
 * Drain against the test cluster, each test on a KWOK node of its own, tainted so that only this test's
 * pods land there: DaemonSet pods stay (as with `kubectl drain`), and a PodDisruptionBudget holds.
 */
describe('admin workers: what a drain leaves', () => {
  let t: TestRuntime;
  let admin: TestUser;
  const id = randomBytes(4).toString('hex');
  const namespace = `kapal-test-drain-${id}`;
  const nodes: string[] = [];

  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    await t.runtime.kube.apply([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }]);
  });
  afterAll(async () => {
    await t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
    for (const name of nodes) await t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Node', name });
    await t.close();
  });

  const drain = (name: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/admin/workers/${name}/drain`, headers: admin.headers });
  const podsOn = async (name: string) =>
    (await t.runtime.kube.list<V1Pod>('v1', 'Pod', { namespace })).filter((p) => p.spec?.nodeName === name);
  const running = async (name: string, count: number, what: string) =>
    waitFor(
      async () => {
        const pods = (await podsOn(name)).filter(
          (p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp,
        );
        return pods.length === count && pods;
      },
      { timeoutMs: 30_000, what },
    );

  /** A fresh worker, and the pod template that lands there (node selector plus the taint's toleration). */
  async function aWorker(tag: string) {
    const name = `kapal-test-${tag}-${id}`;
    const taint = { key: 'kapal.io/test', value: `${tag}-${id}`, effect: 'NoSchedule' };
    const node: V1Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        annotations: { 'kwok.x-k8s.io/node': 'fake' },
        labels: { 'kubernetes.io/hostname': name, type: 'kwok' },
      },
      spec: { taints: [taint] },
    };
    nodes.push(name);
    await t.runtime.kube.apply([node]);
    const podTemplate = (app: string) => ({
      metadata: { labels: { app } },
      spec: {
        nodeSelector: { 'kubernetes.io/hostname': name },
        tolerations: [{ ...taint, operator: 'Equal' }],
        containers: [{ name: app, image: 'nginx:1.27' }],
      },
    });
    return { name, podTemplate };
  }

  const deployment = (name: string, replicas: number, template: object): KubernetesObject =>
    ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace },
      spec: { replicas, selector: { matchLabels: { app: name } }, template },
    }) as KubernetesObject;

  it('evicts the pods of a Deployment but leaves the DaemonSet pod running, reported as skipped', async () => {
    const worker = await aWorker('ds');
    const daemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: worker.podTemplate('agent') },
    };
    await t.runtime.kube.apply([daemonSet, deployment('web', 1, worker.podTemplate('web'))]);
    const before = await running(worker.name, 2, 'a DaemonSet pod and a Deployment pod running on the worker');
    const agent = before.find((p) => p.metadata?.labels?.app === 'agent')!;
    const web = before.find((p) => p.metadata?.labels?.app === 'web')!;
    expect(agent.metadata?.ownerReferences?.[0]?.kind).toBe('DaemonSet');

    const res = await drain(worker.name);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.evicted.map((p: { name: string }) => p.name)).toEqual([web.metadata!.name]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ name: agent.metadata!.name, namespace, reason: 'managed by a DaemonSet' }),
    ]);
    expect(result.failed).toEqual([]);

    await waitFor(async () => !(await podsOn(worker.name)).some((p) => p.metadata!.uid === web.metadata!.uid), {
      timeoutMs: 30_000,
      what: 'the Deployment pod evicted',
    });
    // The very same DaemonSet pod is still there and running: not evicted, not replaced.
    const after = await podsOn(worker.name);
    expect(after.find((p) => p.metadata!.uid === agent.metadata!.uid)).toMatchObject({
      status: { phase: 'Running' },
      metadata: { name: agent.metadata!.name },
    });
    expect(after.find((p) => p.metadata!.uid === agent.metadata!.uid)?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('does not evict a pod whose PodDisruptionBudget allows no disruption: it stays, reported as failed with the reason', async () => {
    const worker = await aWorker('pdb');
    const pdb = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'db', namespace },
      spec: { maxUnavailable: 0, selector: { matchLabels: { app: 'db' } } },
    };
    await t.runtime.kube.apply([deployment('db', 1, worker.podTemplate('db')), pdb]);
    const [pod] = await running(worker.name, 1, 'the guarded pod running on the worker');
    // The disruption controller has looked at the budget: evictions are judged by it, not by a stale status.
    await waitFor(
      async () => {
        const budget = await t.runtime.kube.get<V1PodDisruptionBudget>({
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          name: 'db',
          namespace,
        });
        return budget.status?.observedGeneration === budget.metadata?.generation && budget.status?.currentHealthy === 1;
      },
      { timeoutMs: 30_000, what: 'the disruption budget observed' },
    );

    const res = await drain(worker.name);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.evicted).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.failed).toEqual([
      expect.objectContaining({
        name: pod!.metadata!.name,
        namespace,
        reason: expect.stringMatching(/disruption budget/),
      }),
    ]);
    const node = await t.runtime.kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: worker.name });
    expect(node.spec?.unschedulable).toBe(true);
    // The budget held: the same pod still runs there.
    const still = (await podsOn(worker.name)).find((p) => p.metadata!.uid === pod!.metadata!.uid);
    expect(still).toMatchObject({ status: { phase: 'Running' } });
    expect(still?.metadata?.deletionTimestamp).toBeUndefined();
  });
});
