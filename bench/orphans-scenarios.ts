/**
 * The orphan scan's benchmark (issue 10), on the test cluster, run by name only (`npm run bench -- orphans`):
 * `GET /api/v1/admin/pods/orphaned` with N live subscriptions and N/10 orphaned ones (default steps
 * 200, 1,000, 2,000 live: 2,000 live and 200 orphans at the last), timed, with the Kubernetes API calls
 * each scan makes counted by the proxy in front of the API server (bench/kube-counting-proxy.ts). The
 * target is a constant number of list calls whatever N is. Then one confirmed cleanup, timed and counted.
 *
 * The objects are made directly (not through Kapal's provisioning, which would take an hour at 2,000 on
 * this machine): per subscription a Deployment at 0 replicas (no pods to schedule), a headless Service (no
 * cluster IP to allocate) and a Secret; per tenant (10 subscriptions each) a namespace and a ResourceQuota;
 * server-side apply, 32 at a time, by a client that does not go through the proxy. The database rows are
 * written with SQL. Orphaned subscriptions are TERMINATED rows of tenants with nothing live, so their
 * namespaces are orphans too. Kapal's API runs in this process (buildApp over a runtime whose kubeconfig is
 * the proxy), on a database and queue prefix of the run's own. Everything made is removed at the end, also on
 * failure or Ctrl-C: the namespaces (waited for), the database, the Redis keys.
 *
 * Sizes: BENCH_ORPHAN_STEPS ("200,1000,2000", cumulative live subscriptions), BENCH_ORPHAN_SCANS (5 timed
 * scans per step, after one warm-up).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubernetesObject, V1Namespace } from '@kubernetes/client-node';
import { buildApp } from '../src/app.js';
import { LABELS, tenantNamespace } from '../src/modules/templates/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import { createKubeClient, type KubeClient, loadKubeConfig } from '../src/platform/kube/kube-client.js';
import { createRedis } from '../src/platform/redis.js';
import { createRuntime } from '../src/runtime.js';
import { deleteRedisKeys } from '../test/helpers/redis.js';
import { waitFor } from '../test/helpers/wait-for.js';
import { createBenchDatabase } from './bench-database.js';
import type { BillingBench, BillingBenchResult } from './billing-scenarios.js';
import { startCountingProxy } from './kube-counting-proxy.js';
import { median } from './stats.js';

const SUBSCRIPTIONS_PER_TENANT = 10;
const APPLY_CONCURRENCY = 32;
const hex = (n = 3) => randomBytes(n).toString('hex');
const realKubeconfig = () =>
  process.env.KUBECONFIG ?? join(process.env.TMPDIR ?? '/tmp', 'kapal-testbed', 'kubeconfig');

async function inTurns<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

interface Tenant {
  id: string;
  namespace: string;
  subscriptions: string[];
}

const labels = (tenantId: string, subscriptionId?: string) => ({
  [LABELS.managedBy]: 'kapal',
  [LABELS.tenant]: tenantId,
  ...(subscriptionId ? { [LABELS.subscription]: subscriptionId } : {}),
});

function tenantObjects(tenant: Tenant): KubernetesObject[][] {
  const ns = tenant.namespace;
  const first: KubernetesObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { ...labels(tenant.id), [LABELS.legacyManaged]: 'true' } },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-quota', namespace: ns, labels: labels(tenant.id) },
      spec: { hard: { pods: '100' } },
    } as KubernetesObject,
  ];
  const perSubscription = tenant.subscriptions.map((id) => {
    const name = `app-${id.slice(0, 8)}`;
    const l = labels(tenant.id, id);
    return [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: ns, labels: l },
        spec: {
          replicas: 0,
          selector: { matchLabels: { [LABELS.subscription]: id } },
          template: {
            metadata: { labels: { [LABELS.subscription]: id } },
            spec: { containers: [{ name: 'app', image: 'registry.invalid/bench:1' }] },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: ns, labels: l },
        spec: { clusterIP: 'None', selector: { [LABELS.subscription]: id }, ports: [{ port: 80 }] },
      },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns, labels: l }, stringData: { k: 'v' } },
    ] as unknown as KubernetesObject[];
  });
  return [first, ...perSubscription];
}

async function applyAll(kube: KubeClient, tenants: Tenant[]) {
  // Namespaces first (their objects need them), then everything else, 32 at a time.
  const groups = tenants.map(tenantObjects);
  await inTurns(
    groups.map((g) => g[0]!),
    APPLY_CONCURRENCY,
    async (objs) => {
      await kube.apply(objs);
    },
  );
  const rest = groups.flatMap((g) => g.slice(1)).flat();
  await inTurns(rest, APPLY_CONCURRENCY, async (o) => {
    await kube.apply([o]);
  });
  return groups.reduce((n, g) => n + g.flat().length, 0);
}

function makeTenants(subscriptions: number): Tenant[] {
  const tenants: Tenant[] = [];
  for (let i = 0; i < subscriptions; i += SUBSCRIPTIONS_PER_TENANT) {
    const id = randomUUID();
    tenants.push({
      id,
      namespace: tenantNamespace(id),
      subscriptions: Array.from({ length: Math.min(SUBSCRIPTIONS_PER_TENANT, subscriptions - i) }, () => randomUUID()),
    });
  }
  return tenants;
}

export const orphansBench: BillingBench = {
  name: 'orphans',
  description:
    'GET /admin/pods/orphaned with N live subscriptions and N/10 orphaned ones: time and Kubernetes API calls per scan; one confirmed cleanup',
  async run(): Promise<BillingBenchResult> {
    const steps = (process.env.BENCH_ORPHAN_STEPS ?? '200,1000,2000').split(',').map(Number);
    const scans = Number(process.env.BENCH_ORPHAN_SCANS ?? 5);
    const lines: string[] = [];
    const problems: string[] = [];
    const cleanups: (() => Promise<unknown>)[] = [];
    const namespaces = new Set<string>();
    const direct = createKubeClient({ kubeConfig: loadKubeConfig(realKubeconfig()), requestTimeoutMs: 60_000 });
    let interrupted = false;
    const runCleanups = async () => {
      while (cleanups.length > 0)
        await cleanups.pop()!().catch((err) =>
          console.error(`[bench] clean-up step failed: ${(err as Error).message}`),
        );
    };
    const onSignal = () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error('[bench] interrupted: cleaning up (again to exit at once)');
      void runCleanups().finally(() => process.exit(130));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const bench = await createBenchDatabase();
      cleanups.push(() => bench.drop());
      cleanups.push(async () => {
        const wanted = [...namespaces];
        await inTurns(wanted, 16, async (name) => {
          await direct.delete({ apiVersion: 'v1', kind: 'Namespace', name }).catch(() => false);
        });
        await waitFor(
          async () =>
            (
              await direct.list<V1Namespace>('v1', 'Namespace', { labelSelector: `${LABELS.legacyManaged}=true` })
            ).every((n) => !namespaces.has(n.metadata!.name!)),
          { timeoutMs: 900_000, intervalMs: 2_000, what: `${wanted.length} bench namespaces deleted` },
        );
      });
      const dir = mkdtempSync(join(tmpdir(), 'kapal-bench-orphans-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const proxy = await startCountingProxy(realKubeconfig(), dir, 'kapal');
      cleanups.push(() => proxy.close());
      const queuePrefix = `kapal-bench-${hex(4)}`;
      cleanups.push(async () => {
        const redis = createRedis(loadConfig().redis.url, { name: 'kapal-bench-cleanup' });
        await deleteRedisKeys(redis, queuePrefix).finally(() => redis.quit());
      });
      const runtime = createRuntime(
        loadConfig({
          ...process.env,
          DATABASE_URL: bench.url,
          QUEUE_PREFIX: queuePrefix,
          KUBECONFIG: proxy.kubeconfig,
          LOG_LEVEL: 'silent',
        }),
      );
      cleanups.push(() => runtime.close());
      const app = await buildApp(runtime);
      cleanups.push(() => app.close());
      const admin = await bench.signedIn('ADMINISTRATOR');
      const pool = bench.database.pool;

      async function insertRows(tenants: Tenant[], status: 'ACTIVE' | 'TERMINATED') {
        await pool.query(
          `insert into users (id, email, password_hash, name)
           select id, 'orphans-' || id || '@example.test', 'unusable', 'Bench' from unnest($1::uuid[]) id`,
          [tenants.map((t) => t.id)],
        );
        const subs = tenants.flatMap((t) => t.subscriptions.map((id) => ({ id, userId: t.id, ns: t.namespace })));
        await pool.query(
          `insert into subscriptions (id, user_id, name, host, price_idr, period_start, period_end, status, terminated_at)
           select s.id, s.user_id, 'app-' || left(s.id::text, 8), left(s.id::text, 8) || '-' || s.id || '.apps.test', 0,
                  now(), now() + interval '30 days', $3::subscription_status,
                  case when $3 = 'TERMINATED' then now() end
             from unnest($1::uuid[], $2::uuid[]) as s(id, user_id)`,
          [subs.map((s) => s.id), subs.map((s) => s.userId), status],
        );
        await pool.query(
          `insert into pods (subscription_id, user_id, status, namespace, workload_kind, workload_name,
                             provisioning_deadline_at, terminated_at)
           select s.id, s.user_id, $4::pod_status, s.ns, 'Deployment', 'app-' || left(s.id::text, 8), now(),
                  case when $4 = 'TERMINATED' then now() end
             from unnest($1::uuid[], $2::uuid[], $3::text[]) as s(id, user_id, ns)`,
          [
            subs.map((s) => s.id),
            subs.map((s) => s.userId),
            subs.map((s) => s.ns),
            status === 'ACTIVE' ? 'STOPPED' : 'TERMINATED',
          ],
        );
      }

      const scan = async () => {
        proxy.reset();
        const started = performance.now();
        const res = await app.inject({ method: 'GET', url: '/api/v1/admin/pods/orphaned', headers: admin });
        const ms = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`GET /admin/pods/orphaned answered ${res.statusCode}: ${res.body}`);
        const counts = proxy.counts();
        const requests = [...counts.values()].reduce((a, b) => a + b, 0);
        const lists = [...counts.entries()].filter(([k]) => k.startsWith('GET ')).reduce((a, [, v]) => a + v, 0);
        return { ms, requests, lists, counts, report: res.json() };
      };

      lines.push(
        '',
        'orphans: GET /api/v1/admin/pods/orphaned (in-process inject), Kubernetes requests counted by the proxy',
        `  live    orphaned  objects   scan p50 ms  min–max ms   list calls  HTTP requests (pages of 500)  orphan objects  orphan ns  live w/o objects`,
      );
      let live: Tenant[] = [];
      let dead: Tenant[] = [];
      let madeObjects = 0;
      const figures: Record<string, unknown>[] = [];
      const listCallsSeen = new Set<number>();
      for (const target of steps) {
        const addLive = makeTenants(target - live.reduce((n, t) => n + t.subscriptions.length, 0));
        const orphanTarget = Math.round(target / 10);
        const addDead = makeTenants(orphanTarget - dead.reduce((n, t) => n + t.subscriptions.length, 0));
        for (const t of [...addLive, ...addDead]) namespaces.add(t.namespace);
        await insertRows(addLive, 'ACTIVE');
        if (addDead.length > 0) await insertRows(addDead, 'TERMINATED');
        const fillStarted = performance.now();
        madeObjects += await applyAll(direct, [...addLive, ...addDead]);
        const fillMs = performance.now() - fillStarted;
        live = [...live, ...addLive];
        dead = [...dead, ...addDead];
        const liveCount = live.reduce((n, t) => n + t.subscriptions.length, 0);
        const deadCount = dead.reduce((n, t) => n + t.subscriptions.length, 0);
        console.error(
          `[bench] orphans: ${liveCount} live + ${deadCount} orphaned subscriptions, ${madeObjects} objects (this step's applied in ${(fillMs / 1000).toFixed(1)} s)`,
        );

        await scan(); // warm-up: discovery, JIT, pools
        const samples = [];
        for (let i = 0; i < scans; i++) samples.push(await scan());
        const last = samples.at(-1)!;
        const mine = (
          last.report.namespaces as {
            namespace: string;
            namespaceReason: string | null;
            objects: { reason: string }[];
          }[]
        ).filter((g) => namespaces.has(g.namespace));
        const orphanObjects = mine.reduce((n, g) => n + g.objects.length, 0);
        const orphanNamespaces = mine.filter((g) => g.namespaceReason).length;
        const expectedObjects = deadCount * 3 + dead.length;
        if (orphanObjects !== expectedObjects)
          problems.push(
            `orphans at ${liveCount}: found ${orphanObjects} orphaned objects of the bench's, expected ${expectedObjects}`,
          );
        if (orphanNamespaces !== dead.length)
          problems.push(
            `orphans at ${liveCount}: found ${orphanNamespaces} orphaned namespaces, expected ${dead.length}`,
          );
        const liveMine = last.report.liveWithoutObjects.length;
        if (liveMine !== 0)
          problems.push(`orphans at ${liveCount}: ${liveMine} live subscriptions reported without objects`);
        const listCalls = samples.map((s) => s.report.kubernetesListCalls as number);
        for (const n of listCalls) listCallsSeen.add(n);
        const ms = samples.map((s) => s.ms);
        lines.push(
          [
            String(liveCount).padStart(6),
            String(deadCount).padStart(9),
            String(madeObjects).padStart(8),
            median(ms).toFixed(0).padStart(13),
            `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}`.padStart(12),
            String(median(listCalls)).padStart(12),
            `${median(samples.map((s) => s.requests))}`.padStart(29),
            String(orphanObjects).padStart(15),
            String(orphanNamespaces).padStart(10),
            String(liveMine).padStart(17),
          ].join(' '),
        );
        figures.push({
          live: liveCount,
          orphaned: deadCount,
          objects: madeObjects,
          scanMsMedian: median(ms),
          scanMs: ms,
          listCalls: median(listCalls),
          httpRequests: samples.map((s) => s.requests),
          lastScanRequests: Object.fromEntries(last.counts),
          orphanObjects,
          orphanNamespaces,
        });
        lines.push(
          `          requests of the last scan: ${[...last.counts.entries()]
            .sort()
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        );
      }
      if (listCallsSeen.size !== 1)
        problems.push(`orphans: list calls per scan varied: ${[...listCallsSeen].join(', ')}`);

      // One confirmed cleanup of the last step's orphans (other tests' objects are unknown here: kept).
      proxy.reset();
      const started = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/admin/pods/orphaned/cleanup',
        headers: admin,
        payload: { confirm: true },
      });
      const cleanupMs = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`cleanup answered ${res.statusCode}: ${res.body}`);
      const result = res.json();
      const deletes = [...proxy.counts().entries()]
        .filter(([k]) => k.startsWith('DELETE '))
        .reduce((a, [, v]) => a + v, 0);
      const deadNamespaces = new Set(dead.map((t) => t.namespace));
      const strays = (result.objects as { namespace: string; result: string }[]).filter(
        (o) => o.result === 'deleted' && !deadNamespaces.has(o.namespace),
      );
      if (strays.length > 0)
        problems.push(`orphans: the cleanup deleted ${strays.length} objects outside the bench's orphans`);
      lines.push(
        `  cleanup with confirm: ${(cleanupMs / 1000).toFixed(2)} s, ${result.counts.deleted} objects deleted, ${result.counts.namespacesDeleted} namespaces, ${result.counts.failed} failed; ${deletes} DELETE requests, ${proxy.total()} requests in all`,
      );
      const after = await scan();
      const left = (
        after.report.namespaces as { namespace: string; objects: unknown[]; namespaceReason: string | null }[]
      ).filter((g) => deadNamespaces.has(g.namespace));
      if (left.some((g) => g.objects.length > 0))
        problems.push("orphans: objects of the bench's orphans left after the cleanup");
      lines.push(`  a scan after it: ${after.ms.toFixed(0)} ms, ${after.report.kubernetesListCalls} list calls`);
      return {
        name: 'orphans',
        lines,
        problems,
        figures: { steps: figures, cleanup: { ms: cleanupMs, counts: result.counts, deleteRequests: deletes } },
      };
    } finally {
      await runCleanups();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
