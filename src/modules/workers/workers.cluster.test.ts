import { randomBytes } from 'node:crypto';
import type { V1Deployment, V1Node, V1Pod } from '@kubernetes/client-node';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { kwokNodes } from '../../../test/helpers/kwok-nodes.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { WorkerRunner } from '../../platform/queue/worker-runner.js';
import { createWorker } from '../../worker.js';
import { auditLog } from '../audit/audit.tables.js';
import { nodeFacts } from './node-facts.js';

/**
 * The workers table against the test cluster, kept by the node informer of a worker in this process.
 * Cordon, NotReady and deletion happen on KWOK nodes of this file's own (tainted: no other test's pods
 * land there); the bed's shared nodes are only read.
 */
describe('workers: the table the node informer keeps', () => {
  let t: TestRuntime;
  let worker: WorkerRunner;
  let admin: TestUser;
  const id = randomBytes(4).toString('hex');
  const nodeName = `kapal-test-w-${id}`;
  const namespace = `kapal-test-workers-${id}`;
  const kwok = kwokNodes();

  const call = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, headers: admin.headers });
  const getWorker = async (ref: string) => {
    const res = await call('GET', `/api/v1/admin/workers/${ref}`);
    return res.statusCode === 200 ? res.json() : undefined;
  };
  const podsOnNode = async () =>
    (await t.runtime.kube.list<V1Pod>('v1', 'Pod', { namespace })).filter((p) => p.spec?.nodeName === nodeName);

  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    worker = createWorker(t.runtime);
    await worker.start();
    const deployment: V1Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            nodeSelector: { 'kubernetes.io/hostname': nodeName },
            tolerations: [{ key: 'kapal.io/test', operator: 'Equal', value: id, effect: 'NoSchedule' }],
            containers: [
              { name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } },
            ],
          },
        },
      },
    };
    await t.runtime.kube.apply([
      kwok.node(nodeName, id),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      deployment,
    ]);
    await waitFor(async () => (await podsOnNode()).filter((p) => p.status?.phase === 'Running').length === 2, {
      timeoutMs: 60_000,
      what: 'two Running pods on the test worker',
    });
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace }).catch(() => false);
    await kwok.deleteAll();
    await t.close();
  });

  it('every node appears as a worker with its facts and resources, and its pods’ requests', async () => {
    const mine = await waitFor(
      async () => {
        const w = await getWorker(nodeName);
        return w?.podCount === 2 && w.requested.cpuMillicores === 200 && w;
      },
      { timeoutMs: 30_000, what: 'the test worker with its two pods' },
    );
    expect(mine).toMatchObject({
      name: nodeName,
      status: 'ACTIVE',
      ready: true,
      schedulable: true,
      online: false,
      roles: ['worker'],
      requested: { cpuMillicores: 200, memoryMib: 128 },
      taints: [{ key: 'kapal.io/test', value: id, effect: 'NoSchedule' }],
      maintenance: null,
      drain: null,
      goneAt: null,
    });
    expect(mine.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(mine.allocatable.cpuMillicores).toBeGreaterThan(0);
    expect(mine.allocatable.memoryMib).toBeGreaterThan(0);
    expect(mine.capacity.pods).toBeGreaterThan(0);
    expect(mine.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'Ready', status: 'True' })]),
    );
    expect(mine.pods.map((p: { name: string }) => p.name).sort()).toEqual(
      (await podsOnNode()).map((p) => p.metadata!.name).sort(),
    );
    // The same worker by its id; the bed's nodes are there too, with what KWOK reports.
    expect((await getWorker(mine.id))?.name).toBe(nodeName);
    const list = await waitFor<{ total: number; items: { name: string; allocatable: object }[] }>(
      async () => {
        const res = await call('GET', '/api/v1/admin/workers?pageSize=100&q=kwok-node');
        return res.json().total >= 3 ? res.json() : undefined;
      },
      { timeoutMs: 30_000, what: 'the bed’s nodes in the table' },
    );
    // A bed node as the API server shows it now (KWOK fills its status): the same facts in the table.
    const live = nodeFacts(await t.runtime.kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: 'kwok-node-0' }));
    expect(list.items.find((w) => w.name === 'kwok-node-0')).toMatchObject({
      architecture: live.architecture,
      operatingSystem: live.operatingSystem,
      kubeletVersion: live.kubeletVersion,
      internalIp: live.internalIp,
      allocatable: {
        cpuMillicores: live.allocatableCpuMillicores,
        memoryMib: live.allocatableMemoryMib,
        storageMib: live.allocatableStorageMib,
        pods: live.allocatablePods,
      },
    });
    expect(live.allocatableCpuMillicores).toBeGreaterThan(0);
    expect(list.items.every((w) => w.name.includes('kwok-node'))).toBe(true);
  });

  it('status follows a cordon (MAINTENANCE, by the administrator) and an uncordon, each audited', async () => {
    const { id: workerId } = await getWorker(nodeName);
    const cordoned = await call('POST', `/api/v1/admin/workers/${workerId}/cordon`);
    expect(cordoned.statusCode).toBe(200);
    expect(cordoned.json()).toMatchObject({
      status: 'MAINTENANCE',
      schedulable: false,
      maintenance: { state: 'CORDONED', by: admin.id },
    });
    const node = await t.runtime.kube.get<V1Node>({ apiVersion: 'v1', kind: 'Node', name: nodeName });
    expect(node.spec?.unschedulable).toBe(true);
    const filtered = (await call('GET', '/api/v1/admin/workers?status=MAINTENANCE&pageSize=100')).json();
    expect(filtered.items.map((w: { name: string }) => w.name)).toContain(nodeName);
    expect(filtered.items.every((w: { status: string }) => w.status === 'MAINTENANCE')).toBe(true);

    const uncordoned = await call('POST', `/api/v1/admin/workers/${nodeName}/uncordon`);
    expect(uncordoned.statusCode).toBe(200);
    expect(uncordoned.json()).toMatchObject({ status: 'ACTIVE', schedulable: true, maintenance: null });
    // The informer agrees once it saw the node's update (it does not undo what the route wrote).
    await waitFor(async () => (await getWorker(nodeName))?.status === 'ACTIVE', { what: 'ACTIVE in the table' });

    const entries = await t.runtime.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'worker')));
    expect(entries.map((e) => e.action).sort()).toEqual(
      expect.arrayContaining([
        'admin.worker.cordon',
        'admin.worker.cordoned',
        'admin.worker.uncordon',
        'admin.worker.uncordoned',
      ]),
    );
    expect(entries.every((e) => e.actorId === admin.id)).toBe(true);
  });

  it('status follows the node’s Ready condition: NOT_READY, then ACTIVE again', async () => {
    // KWOK (the bed runs it with --manage-all-nodes) sets a Ready condition that is not True back to True
    // within a second, so the table is NOT_READY only briefly: a trigger in this file's own database
    // records every status the informer wrote, in order.
    const { pool } = t.runtime.database;
    await pool.query(`
      create table worker_status_log (seq bigserial primary key, name text not null, status text not null);
      create function log_worker_status() returns trigger language plpgsql as $$
        begin insert into worker_status_log (name, status) values (new.name, new.status); return new; end $$;
      create trigger worker_status_logged after update of status on workers
        for each row when (old.status is distinct from new.status) execute function log_worker_status();`);
    const statuses = async () =>
      (
        await pool.query<{ status: string }>('select status from worker_status_log where name = $1 order by seq', [
          nodeName,
        ])
      ).rows.map((r) => r.status);
    await kwok.setReady(nodeName, 'False');
    await waitFor(async () => (await statuses()).includes('NOT_READY'), {
      timeoutMs: 20_000,
      what: 'NOT_READY written',
    });
    // KWOK's correction comes back through the informer too.
    await waitFor(async () => (await statuses()).slice((await statuses()).indexOf('NOT_READY')).includes('ACTIVE'), {
      timeoutMs: 20_000,
      what: 'ACTIVE again after NOT_READY',
    });
    expect((await getWorker(nodeName))?.status).toBe('ACTIVE');
  });

  it('a node that disappears is marked gone (INACTIVE), not deleted; sync marks a row without a node gone', async () => {
    const doomed = `kapal-test-gone-${id}`;
    await t.runtime.kube.apply([kwok.node(doomed, id)]);
    const before = await waitFor(async () => getWorker(doomed), { timeoutMs: 30_000, what: 'the new worker' });
    expect(before.goneAt).toBeNull();
    await t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Node', name: doomed });
    const gone = await waitFor(
      async () => {
        const w = await getWorker(before.id);
        return w?.status === 'INACTIVE' && w;
      },
      { timeoutMs: 30_000, what: 'the deleted node marked gone' },
    );
    expect(gone.goneAt).not.toBeNull();
    expect(gone.podCount).toBe(0);
    // Gone workers are left out of the list unless asked for.
    const present = (await call('GET', `/api/v1/admin/workers?q=${doomed}`)).json();
    expect(present.total).toBe(0);
    const inactive = (await call('GET', `/api/v1/admin/workers?status=INACTIVE&q=${doomed}`)).json();
    expect(inactive.items.map((w: { id: string }) => w.id)).toEqual([before.id]);

    // A row whose node never existed (written while no informer ran): a sync finds it missing.
    const ghost = `kapal-test-ghost-${id}`;
    await t.runtime.database.pool.query('insert into workers (name) values ($1)', [ghost]);
    const sync = await call('POST', '/api/v1/admin/workers/sync');
    expect(sync.statusCode).toBe(200);
    expect(sync.json().gone).toContain(ghost);
    const nodes = await t.runtime.kube.list<V1Node>('v1', 'Node');
    expect(sync.json().workers).toBeGreaterThanOrEqual(4);
    expect(sync.json().workers).toBeLessThanOrEqual(nodes.length + 5);
    expect((await getWorker(ghost))?.status).toBe('INACTIVE');
    const audited = await t.runtime.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, 'all'));
    expect(audited.map((e) => e.action).sort()).toEqual(['admin.worker.sync', 'admin.worker.synced']);
  });

  it('stats sum the present workers from the table', async () => {
    const stats = (await call('GET', '/api/v1/admin/workers/stats')).json();
    const all = (await call('GET', '/api/v1/admin/workers?pageSize=100')).json();
    expect(stats.total).toBe(all.total);
    expect(stats.allocatable.cpuMillicores).toBe(
      all.items.reduce(
        (n: number, w: { allocatable: { cpuMillicores: number } }) => n + w.allocatable.cpuMillicores,
        0,
      ),
    );
    expect(stats.byStatus.ACTIVE).toBeGreaterThanOrEqual(4);
    expect(stats.byStatus.INACTIVE).toBeGreaterThanOrEqual(2);
    expect(stats.requested.cpuMillicores).toBeGreaterThanOrEqual(200);
    expect(stats.agents.never).toBe(stats.total);
  });

  it('an unknown worker is a 404 by name or id', async () => {
    expect((await call('GET', '/api/v1/admin/workers/no-such-node')).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/admin/workers/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const cordon = await call('POST', '/api/v1/admin/workers/no-such-node/cordon');
    expect(cordon.statusCode).toBe(404);
    expect(cordon.json().error.message).toBe('Worker not found');
  });
});
