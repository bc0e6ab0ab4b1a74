import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { anEndedPodOf } from '../../../test/helpers/subscriptions.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { createSecretBox } from '../../platform/crypto/secret-box.js';
import { catalogSeedStep } from '../catalog/catalog.seed.js';
import { createDatabaseSecretStore, subscriptionBaseName, tenantNamespace } from '../templates/index.js';

/**
 * GET /admin/pods (list, filters, sort, pages, stats, one pod's view) and the admin actions' rules, on rows
 * written straight to the database. The Kubernetes API of this tier is a closed port, and the runtime's kube
 * client counts every call it makes (the kapal_kube_requests_total metric): the reads must make none. Every
 * statement the pool runs is counted too: a list is two statements whatever it filters or finds.
 */
describe('administrators and every tenant pod', () => {
  let t: TestRuntime;
  let admin: TestUser;
  let ayu: TestUser;
  let budi: TestUser;
  const plans = new Map<string, { planId: string; serviceId: string }>();
  const ids: Record<string, { podId: string; subscriptionId: string }> = {};
  let statements = 0;

  const get = (url: string, headers = admin.headers) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const post = (url: string, headers = admin.headers) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers });

  async function kubeCalls() {
    const metric = await t.runtime.metrics.kubeRequests.get();
    return metric.values.reduce((sum, v) => sum + v.value, 0);
  }

  /** A subscription and its pod, as the reconciler and informers would have left them. */
  async function insertPod(
    key: string,
    o: {
      user: TestUser;
      slug: string;
      name: string;
      status: string;
      node?: string | null;
      minutesAgo: number;
      subscriptionStatus?: string;
      readyAt?: boolean;
      adminStopped?: boolean;
    },
  ) {
    const { planId, serviceId } = plans.get(o.slug)!;
    const subscriptionId = randomUUID();
    const podId = randomUUID();
    const createdAt = new Date(Date.now() - o.minutesAgo * 60_000).toISOString();
    await t.runtime.database.db.execute(sql`
      insert into subscriptions (id, user_id, plan_id, service_id, name, host, status, price_idr, period_start, period_end, created_at)
      values (${subscriptionId}, ${o.user.id}, ${planId}, ${serviceId}, ${o.name}, ${`${o.name}.apps.test`},
              ${o.subscriptionStatus ?? 'ACTIVE'}, 50000, now(), now() + interval '30 days', ${createdAt})`);
    await t.runtime.database.db.execute(sql`
      insert into pods (id, subscription_id, user_id, status, namespace, workload_kind, workload_name, node_name,
                        provisioning_deadline_at, ready_at, admin_stopped_at, created_at)
      values (${podId}, ${subscriptionId}, ${o.user.id}, ${o.status}, ${tenantNamespace(o.user.id)}, 'Deployment',
              ${subscriptionBaseName({ id: subscriptionId, name: o.name })}, ${o.node ?? null}, now(),
              ${o.readyAt === false ? null : createdAt}, ${o.adminStopped ? createdAt : null}, ${createdAt})`);
    ids[key] = { podId, subscriptionId };
    return ids[key];
  }

  beforeAll(async () => {
    t = await startTestRuntime();
    await catalogSeedStep.run({ database: t.runtime.database, templates: t.runtime.modules.ports.templates! });
    const { rows } = await t.runtime.database.pool.query<{ slug: string; plan_id: string; service_id: string }>(
      `select distinct on (s.slug) s.slug, p.id as plan_id, s.id as service_id
         from services s join plans p on p.service_id = s.id order by s.slug, p.price_monthly_idr`,
    );
    for (const r of rows) plans.set(r.slug, { planId: r.plan_id, serviceId: r.service_id });
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    ayu = await createUserWithToken(t, { name: 'Ayu', email: `ayu-${randomUUID().slice(0, 8)}@example.test` });
    budi = await createUserWithToken(t, { name: 'Budi', email: `budi-${randomUUID().slice(0, 8)}@example.test` });
    await insertPod('flows', {
      user: ayu,
      slug: 'n8n',
      name: 'flows',
      status: 'RUNNING',
      node: 'kwok-node-1',
      minutesAgo: 60,
    });
    await insertPod('blog', {
      user: ayu,
      slug: 'ghost',
      name: 'blog',
      status: 'DEGRADED',
      node: 'kwok-node-2',
      minutesAgo: 50,
    });
    await insertPod('uptime', {
      user: budi,
      slug: 'uptime-kuma',
      name: 'uptime',
      status: 'RUNNING',
      node: 'kwok-node-1',
      minutesAgo: 40,
    });
    await insertPod('code', {
      user: budi,
      slug: 'gitea',
      name: 'code',
      status: 'PROVISIONING',
      minutesAgo: 30,
      readyAt: false,
    });
    await insertPod('paused', {
      user: budi,
      slug: 'n8n',
      name: 'paused',
      status: 'STOPPED',
      minutesAgo: 20,
      subscriptionStatus: 'SUSPENDED',
    });
    await insertPod('gone', {
      user: ayu,
      slug: 'wordpress',
      name: 'gone',
      status: 'TERMINATED',
      minutesAgo: 10,
      subscriptionStatus: 'TERMINATED',
    });
    await insertPod('halted', {
      user: ayu,
      slug: 'wordpress',
      name: 'halted',
      status: 'STOPPED',
      minutesAgo: 5,
      adminStopped: true,
    });
    // Every statement the pool sends (drizzle's reads go through pool.query).
    const pool = t.runtime.database.pool;
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
    // The session cache is filled by the first request of the administrator.
    expect((await get('/admin/pods/stats')).statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  const names = (body: { items: { subscription: { name: string } }[] }) => body.items.map((p) => p.subscription.name);

  it('lists every tenant pod with its owner, subscription, service and plan, newest first, in pages', async () => {
    const res = await get('/admin/pods?pageSize=3');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 3, total: 7, totalPages: 3 });
    expect(names(body)).toEqual(['halted', 'gone', 'paused']);
    expect(body.items[0]).toMatchObject({
      id: ids.halted!.podId,
      status: 'STOPPED',
      namespace: tenantNamespace(ayu.id),
      workloadKind: 'Deployment',
      url: 'https://halted.apps.test',
      subscription: { id: ids.halted!.subscriptionId, name: 'halted', host: 'halted.apps.test', status: 'ACTIVE' },
      user: { id: ayu.id, email: ayu.email, name: 'Ayu' },
      service: { slug: 'wordpress', name: 'WordPress' },
      plan: { id: plans.get('wordpress')!.planId },
    });
    expect(body.items[0].adminStoppedAt).not.toBeNull();
    expect(names((await get('/admin/pods?pageSize=3&page=3')).json())).toEqual(['flows']);
    const beyond = (await get('/admin/pods?pageSize=3&page=9')).json();
    expect(beyond).toMatchObject({ items: [], total: 7, totalPages: 3 });
  });

  it('filters by status, service, owner (id or email), worker and text; LIKE wildcards match themselves', async () => {
    const cases: [string, string[]][] = [
      ['status=RUNNING', ['uptime', 'flows']],
      ['status=TERMINATED', ['gone']],
      ['service=n8n', ['paused', 'flows']],
      ['service=no-such-service', []],
      [`user=${budi.id}`, ['paused', 'code', 'uptime']],
      [`user=${encodeURIComponent(budi.email.toUpperCase())}`, ['paused', 'code', 'uptime']],
      ['user=nobody%40example.test', []],
      ['worker=kwok-node-1', ['uptime', 'flows']],
      [`worker=kwok-node-1&user=${ayu.id}`, ['flows']],
      ['q=BLO', ['blog']],
      ['q=halted.apps', ['halted']],
      [`q=${tenantNamespace(budi.id).slice(0, 20)}`, ['paused', 'code', 'uptime']],
      [`q=${encodeURIComponent(budi.email.split('@')[0]!)}`, ['paused', 'code', 'uptime']],
      [`q=${subscriptionBaseName({ id: ids.code!.subscriptionId, name: 'code' })}`, ['code']],
      ['q=%25', []],
      ['q=_', []],
      ['status=RUNNING&service=uptime-kuma&q=upt', ['uptime']],
    ];
    for (const [query, expected] of cases) {
      const res = await get(`/admin/pods?${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
      expect(names(res.json()), query).toEqual(expected);
      expect(res.json().total, query).toBe(expected.length);
    }
  });

  it('sorts by creation, status, name, owner and node, both ways (nulls last)', async () => {
    const sorted = async (sort: string) => names((await get(`/admin/pods?sort=${sort}`)).json());
    expect(await sorted('createdAt')).toEqual(['flows', 'blog', 'uptime', 'code', 'paused', 'gone', 'halted']);
    expect(await sorted('name')).toEqual(['blog', 'code', 'flows', 'gone', 'halted', 'paused', 'uptime']);
    expect(await sorted('-name')).toEqual(['uptime', 'paused', 'halted', 'gone', 'flows', 'code', 'blog']);
    const byStatus = (await get('/admin/pods?sort=status')).json().items.map((p: { status: string }) => p.status);
    expect(byStatus).toEqual([...byStatus].sort());
    const byUser = (await get('/admin/pods?sort=-user')).json().items.map((p: { user: { id: string } }) => p.user.id);
    expect(byUser).toEqual([budi.id, budi.id, budi.id, ayu.id, ayu.id, ayu.id, ayu.id]);
    const byNode = (await get('/admin/pods?sort=node')).json().items.map((p: { node: string | null }) => p.node);
    expect(byNode.slice(0, 3)).toEqual(['kwok-node-1', 'kwok-node-1', 'kwok-node-2']);
    expect(byNode.slice(3)).toEqual([null, null, null, null]);
    const byNodeDesc = (await get('/admin/pods?sort=-node')).json().items.map((p: { node: string | null }) => p.node);
    expect(byNodeDesc.slice(0, 3)).toEqual(['kwok-node-2', 'kwok-node-1', 'kwok-node-1']);
  });

  it('counts pods by status, and the pods not ended by service and by worker', async () => {
    const res = await get('/admin/pods/stats');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      total: 7,
      byStatus: { PROVISIONING: 1, RUNNING: 2, DEGRADED: 1, STOPPED: 2, FAILED: 0, TERMINATED: 1 },
      byService: [
        { slug: 'n8n', name: 'n8n', count: 2 },
        { slug: 'ghost', name: 'Ghost', count: 1 },
        { slug: 'gitea', name: 'Gitea', count: 1 },
        { slug: 'uptime-kuma', name: 'Uptime Kuma', count: 1 },
        { slug: 'wordpress', name: 'WordPress', count: 1 },
      ],
      byWorker: [
        { node: null, count: 3 },
        { node: 'kwok-node-1', count: 2 },
        { node: 'kwok-node-2', count: 1 },
      ],
    });
  });

  it('answers every list, page, filter and sort with two statements, stats with one, and no Kubernetes call', async () => {
    const kubeBefore = await kubeCalls();
    const queries = [
      '',
      'pageSize=1',
      'pageSize=100',
      'page=5&pageSize=1',
      'status=RUNNING',
      'service=n8n&sort=-user',
      `user=${ayu.id}&sort=node`,
      `user=${encodeURIComponent(ayu.email)}`,
      'worker=kwok-node-1&q=flo&sort=status',
      'q=nothing-matches-this',
    ];
    for (const query of queries) {
      const before = statements;
      const res = await get(`/admin/pods?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(statements - before, `statements of GET /admin/pods?${query}`).toBe(2);
    }
    const before = statements;
    expect((await get('/admin/pods/stats')).statusCode).toBe(200);
    expect(statements - before, 'statements of GET /admin/pods/stats').toBe(1);
    expect((await get(`/admin/pods/${ids.flows!.podId}`)).statusCode).toBe(200);
    expect(await kubeCalls()).toBe(kubeBefore);
  });

  it('shows one pod with its subscription, owner, plan, node and rendered configuration, secrets masked', async () => {
    // A stored generated secret of this subscription: the view must neither show it nor read it.
    const box = createSecretBox(t.runtime.config.encryptionKey);
    const secrets = createDatabaseSecretStore({ db: t.runtime.database.db, box });
    const real = await secrets.getOrCreate(ids.flows!.subscriptionId, 'encryption-key', () => 'REAL-SECRET-9f8e7d6c5b');
    const generatedBefore = await t.runtime.database.pool.query('select count(*)::int as n from generated_secrets');

    const res = await get(`/admin/pods/${ids.flows!.podId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(real);
    expect(res.body).not.toContain(Buffer.from(real).toString('base64'));
    const pod = res.json();
    expect(pod).toMatchObject({
      id: ids.flows!.podId,
      status: 'RUNNING',
      node: 'kwok-node-1',
      subscription: { id: ids.flows!.subscriptionId, name: 'flows', status: 'ACTIVE', autoRenew: true },
      user: { id: ayu.id, email: ayu.email, name: 'Ayu' },
      service: { slug: 'n8n' },
      plan: { id: plans.get('n8n')!.planId },
      worker: null,
      configurationUnavailable: null,
    });
    expect(pod.plan.cpuRequestMillicores).toBeGreaterThan(0);
    const objects = pod.configuration.objects as {
      kind: string;
      metadata: { name: string; labels: Record<string, string> };
      data?: Record<string, string>;
      spec?: { replicas?: number; template?: { metadata?: { annotations?: Record<string, string> } } };
    }[];
    const secret = objects.find((o) => o.kind === 'Secret');
    expect(Object.values(secret!.data!).length).toBeGreaterThan(0);
    expect(new Set(Object.values(secret!.data!))).toEqual(new Set(['********']));
    const deployment = objects.find(
      (o) => o.kind === 'Deployment' && o.metadata.labels['app.kubernetes.io/component'] === 'app',
    );
    expect(deployment!.metadata.name).toBe(subscriptionBaseName({ id: ids.flows!.subscriptionId, name: 'flows' }));
    expect(deployment!.spec!.replicas).toBe(1);
    expect(deployment!.spec!.template!.metadata!.annotations!['kapal.io/secret-checksum']).toBe('********');
    expect(objects.map((o) => o.kind)).toEqual(expect.arrayContaining(['Service', 'Ingress', 'PersistentVolumeClaim']));
    const generatedAfter = await t.runtime.database.pool.query('select count(*)::int as n from generated_secrets');
    expect(generatedAfter.rows[0].n).toBe(generatedBefore.rows[0].n);

    // The node's details come from the workers table once it has a row for the node.
    await t.runtime.database.db.execute(sql`
      insert into workers (name, status, internal_ip, architecture, ready, allocatable_cpu_millicores, allocatable_pods)
      values ('kwok-node-1', 'ACTIVE', '10.0.0.11', 'amd64', true, 4000, 110)`);
    const withWorker = (await get(`/admin/pods/${ids.flows!.podId}`)).json();
    expect(withWorker.worker).toMatchObject({
      name: 'kwok-node-1',
      status: 'ACTIVE',
      internalIp: '10.0.0.11',
      architecture: 'amd64',
      ready: true,
      allocatable: { cpuMillicores: 4000, pods: 110 },
    });
  });

  it('renders a stopped app at zero replicas, and no configuration for an ended one', async () => {
    const halted = (await get(`/admin/pods/${ids.halted!.podId}`)).json();
    const workloads = halted.configuration.objects.filter(
      (o: { kind: string }) => o.kind === 'Deployment' || o.kind === 'StatefulSet',
    );
    expect(workloads.length).toBeGreaterThan(0);
    for (const w of workloads) expect(w.spec.replicas).toBe(0);
    const gone = (await get(`/admin/pods/${ids.gone!.podId}`)).json();
    expect(gone.configuration).toBeNull();
    expect(gone.configurationUnavailable).toMatch(/ended \(TERMINATED\)/);
  });

  it("shows a bare ended pod (no plan, no service) as the authorization matrix's fixture, and refuses its actions", async () => {
    const { podId } = await anEndedPodOf(t.runtime.database.db, budi.id);
    const res = await get(`/admin/pods/${podId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'TERMINATED',
      plan: null,
      service: null,
      worker: null,
      configuration: null,
    });
    for (const action of ['stop', 'start', 'restart'])
      expect((await post(`/admin/pods/${podId}/${action}`)).statusCode).toBe(409);
    await t.runtime.database.db.execute(
      sql`delete from subscriptions where id = (select subscription_id from pods where id = ${podId})`,
    );
  });

  it('is 404 for a pod that does not exist and for a user; 400 names what is wrong', async () => {
    expect((await get(`/admin/pods/${randomUUID()}`)).statusCode).toBe(404);
    expect((await get(`/admin/pods/${ids.flows!.podId}`, ayu.headers)).statusCode).toBe(404);
    expect((await get('/admin/pods', ayu.headers)).statusCode).toBe(404);
    expect((await get('/admin/pods/stats', ayu.headers)).statusCode).toBe(404);
    expect((await post(`/admin/pods/${ids.flows!.podId}/stop`, ayu.headers)).statusCode).toBe(404);
    const bad: [string, string][] = [
      ['/admin/pods/not-a-uuid', 'id'],
      ['/admin/pods?status=ASLEEP', 'status'],
      ['/admin/pods?service=No_Such', 'service'],
      ['/admin/pods?user=someone', 'user'],
      ['/admin/pods?worker=Bad_Node', 'worker'],
      ['/admin/pods?sort=size', 'sort'],
      ['/admin/pods?pageSize=0', 'pageSize'],
      ['/admin/pods?page=0', 'page'],
      [`/admin/pods?q=${'x'.repeat(101)}`, 'q'],
    ];
    for (const [url, field] of bad) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error.details), url).toContain(field);
    }
    const res = await post('/admin/pods/not-a-uuid/restart');
    expect(res.statusCode).toBe(400);
    // The cluster module's static /admin/pods/orphaned is never taken for a pod id (which would be a 400 on id).
    const orphaned = await get('/admin/pods/orphaned');
    expect(orphaned.statusCode, orphaned.body).not.toBe(400);
    expect(orphaned.statusCode, orphaned.body).not.toBe(404);
  });

  it('is in the OpenAPI document: schemas by name, every route with input documents its 400', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operations: [string, string, string[]][] = [
      ['/api/v1/admin/pods', 'get', ['200', '400', '401', '404']],
      ['/api/v1/admin/pods/stats', 'get', ['200', '401', '404']],
      ['/api/v1/admin/pods/{id}', 'get', ['200', '400', '401', '404']],
      ['/api/v1/admin/pods/{id}/stop', 'post', ['200', '400', '401', '404', '409']],
      ['/api/v1/admin/pods/{id}/start', 'post', ['200', '400', '401', '404', '409']],
      ['/api/v1/admin/pods/{id}/restart', 'post', ['200', '400', '401', '404', '409']],
    ];
    for (const [path, method, statuses] of operations) {
      expect(Object.keys(doc.paths[path]?.[method]?.responses ?? {}).sort(), `${method} ${path}`).toEqual(statuses);
    }
    for (const schema of ['AdminPod', 'AdminPodPage', 'AdminPodStats', 'AdminPodDetail', 'AdminPodWorker'])
      expect(doc.components.schemas, schema).toHaveProperty(schema);
  });

  describe('stop, start and restart', () => {
    const auditOf = async (podId: string) =>
      (
        await t.runtime.database.pool.query<{ action: string; actor_id: string; details: Record<string, unknown> }>(
          `select action, actor_id, details from audit_log where target_type = 'pod' and target_id = $1 order by seq`,
          [podId],
        )
      ).rows;
    const podRow = async (podId: string) =>
      (
        await t.runtime.database.pool.query<{ admin_stopped_at: Date | null; last_restart_at: Date | null }>(
          'select admin_stopped_at, last_restart_at from pods where id = $1',
          [podId],
        )
      ).rows[0]!;

    it('stop records the stop (audited) and refuses a second; start clears it; each refusal changes nothing', async () => {
      const { podId } = await insertPod('actions', {
        user: budi,
        slug: 'uptime-kuma',
        name: 'actions',
        status: 'RUNNING',
        node: 'kwok-node-2',
        minutesAgo: 1,
      });
      const stopped = await post(`/admin/pods/${podId}/stop`);
      expect(stopped.statusCode, stopped.body).toBe(200);
      expect(stopped.json()).toMatchObject({ id: podId, user: { id: budi.id } });
      expect(stopped.json().adminStoppedAt).not.toBeNull();
      expect((await podRow(podId)).admin_stopped_at).not.toBeNull();

      const again = await post(`/admin/pods/${podId}/stop`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toMatch(/already stopped by an administrator/);
      const restart = await post(`/admin/pods/${podId}/restart`);
      expect(restart.statusCode).toBe(409);
      expect(restart.json().error.message).toMatch(/start it instead/);
      expect((await podRow(podId)).last_restart_at).toBeNull();

      const started = await post(`/admin/pods/${podId}/start`);
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json().adminStoppedAt).toBeNull();
      const startAgain = await post(`/admin/pods/${podId}/start`);
      expect(startAgain.statusCode).toBe(409);
      expect(startAgain.json().error.message).toMatch(/only an app an administrator stopped can be started/);

      const restarted = await post(`/admin/pods/${podId}/restart`);
      expect(restarted.statusCode, restarted.body).toBe(200);
      expect((await podRow(podId)).last_restart_at).not.toBeNull();

      const audit = await auditOf(podId);
      expect(audit.map((a) => a.action)).toEqual(['admin.pod.stopped', 'admin.pod.started', 'admin.pod.restarted']);
      for (const entry of audit) {
        expect(entry.actor_id).toBe(admin.id);
        expect(entry.details).toMatchObject({ subscriptionId: ids.actions!.subscriptionId, userId: budi.id });
      }
    });

    it('refuses with 409 what makes no sense: an ended app, a suspended subscription, a first provisioning', async () => {
      const refusals: [string, string, RegExp][] = [
        ['gone', 'stop', /has ended/],
        ['gone', 'start', /has ended/],
        ['gone', 'restart', /has ended/],
        ['paused', 'stop', /subscription is suspended/],
        ['paused', 'start', /resume the subscription/],
        ['paused', 'restart', /only a running app can be restarted/],
        ['code', 'stop', /provisioned for the first time/],
        ['code', 'restart', /only a running app/],
        ['flows', 'start', /running; only an app an administrator stopped/],
      ];
      for (const [key, action, message] of refusals) {
        const res = await post(`/admin/pods/${ids[key]!.podId}/${action}`);
        expect(res.statusCode, `${action} ${key}: ${res.body}`).toBe(409);
        expect(res.json().error.message, `${action} ${key}`).toMatch(message);
        expect(await auditOf(ids[key]!.podId), `${action} ${key}`).toEqual([]);
      }
      expect((await post(`/admin/pods/${randomUUID()}/stop`)).statusCode).toBe(404);
    });
  });
});
