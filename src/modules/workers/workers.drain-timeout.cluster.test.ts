import { randomBytes } from 'node:crypto';
import type { KubernetesObject, V1Node, V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { kwokNodes } from '../../../test/helpers/kwok-nodes.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { WorkerRunner } from '../../platform/queue/worker-runner.js';
import { createWorker } from '../../worker.js';
import { auditLog } from '../audit/audit.tables.js';

/**
 * A drain whose disruption budget never allows the eviction: retried until WORKER_DRAIN_TIMEOUT_SECONDS,
 * then reported FAILED with the budget's reason; the pod keeps running and the worker stays cordoned.
 * On a KWOK node of this file's own; the pods are not Kapal's (no customer is mailed).
 */
describe('workers: a drain that a disruption budget holds past the timeout', () => {
  let t: TestRuntime;
  let worker: WorkerRunner;
  let admin: TestUser;
  const id = randomBytes(4).toString('hex');
  const nodeName = `kapal-test-hold-${id}`;
  const namespace = `kapal-test-hold-${id}`;
  const kwok = kwokNodes();

  beforeAll(async () => {
    t = await startTestRuntime({ env: { WORKER_DRAIN_TIMEOUT_SECONDS: '4' } });
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    worker = createWorker(t.runtime);
    await worker.start();
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace }).catch(() => false);
    await kwok.deleteAll();
    await t.close();
  });

  it('fails the held pod after the timeout, keeps it running, and audits the failure', async () => {
    await t.runtime.kube.apply([
      kwok.node(nodeName, id),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'db', namespace },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'db' } },
          template: {
            metadata: { labels: { app: 'db' } },
            spec: {
              nodeSelector: { 'kubernetes.io/hostname': nodeName },
              tolerations: [{ key: 'kapal.io/test', operator: 'Equal', value: id, effect: 'NoSchedule' }],
              containers: [{ name: 'db', image: 'postgres:17' }],
            },
          },
        },
      } as KubernetesObject,
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'db', namespace },
        spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } },
      } as KubernetesObject,
    ]);
    const pod = await waitFor(
      async () =>
        (await t.runtime.kube.list<V1Pod>('v1', 'Pod', { namespace })).find(
          (p) => p.spec?.nodeName === nodeName && p.status?.phase === 'Running',
        ),
      { timeoutMs: 60_000, what: 'the guarded pod running on the worker' },
    );
    await waitFor(
      async () => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/v1/admin/workers/${nodeName}`,
          headers: admin.headers,
        });
        return res.statusCode === 200;
      },
      { timeoutMs: 30_000, what: 'the worker in the table' },
    );

    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/workers/${nodeName}/drain`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(202);
    const done = await waitFor(
      async () => {
        const w = (
          await t.app.inject({ method: 'GET', url: `/api/v1/admin/workers/${nodeName}`, headers: admin.headers })
        ).json();
        return w.drain?.state !== 'RUNNING' ? w : undefined;
      },
      { timeoutMs: 60_000, what: 'the drain over' },
    );
    expect(done.drain).toMatchObject({
      state: 'FAILED',
      evicted: [],
      waiting: [],
      notifiedSubscriptions: [],
      failed: [
        expect.objectContaining({
          name: pod.metadata!.name,
          namespace,
          reason: expect.stringMatching(/still refused the eviction after 4 s .*disruption budget/),
        }),
      ],
    });
    expect(done).toMatchObject({ status: 'MAINTENANCE', schedulable: false, maintenance: { state: 'CORDONED' } });
    const node = await t.runtime.kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: nodeName });
    expect(node.spec?.unschedulable).toBe(true);
    const still = (await t.runtime.kube.list<V1Pod>('v1', 'Pod', { namespace })).find(
      (p) => p.metadata?.uid === pod.metadata?.uid,
    );
    expect(still?.status?.phase).toBe('Running');
    expect(still?.metadata?.deletionTimestamp).toBeUndefined();

    const entries = await t.runtime.database.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog);
    expect(entries.map((e) => e.action).sort()).toEqual([
      'admin.worker.drain',
      'admin.worker.drain_failed',
      'admin.worker.drain_started',
    ]);
    expect(entries.find((e) => e.action === 'admin.worker.drain_failed')?.details).toMatchObject({
      evicted: 0,
      failed: 1,
    });
  }, 150_000);
});
