import { randomBytes } from 'node:crypto';
import type { V1Deployment, V1Node, V1Pod } from '@kubernetes/client-node';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { auditLog } from '../audit/audit.tables.js';

/**
 * Against the test cluster, on a KWOK node of this file's own: tainted so that no other test's pods land
 * on it (draining it must not disturb them), with two pods of a Deployment that tolerates the taint.
 */
describe('admin workers', () => {
  let t: TestRuntime;
  let admin: TestUser;
  const id = randomBytes(4).toString('hex');
  const nodeName = `kapal-test-${id}`;
  const namespace = `kapal-test-workers-${id}`;
  const taint = { key: 'kapal.io/test', value: id, effect: 'NoSchedule' };

  const call = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, headers: admin.headers });
  const podsOnNode = async () =>
    (await t.runtime.kube.list<V1Pod>('v1', 'Pod', { namespace })).filter((p) => p.spec?.nodeName === nodeName);

  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    const { kube } = t.runtime;
    const node: V1Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: nodeName,
        annotations: { 'kwok.x-k8s.io/node': 'fake' },
        labels: { 'kubernetes.io/hostname': nodeName, 'node-role.kubernetes.io/worker': '', type: 'kwok' },
      },
      spec: { taints: [taint] },
    };
    const deployment: V1Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web', 'kapal.io/tenant': 'tenant-1', 'kapal.io/subscription': 'sub-1' } },
          spec: {
            nodeSelector: { 'kubernetes.io/hostname': nodeName },
            tolerations: [{ key: taint.key, operator: 'Equal', value: taint.value, effect: 'NoSchedule' }],
            containers: [
              { name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
            ],
          },
        },
      },
    };
    await kube.apply([node, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, deployment]);
    await waitFor(async () => (await podsOnNode()).filter((p) => p.status?.phase === 'Running').length === 2, {
      timeoutMs: 30_000,
      what: 'two Running pods on the test worker',
    });
  });
  afterAll(async () => {
    await t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
    await t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Node', name: nodeName });
    await t.close();
  });

  it('lists every worker with status, capacity, requests and pods', async () => {
    const res = await call('GET', '/api/v1/admin/workers');
    expect(res.statusCode).toBe(200);
    const workers = res.json().workers as { name: string }[];
    expect(workers.map((w) => w.name)).toEqual(
      expect.arrayContaining(['kwok-node-0', 'kwok-node-1', 'kwok-node-2', nodeName]),
    );
    expect(workers.find((w) => w.name === nodeName)).toMatchObject({
      status: 'READY',
      schedulable: true,
      roles: ['worker'],
      podCount: 2,
      requested: { cpuMillicores: 200, memoryMib: 128 },
      taints: [{ key: 'kapal.io/test', value: id, effect: 'NoSchedule' }],
    });
  });

  it('shows one worker with its pods, and 404 for a worker that does not exist', async () => {
    const res = await call('GET', `/api/v1/admin/workers/${nodeName}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().pods).toHaveLength(2);
    expect(res.json().pods[0]).toMatchObject({
      namespace,
      phase: 'Running',
      tenantId: 'tenant-1',
      subscriptionId: 'sub-1',
    });
    expect((await call('GET', '/api/v1/admin/workers/no-such-node')).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/admin/workers/no-such-node/cordon')).json().error.message).toBe(
      'Worker not found',
    );
  });

  it('cordons and uncordons, in the cluster, with an audit entry each', async () => {
    const cordoned = await call('POST', `/api/v1/admin/workers/${nodeName}/cordon`);
    expect(cordoned.statusCode).toBe(200);
    expect(cordoned.json().schedulable).toBe(false);
    const node = await t.runtime.kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: nodeName });
    expect(node.spec?.unschedulable).toBe(true);

    const uncordoned = await call('POST', `/api/v1/admin/workers/${nodeName}/uncordon`);
    expect(uncordoned.json().schedulable).toBe(true);
    const after = await t.runtime.kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: nodeName });
    expect(after.spec?.unschedulable).toBeFalsy();

    const entries = await t.runtime.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'worker'), eq(auditLog.targetId, nodeName)));
    // Each operation is recorded before it touches the cluster, then again with what came of it.
    expect(entries.map((e) => e.action).sort()).toEqual([
      'admin.worker.cordon',
      'admin.worker.cordoned',
      'admin.worker.uncordon',
      'admin.worker.uncordoned',
    ]);
    expect(entries.every((e) => e.actorId === admin.id)).toBe(true);
  });

  it('a drain that fails still leaves its trace in the audit log', async () => {
    const res = await call('POST', '/api/v1/admin/workers/no-such-node/drain');
    expect(res.statusCode).toBe(404);
    const entries = await t.runtime.database.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'worker'), eq(auditLog.targetId, 'no-such-node')));
    const drains = entries.filter((e) => e.action.startsWith('admin.worker.drain'));
    expect(drains.map((e) => e.action).sort()).toEqual(['admin.worker.drain', 'admin.worker.drain_failed']);
    expect(entries.find((e) => e.action === 'admin.worker.drain_failed')!.details).toEqual({
      reason: 'Worker not found',
    });
  });

  it('drains: cordons, evicts every pod, and reports each; the evicted pods leave the worker', async () => {
    const before = await podsOnNode();
    expect(before).toHaveLength(2);
    const res = await call('POST', `/api/v1/admin/workers/${nodeName}/drain`);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.evicted.map((p: { name: string }) => p.name).sort()).toEqual(
      before.map((p) => p.metadata!.name!).sort(),
    );
    expect(result.skipped).toEqual([]);
    expect(result.failed).toEqual([]);
    const node = await t.runtime.kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: nodeName });
    expect(node.spec?.unschedulable).toBe(true);
    // The evicted pods themselves are gone (what replaces them is the scheduler's business, not drain's).
    const evictedUids = before.map((p) => p.metadata!.uid!);
    await waitFor(async () => !(await podsOnNode()).some((p) => evictedUids.includes(p.metadata!.uid!)), {
      timeoutMs: 30_000,
      what: 'the evicted pods gone',
    });
  });

  it('sums up the workers as the API server lists them', async () => {
    // Its own cordoned worker, so the cordoned count is about something whatever ran before.
    await call('POST', `/api/v1/admin/workers/${nodeName}/cordon`);
    const ready = (n: V1Node) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    const shape = (nodes: V1Node[]) =>
      JSON.stringify(
        nodes
          .map((n) => [n.metadata!.name, Boolean(n.spec?.unschedulable), ready(n), n.status?.allocatable?.cpu])
          .sort(),
      );
    // Other test files add and cordon nodes of their own: compare with a list that did not change around the call.
    const { nodes, stats } = await waitFor(async () => {
      const before = await t.runtime.kube.list<V1Node>('v1', 'Node');
      const answer = (await call('GET', '/api/v1/admin/workers/stats')).json();
      const after = await t.runtime.kube.list<V1Node>('v1', 'Node');
      return shape(before) === shape(after) && { nodes: after, stats: answer };
    });
    expect(nodes.map((n) => n.metadata!.name)).toContain(nodeName);
    expect(stats.total).toBe(nodes.length);
    expect(stats.cordoned).toBe(nodes.filter((n) => n.spec?.unschedulable).length);
    expect(stats.cordoned).toBeGreaterThanOrEqual(1);
    expect(stats.schedulable).toBe(nodes.length - stats.cordoned);
    expect(stats.byStatus.READY).toBe(nodes.filter(ready).length);
    expect(stats.byStatus.READY).toBeGreaterThanOrEqual(4);
    expect(stats.allocatable.cpuMillicores).toBe(
      nodes.reduce((sum, n) => sum + toMillicores(n.status!.allocatable!.cpu!), 0),
    );
  });
});

/** Allocatable CPU as KWOK and kubelets write it: whole cores ("32"), thousands ("1k") or millicores ("500m"). */
function toMillicores(cpu: string): number {
  const match = /^(\d+)(k|m)?$/.exec(cpu);
  if (!match) throw new Error(`unexpected allocatable cpu ${cpu}`);
  const value = Number(match[1]);
  return match[2] === 'm' ? value : match[2] === 'k' ? value * 1_000_000 : value * 1000;
}
