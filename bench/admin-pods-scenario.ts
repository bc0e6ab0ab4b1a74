// GET /api/v1/admin/pods over 2,000 pods of 500 tenants, first page: every tenant's pods as an administrator
// sees them, joined with subscriptions, owners, services and plans. The baseline is a bare server running the
// same two statements (captured from drizzle) through pg. Kapal's API talks to Kubernetes only through a
// counting proxy (bench/kube-counting-proxy.ts, in front of the test bed's API server): the route must make
// no Kubernetes call, so the count over the whole scenario (probe, warm-up and rounds) is reported and any
// call fails the run. Without the test bed (no kubeconfig) the proxy is replaced by a local endpoint that
// counts requests the same way and answers 503 to each (Kapal cannot reach a cluster, and says so).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogSeedStep } from '../src/modules/catalog/catalog.seed.js';
import { adminPodsRepository } from '../src/modules/subscriptions/admin-pods.repository.js';
import { loadTemplates } from '../src/modules/templates/index.js';
import { createBenchDatabase } from './bench-database.js';
import { captureSql } from './capture-sql.js';
import { startCountingProxy } from './kube-counting-proxy.js';
import type { Scenario } from './scenarios.js';

const PODS = 2_000;
const TENANTS = 500;

interface KubeCounter {
  kubeconfig: string;
  counts(): Map<string, number>;
  total(): number;
  close(): Promise<void>;
  describe: string;
}

/** A local Kubernetes API that answers 503 to everything and counts what it is asked (no test bed). */
async function startCountingStub(dir: string): Promise<KubeCounter> {
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const key = `${req.method} ${new URL(req.url ?? '/', 'http://stub').pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    res.writeHead(503, { 'content-type': 'text/plain' }).end('no cluster in this bench run');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kubeconfig = join(dir, 'stub.kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
- name: stub
  cluster: { server: "http://127.0.0.1:${port}" }
users:
- name: stub
  user: {}
contexts:
- name: stub
  context: { cluster: stub, user: stub }
current-context: stub
`,
  );
  return {
    kubeconfig,
    counts: () => new Map(counts),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    describe: 'a local counting endpoint (no test bed kubeconfig found)',
  };
}

async function kubeCounter(dir: string): Promise<KubeCounter> {
  const testbed = process.env.KUBECONFIG ?? '/tmp/kapal-testbed/kubeconfig';
  if (!existsSync(testbed)) return startCountingStub(dir);
  const proxy = await startCountingProxy(testbed, dir, 'bench-admin-pods');
  return { ...proxy, describe: `the counting proxy in front of the test bed (${testbed})` };
}

export const adminPodsScenario: Scenario = {
  name: 'admin-pods',
  description: `GET /api/v1/admin/pods as an administrator, ${PODS.toLocaleString('en')} pods of ${TENANTS} tenants, first page of 20 (page and count statements over pods, subscriptions, users, services, plans)`,
  method: 'GET',
  path: '/api/v1/admin/pods',
  target: 0.5,
  async setup() {
    const bench = await createBenchDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'kapal-bench-admin-pods-'));
    const counter = await kubeCounter(dir);
    try {
      await catalogSeedStep.run({ database: bench.database, templates: loadTemplates() });
      const pool = bench.database.pool;
      await pool.query(
        `insert into users (email, password_hash, name, role, created_at)
         select 'tenant' || i || '@example.test', 'unusable', 'Tenant ' || i, 'USER', now() - i * interval '1 hour'
           from generate_series(1, $1::int) as i`,
        [TENANTS],
      );
      // Subscriptions over the tenants and the cheapest plan of each service in turn, with their pods in
      // the states the informers leave them: mostly RUNNING on one of three nodes, some stopped or ended.
      await pool.query(
        `with tenants as (select id, row_number() over (order by email) as n from users where role = 'USER'),
              cheapest as (select distinct on (s.id) s.id as service_id, p.id as plan_id
                             from services s join plans p on p.service_id = s.id order by s.id, p.price_monthly_idr),
              offers as (select service_id, plan_id, row_number() over (order by service_id) as n from cheapest),
              made as (
                insert into subscriptions (user_id, plan_id, service_id, name, host, status, price_idr, period_start, period_end, created_at)
                select t.id, o.plan_id, o.service_id, 'app-' || i, 'app-' || i || '.apps.bench',
                       (case when i % 50 = 0 then 'TERMINATED' when i % 40 = 0 then 'SUSPENDED' else 'ACTIVE' end)::subscription_status,
                       50000, now(), now() + interval '30 days', now() - i * interval '1 minute'
                  from generate_series(1, $1::int) as i
                  join tenants t on t.n = 1 + (i % $2::int)
                  join offers o on o.n = 1 + (i % (select count(*) from offers))
                returning id, user_id, name, status, created_at)
         insert into pods (subscription_id, user_id, status, namespace, workload_kind, workload_name, node_name,
                           restarts, desired_replicas, ready_replicas, available_replicas, provisioning_deadline_at,
                           ready_at, running_since, created_at)
         select m.id, m.user_id,
                (case m.status when 'TERMINATED' then 'TERMINATED' when 'SUSPENDED' then 'STOPPED' else 'RUNNING' end)::pod_status,
                'tenant-' || m.user_id, 'Deployment', m.name || '-' || left(md5(m.id::text), 8),
                case when m.status = 'ACTIVE' then 'kwok-node-' || (abs(hashtext(m.id::text)) % 3) end,
                0, 1, 1, 1, m.created_at + interval '10 minutes', m.created_at, m.created_at, m.created_at
           from made m`,
        [PODS, TENANTS],
      );
      await pool.query('analyze');
      const headers = await bench.signedIn('ADMINISTRATOR');
      // What the route runs for a request without a query string (the schema's defaults).
      const queries = await captureSql(pool, (db) =>
        adminPodsRepository.list(db, { sort: '-createdAt', page: 1, pageSize: 20 }),
      );
      return {
        env: { DATABASE_URL: bench.url, KUBECONFIG: counter.kubeconfig },
        headers,
        bareSql: { databaseUrl: bench.url, queries },
        async report() {
          const total = counter.total();
          const byKind = [...counter.counts()].map(([k, n]) => `${k}: ${n}`).join(', ');
          return {
            lines: [
              `admin-pods: Kubernetes API requests made by Kapal over the whole scenario (start, probe, warm-up, rounds), counted by ${counter.describe}: ${total}${byKind ? ` (${byKind})` : ''}`,
            ],
            problems:
              total > 0 ? [`admin-pods: Kapal made ${total} Kubernetes API requests; the list must make none`] : [],
          };
        },
        async teardown() {
          await counter.close();
          rmSync(dir, { recursive: true, force: true });
          await bench.drop();
        },
      };
    } catch (err) {
      await counter.close();
      rmSync(dir, { recursive: true, force: true });
      await bench.drop();
      throw err;
    }
  },
};
