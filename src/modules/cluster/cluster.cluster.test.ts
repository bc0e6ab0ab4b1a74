import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { insertBareSubscription } from '../../../test/helpers/subscriptions.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { KubernetesObject } from '../../platform/kube/kube-client.js';
import { LABELS, tenantNamespace } from '../templates/index.js';
import { cleanupOrphans } from './cleanup.js';
import { orphanReport, scanCluster } from './orphans.js';

/**
 * Orphans made by hand in namespaces of this file's own tenants (users of this file's database), while
 * other test files' subscriptions run in the same cluster: their objects belong to subscriptions this
 * database does not know, so the scan reports them as unknown and a cleanup never touches them.
 */
describe('orphans, their cleanup and the debug view on the test cluster', () => {
  let t: TestRuntime;
  let admin: TestUser;
  // Tenants: D (a terminated subscription), E (a failed one), U (a terminated one and an object not Kapal's),
  // L (live: one subscription with objects and a RUNNING pod record, one with nothing in the cluster).
  const tenant = { D: randomUUID(), E: randomUUID(), U: randomUUID(), L: randomUUID() };
  const ns = {
    D: tenantNamespace(tenant.D),
    E: tenantNamespace(tenant.E),
    U: tenantNamespace(tenant.U),
    L: tenantNamespace(tenant.L),
  };
  let dead: { D: string; E: string; U: string };
  let live: { withObjects: string; empty: string };
  const strangerSubscription = randomUUID();

  const labels = (userId: string, subscriptionId?: string) => ({
    [LABELS.managedBy]: 'kapal',
    [LABELS.tenant]: userId,
    ...(subscriptionId ? { [LABELS.subscription]: subscriptionId } : {}),
  });
  const namespace = (name: string, userId: string): KubernetesObject => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...labels(userId), [LABELS.legacyManaged]: 'true' } },
  });
  const deployment = (nsName: string, name: string, objectLabels: Record<string, string>, replicas = 0) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: nsName, labels: objectLabels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'registry.invalid/orphan:1' }] },
      },
    },
  });
  const service = (nsName: string, name: string, objectLabels: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: nsName, labels: objectLabels },
    spec: { selector: { app: name }, ports: [{ port: 80 }] },
  });
  const secret = (nsName: string, name: string, objectLabels: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: nsName, labels: objectLabels },
    stringData: { key: 'value' },
  });
  const pvc = (nsName: string, name: string, objectLabels: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: nsName, labels: objectLabels },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Mi' } } },
  });
  const quota = (nsName: string, userId: string) => ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'tenant-quota', namespace: nsName, labels: labels(userId) },
    spec: { hard: { pods: '10' } },
  });
  const configMap = (nsName: string, name: string, objectLabels: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: nsName, labels: objectLabels },
    data: { note: 'made by hand' },
  });

  type Ref = { apiVersion: string; kind: string; name: string; namespace?: string };
  const refOf = (o: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }): Ref => ({
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.metadata.name,
    namespace: o.metadata.namespace,
  });
  /** The object exists and is not being deleted. */
  const present = async (ref: Ref) => {
    try {
      const o = await t.runtime.kube.get(ref);
      return !o.metadata?.deletionTimestamp;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return false;
      throw err;
    }
  };

  let fixtures: {
    deadObjects: Ref[];
    liveObjects: Ref[];
    unlabelled: Ref;
    stranger: Ref;
  };

  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    const db = t.runtime.database.db;
    dead = {
      D: (await insertBareSubscription(db, { userId: tenant.D })).id,
      E: (await insertBareSubscription(db, { userId: tenant.E })).id,
      U: (await insertBareSubscription(db, { userId: tenant.U })).id,
    };
    await db.execute(sql`update subscriptions set status = 'FAILED', failed_at = now() where id = ${dead.E}`);
    await db.execute(
      sql`update subscriptions set status = 'TERMINATED', terminated_at = now() where id in (${dead.D}, ${dead.U})`,
    );
    live = {
      withObjects: (await insertBareSubscription(db, { userId: tenant.L })).id,
      empty: (await insertBareSubscription(db, { userId: tenant.L })).id,
    };
    await db.execute(sql`
      insert into pods (subscription_id, user_id, status, namespace, workload_kind, workload_name, provisioning_deadline_at)
      values (${live.withObjects}, ${tenant.L}, 'RUNNING', ${ns.L}, 'Deployment', 'live-app', now())`);

    const dObjects = [
      deployment(ns.D, 'old-app', labels(tenant.D, dead.D)),
      service(ns.D, 'old-app', labels(tenant.D, dead.D)),
      secret(ns.D, 'old-app', labels(tenant.D, dead.D)),
      pvc(ns.D, 'old-app-data', labels(tenant.D, dead.D)),
      quota(ns.D, tenant.D),
    ];
    // A labelled Deployment in a managed namespace, of a tenant with no live subscription (no subscription label).
    const eObjects = [deployment(ns.E, 'stray', labels(tenant.E))];
    const uObjects = [deployment(ns.U, 'old-app', labels(tenant.U, dead.U))];
    const unlabelled = configMap(ns.U, 'made-by-hand', {});
    const liveObjects = [
      deployment(ns.L, 'live-app', labels(tenant.L, live.withObjects)),
      secret(ns.L, 'live-app', labels(tenant.L, live.withObjects)),
      quota(ns.L, tenant.L),
    ];
    const stranger = secret(ns.L, 'stranger', labels(tenant.L, strangerSubscription));
    await t.runtime.kube.apply([
      namespace(ns.D, tenant.D),
      namespace(ns.E, tenant.E),
      namespace(ns.U, tenant.U),
      namespace(ns.L, tenant.L),
    ]);
    await Promise.all(
      [...dObjects, ...eObjects, ...uObjects, unlabelled, ...liveObjects, stranger].map((o) =>
        t.runtime.kube.apply([o]),
      ),
    );
    fixtures = {
      deadObjects: [...dObjects, ...eObjects, ...uObjects].map(refOf),
      liveObjects: liveObjects.map(refOf),
      unlabelled: refOf(unlabelled),
      stranger: refOf(stranger),
    };
  }, 120_000);

  afterAll(async () => {
    if (t) {
      await Promise.all(
        Object.values(ns).map((name) =>
          t.runtime.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name }).catch(() => false),
        ),
      );
      await t.close();
    }
  }, 60_000);

  const inject = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, payload: payload as never });

  type Group = {
    namespace: string;
    namespaceReason: string | null;
    namespaceCleanup: string;
    objects: { kind: string; name: string; reason: string; cleanup: string; ageSeconds: number }[];
  };
  const mine = (groups: Group[]) =>
    Object.fromEntries(
      groups.filter((g) => Object.values(ns).includes(g.namespace)).map((g) => [g.namespace, g] as const),
    ) as Record<string, Group>;
  const summary = (g: Group | undefined) =>
    g?.objects.map((o) => `${o.kind}/${o.name} ${o.reason} ${o.cleanup}`).sort();

  it('finds the orphans by namespace with age and reason, and the live subscription with nothing in the cluster', async () => {
    const res = await inject('GET', '/admin/pods/orphaned');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.kubernetesListCalls).toBe(19);
    const groups = mine(report.namespaces);
    expect(summary(groups[ns.D])).toEqual([
      'Deployment/old-app subscription-ended delete',
      'PersistentVolumeClaim/old-app-data subscription-ended delete',
      'ResourceQuota/tenant-quota tenant-without-live-subscription delete',
      'Secret/old-app subscription-ended delete',
      'Service/old-app subscription-ended delete',
    ]);
    expect(groups[ns.D]).toMatchObject({
      namespaceReason: 'tenant-without-live-subscription',
      namespaceCleanup: 'delete',
    });
    expect(groups[ns.D]!.objects.every((o) => o.ageSeconds >= 0)).toBe(true);
    expect(summary(groups[ns.E])).toEqual(['Deployment/stray tenant-without-live-subscription delete']);
    expect(summary(groups[ns.U])).toEqual([
      'ConfigMap/made-by-hand unlabelled-in-managed-namespace keep',
      'Deployment/old-app subscription-ended delete',
    ]);
    expect(groups[ns.U]).toMatchObject({
      namespaceReason: 'tenant-without-live-subscription',
      namespaceCleanup: 'keep',
    });
    // The live tenant's namespace: only the object of a subscription this database does not know.
    expect(summary(groups[ns.L])).toEqual(['Secret/stranger subscription-unknown delete-with-include-unknown']);
    expect(groups[ns.L]!.namespaceReason).toBeNull();

    const missing = report.liveWithoutObjects.filter((l: { tenantId: string }) => l.tenantId === tenant.L);
    expect(missing).toEqual([
      expect.objectContaining({ subscriptionId: live.empty, missing: 'objects', status: 'ACTIVE' }),
    ]);
  });

  it('refuses a body that is not a cleanup request', async () => {
    const wrong = await inject('POST', '/admin/pods/orphaned/cleanup', { confirm: 'yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('confirm');
    const typo = await inject('POST', '/admin/pods/orphaned/cleanup', { confrim: true });
    expect(typo.statusCode).toBe(400);
    const badNamespace = await inject('POST', '/admin/pods/orphaned/cleanup', { namespaces: ['Not_A_Namespace'] });
    expect(badNamespace.statusCode).toBe(400);
    for (const ref of fixtures.deadObjects) expect(await present(ref), `${ref.kind}/${ref.name}`).toBe(true);
  });

  it('a dry run lists what would go and deletes nothing', async () => {
    const res = await inject('POST', '/admin/pods/orphaned/cleanup', {});
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.dryRun).toBe(true);
    const mineOnly = result.objects.filter((o: { namespace: string }) => Object.values(ns).includes(o.namespace));
    expect(
      mineOnly.map((o: { kind: string; name: string; result: string }) => `${o.kind}/${o.name} ${o.result}`).sort(),
    ).toEqual(
      [
        'Deployment/old-app would-delete',
        'Deployment/old-app would-delete',
        'Deployment/stray would-delete',
        'PersistentVolumeClaim/old-app-data would-delete',
        'ResourceQuota/tenant-quota would-delete',
        'Secret/old-app would-delete',
        'Service/old-app would-delete',
      ].sort(),
    );
    const namespaces = result.namespaces.filter((n: { namespace: string }) => Object.values(ns).includes(n.namespace));
    expect(namespaces.map((n: { namespace: string }) => n.namespace).sort()).toEqual([ns.D, ns.E].sort());
    for (const ref of [...fixtures.deadObjects, ...fixtures.liveObjects, fixtures.unlabelled, fixtures.stranger])
      expect(await present(ref), `${ref.kind}/${ref.namespace}/${ref.name}`).toBe(true);
    const audited = await t.runtime.database.pool.query(
      `select count(*)::int as n from audit_log where action = 'admin.cluster.orphans_cleaned'`,
    );
    expect(audited.rows[0].n).toBe(0);
  });

  it('the debug view shows the API, managed namespaces with workloads, and the database against the cluster', async () => {
    const res = await inject('GET', '/admin/debug/kubernetes');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.api).toMatchObject({ reachable: true, error: null });
    expect(view.api.version).toMatch(/^v1\./);
    expect(view.scan).toMatchObject({ ok: true, kubernetesListCalls: 19 });
    const liveNs = view.managedNamespaces.items.find((n: { name: string }) => n.name === ns.L);
    // The view lists 100 namespaces in name order: others' tests may push ours out; check it when listed.
    if (liveNs)
      expect(liveNs.workloads).toEqual([
        expect.objectContaining({ kind: 'Deployment', name: 'live-app', desired: 0, status: 'scaled-down' }),
      ]);
    expect(view.managedNamespaces.total).toBeGreaterThanOrEqual(4);
    // The pod is RUNNING in the database, its Deployment has no replicas.
    expect(view.diff.podStatusMismatches).toEqual([
      expect.objectContaining({
        subscriptionId: live.withObjects,
        dbStatus: 'RUNNING',
        cluster: { desired: 0, ready: 0, available: 0 },
        why: 'RUNNING, but not every replica is available',
      }),
    ]);
    expect(view.diff.liveWithoutObjects.map((l: { subscriptionId: string }) => l.subscriptionId)).toEqual([live.empty]);
    expect(view.diff.orphans['subscription-ended']).toBeGreaterThanOrEqual(5);
    expect(view.informers.error).toBeNull();
  });

  it("the debug view shows a worker's informers once it runs them", async () => {
    await t.runtime.modules.startInWorker();
    const view = await waitFor(
      async () => {
        const res = await inject('GET', '/admin/debug/kubernetes');
        const body = res.json();
        const watches = body.informers.processes.flatMap((p: { watches: unknown[] }) => p.watches);
        const deployments = watches.find((w: { kind: string; synced: boolean }) => w.kind === 'Deployment' && w.synced);
        return deployments ? body : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'a synced Deployment informer in the debug view' },
    );
    const deployments = view.informers.processes[0].watches.find((w: { kind: string }) => w.kind === 'Deployment');
    expect(deployments).toMatchObject({ apiVersion: 'apps/v1', synced: true, failures: 0, lastError: null });
    expect(deployments.objects).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('with confirm, deletes the orphans and their empty namespaces; live, unknown and unlabelled objects survive', async () => {
    const res = await inject('POST', '/admin/pods/orphaned/cleanup', { confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.dryRun).toBe(false);
    const mineOnly = result.objects.filter((o: { namespace: string }) => Object.values(ns).includes(o.namespace));
    expect(mineOnly).toHaveLength(7);
    for (const o of mineOnly) expect(['deleted', 'already-gone']).toContain(o.result);
    const namespaces = result.namespaces.filter((n: { namespace: string }) => Object.values(ns).includes(n.namespace));
    expect(namespaces.map((n: { namespace: string; result: string }) => `${n.namespace} ${n.result}`).sort()).toEqual(
      [`${ns.D} deleted`, `${ns.E} deleted`].sort(),
    );
    // Nothing else was touched: every object the cleanup deleted is one of this file's.
    for (const o of result.objects) if (o.result === 'deleted') expect(Object.values(ns)).toContain(o.namespace);
    for (const n of result.namespaces) if (n.result === 'deleted') expect([ns.D, ns.E]).toContain(n.namespace);

    for (const ref of fixtures.deadObjects)
      await waitFor(async () => !(await present(ref)), { timeoutMs: 60_000, what: `${ref.kind}/${ref.name} gone` });
    for (const name of [ns.D, ns.E])
      await waitFor(async () => !(await present({ apiVersion: 'v1', kind: 'Namespace', name })), {
        timeoutMs: 60_000,
        what: `namespace ${name} going`,
      });
    for (const ref of [...fixtures.liveObjects, fixtures.unlabelled, fixtures.stranger])
      expect(await present(ref), `${ref.kind}/${ref.namespace}/${ref.name}`).toBe(true);
    for (const name of [ns.U, ns.L]) expect(await present({ apiVersion: 'v1', kind: 'Namespace', name })).toBe(true);

    const audit = await t.runtime.database.pool.query(
      `select actor_id, details from audit_log where action = 'admin.cluster.orphans_cleaned'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_id).toBe(admin.id);
    expect(audit.rows[0].details.counts.deleted).toBeGreaterThanOrEqual(7);
    expect(audit.rows[0].details.objects.length).toBeLessThanOrEqual(100);

    // The orphans are gone from the report; the unlabelled object and the stranger's are still reported.
    const after = mine((await inject('GET', '/admin/pods/orphaned')).json().namespaces);
    expect(summary(after[ns.D])).toBeUndefined();
    expect(summary(after[ns.U])).toEqual(['ConfigMap/made-by-hand unlabelled-in-managed-namespace keep']);
    expect(summary(after[ns.L])).toEqual(['Secret/stranger subscription-unknown delete-with-include-unknown']);
  }, 150_000);

  it('includeUnknown limited to one namespace deletes the unknown subscription’s object there, and nothing live', async () => {
    const res = await inject('POST', '/admin/pods/orphaned/cleanup', {
      confirm: true,
      includeUnknown: true,
      namespaces: [ns.L],
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(
      result.objects.map((o: { kind: string; name: string; result: string }) => `${o.kind}/${o.name} ${o.result}`),
    ).toEqual(['Secret/stranger deleted']);
    expect(result.namespaces).toEqual([]);
    await waitFor(async () => !(await present(fixtures.stranger)), { timeoutMs: 30_000, what: 'the stranger gone' });
    for (const ref of fixtures.liveObjects) expect(await present(ref), `${ref.kind}/${ref.name}`).toBe(true);
  }, 60_000);

  it('a subscription that turned live between the scan and the delete keeps its objects (read again before deleting)', async () => {
    const db = t.runtime.database.db;
    const revived = await insertBareSubscription(db, { userId: tenant.U });
    await db.execute(sql`update subscriptions set status = 'TERMINATED' where id = ${revived.id}`);
    const object = secret(ns.U, 'revived', labels(tenant.U, revived.id));
    await t.runtime.kube.apply([object]);
    const inventory = t.runtime.modules.ports.clusterInventory!;
    const report = orphanReport(
      await scanCluster({ kube: t.runtime.kube, inventory, executor: db, now: () => new Date() }),
    );
    const listed = report.namespaces.find((g) => g.namespace === ns.U)?.objects.find((o) => o.name === 'revived');
    expect(listed).toMatchObject({ reason: 'subscription-ended', cleanup: 'delete' });
    // Between the scan and the delete, the subscription is live (a race the cleanup must lose safely).
    await db.execute(sql`update subscriptions set status = 'ACTIVE' where id = ${revived.id}`);
    const result = await cleanupOrphans(
      {
        kube: t.runtime.kube,
        inventory,
        database: t.runtime.database,
        audit: t.runtime.modules.ports.audit!,
        logger: t.runtime.logger,
      },
      report,
      { confirm: true, includeUnknown: false, namespaces: [ns.U] },
      { id: admin.id },
    );
    expect(result.objects.find((o) => o.name === 'revived')).toMatchObject({
      result: 'skipped',
      message: 'the subscription is live now',
    });
    expect(await present(refOf(object))).toBe(true);
  }, 60_000);
});
