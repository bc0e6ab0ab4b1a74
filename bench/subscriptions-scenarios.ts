/**
 * The subscriptions benchmarks (issue 9), on the test cluster (scripts/testbed.sh up), run by name only:
 *
 * - `time-to-running`: N subscriptions at once (default 50, of N users: N tenants), from the POST to
 *   the pod RUNNING (`pods.ready_at`, written by the worker's informers), p50 and p95, against applying
 *   the same rendered manifests with `kubectl apply --server-side` (N processes at once) and waiting for
 *   the same workloads to be available (an informer in the bench, the same judgement as Kapal's), in
 *   rounds of alternating order in the same run. Target: ≤ 1.5× on p50 and p95. Kubernetes API calls per
 *   provisioning are counted by a proxy in front of the API server (Kapal's and kubectl's apart).
 * - `scale`: N RUNNING subscriptions over T tenants (default 2,000 over 500), filled through the API in
 *   steps: `GET /api/v1/pods` p50/p99 for users, one full reconcile pass (its job's own time), and the
 *   worker's resident memory (idle, after the fill, peak during the pass).
 *
 * Kapal runs as two real processes (the API and `kapal worker`) on a database and queue prefix of the run's
 * own, talking to the cluster through the counting proxy. The worker's 2-minute full pass is unscheduled in
 * that queue, so it neither mixes into the timings nor repairs the bench's deletions; `scale` times a pass.
 * Everything made is removed at the end, also on failure or Ctrl-C: tenant namespaces, the database, the
 * Redis keys, and the KWOK nodes' raised capacity (set back).
 *
 * Sizes come from the environment (run.ts's options are shared): BENCH_TTR_SUBSCRIPTIONS (50),
 * BENCH_SCALE_STEPS ("500,1000,2000": cumulative subscriptions), BENCH_SCALE_TENANTS (500),
 * BENCH_SCALE_FILL_TIMEOUT_S (1800 per step).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import type { KubernetesObject, V1Deployment, V1Namespace, V1Node, V1StatefulSet } from '@kubernetes/client-node';
import autocannon from 'autocannon';
import { Job } from 'bullmq';
import YAML from 'yaml';
import { createAccessTokens } from '../src/modules/accounts/index.js';
import { catalogSeedStep } from '../src/modules/catalog/catalog.seed.js';
import { findPlansForPurchase } from '../src/modules/catalog/index.js';
import { observe } from '../src/modules/subscriptions/pod-status.js';
import { createTemplateRenderer, LABELS, tenantNamespace } from '../src/modules/templates/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import type { Watch } from '../src/platform/kube/kube-client.js';
import { createRedis } from '../src/platform/redis.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { createMemorySecretStore } from '../test/helpers/memory-secret-store.js';
import { deleteRedisKeys } from '../test/helpers/redis.js';
import { startSmtpSink } from '../test/helpers/smtp-sink.js';
import { grantCredit } from '../test/helpers/subscriptions.js';
import { waitFor } from '../test/helpers/wait-for.js';
import { type BenchDatabase, createBenchDatabase } from './bench-database.js';
import type { BillingBench, BillingBenchResult } from './billing-scenarios.js';
import { type CountingProxy, startCountingProxy } from './kube-counting-proxy.js';
import { percentile } from './stats.js';

const TTR_TARGET = 1.5;
const envInt = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const hex = (n = 3) => randomBytes(n).toString('hex');
const execFileAsync = promisify(execFile);

const median = (xs: number[]) => percentile(xs, 50);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ---------------------------------------------------------------------------------------------------
// Clean-up that also runs on Ctrl-C: the shared cluster must not keep the bench's tenants.

const cleanups: (() => Promise<unknown>)[] = [];
let interrupted = false;
async function runCleanups() {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    await step().catch((err) => console.error(`[bench] clean-up step failed: ${(err as Error).message}`));
  }
}
let signalsHandled = false;
function cleanUpOnSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      console.error(`[bench] ${signal}: cleaning up (again to exit at once)`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// kubectl, the KWOK nodes' capacity, namespaces.

const realKubeconfig = () =>
  process.env.KUBECONFIG ?? join(process.env.TMPDIR ?? '/tmp', 'kapal-testbed', 'kubeconfig');

/** kubectl v1.36.3 from the test bed's cache, built on demand (scripts/lib/kubectl.sh). */
async function kubectlPath(): Promise<string> {
  const { stdout } = await execFileAsync('scripts/lib/kubectl.sh', ['--path'], { maxBuffer: 1 << 20 });
  return stdout.trim();
}

/**
 * Raises the KWOK nodes' capacity (pods, CPU, memory) so the bench's apps fit beside the other tests'
 * ones, and returns how to set it back. Only ever raises: a test running beside it loses nothing.
 */
async function raiseNodeCapacity(
  runtime: Runtime,
  kubectl: string,
  want: { pods: number; cpu: number; memoryGi: number },
) {
  const nodes = (await runtime.kube.list<V1Node>('v1', 'Node')).filter((n) =>
    n.metadata?.annotations?.['kwok.x-k8s.io/node'] ? true : n.metadata?.name?.startsWith('kwok-'),
  );
  const patch = (name: string, resources: Record<string, string>) =>
    execFileAsync(kubectl, [
      '--kubeconfig',
      realKubeconfig(),
      'patch',
      'node',
      name,
      '--subresource=status',
      '--type=merge',
      '-p',
      JSON.stringify({ status: { capacity: resources, allocatable: resources } }),
    ]);
  const originals = nodes.map((n) => ({
    name: n.metadata!.name!,
    capacity: n.status?.capacity ?? {},
    allocatable: n.status?.allocatable ?? {},
  }));
  for (const n of originals) {
    await patch(n.name, { pods: String(want.pods), cpu: String(want.cpu), memory: `${want.memoryGi}Gi` });
  }
  return async () => {
    for (const n of originals) {
      await execFileAsync(kubectl, [
        '--kubeconfig',
        realKubeconfig(),
        'patch',
        'node',
        n.name,
        '--subresource=status',
        '--type=merge',
        '-p',
        JSON.stringify({
          status: {
            capacity: { pods: n.capacity.pods, cpu: n.capacity.cpu, memory: n.capacity.memory },
            allocatable: { pods: n.allocatable.pods, cpu: n.allocatable.cpu, memory: n.allocatable.memory },
          },
        }),
      ]);
    }
  };
}

/** Deletes the namespaces and waits until the API server has none of them left. */
async function deleteNamespaces(runtime: Runtime, names: Iterable<string>, timeoutMs = 300_000) {
  const wanted = new Set(names);
  if (wanted.size === 0) return;
  const queue = [...wanted];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let name = queue.pop(); name; name = queue.pop()) {
        await runtime.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name }).catch(() => false);
      }
    }),
  );
  await waitFor(
    async () => {
      const left = (await runtime.kube.list<V1Namespace>('v1', 'Namespace')).filter((n) =>
        wanted.has(n.metadata!.name!),
      );
      return left.length === 0;
    },
    { timeoutMs, intervalMs: 1_000, what: `${wanted.size} namespaces deleted` },
  );
}

// ---------------------------------------------------------------------------------------------------
// The platform under test: a database, the API and the worker as processes, the counting proxy.

interface BenchUser {
  id: string;
  authorization: string;
}

interface Platform {
  bench: BenchDatabase;
  /** A runtime in the bench process on the real API server: seeding, credit, watches, clean-up. */
  runtime: Runtime;
  api: string;
  worker: ChildProcess;
  kapalProxy: CountingProxy;
  kubectlProxy: CountingProxy;
  dir: string;
  queuePrefix: string;
  plans: { slug: string; planId: string; price: number }[];
  /** Users with a session, a token and `credit` IDR each. */
  users(count: number, credit: number): Promise<BenchUser[]>;
  workerRssMib(): number;
  /** Tenant namespaces made by the run, deleted at the end. */
  namespaces: Set<string>;
  /** Runs `fn` at close (last deferred, first run), or on Ctrl-C. */
  defer(fn: () => Promise<unknown>): void;
  close(): Promise<void>;
}

function spawnWithPortLine(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return child;
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

async function startPlatform(): Promise<Platform> {
  cleanUpOnSignals();
  const localCleanups: (() => Promise<unknown>)[] = [];
  const push = (fn: () => Promise<unknown>) => {
    localCleanups.push(fn);
    cleanups.push(fn);
  };
  const close = async () => {
    while (localCleanups.length > 0) {
      const step = localCleanups.pop()!;
      const i = cleanups.lastIndexOf(step);
      if (i >= 0) cleanups.splice(i, 1);
      await step().catch((err) => console.error(`[bench] clean-up step failed: ${(err as Error).message}`));
    }
  };
  try {
    const bench = await createBenchDatabase();
    push(() => bench.drop());
    const smtp = await startSmtpSink();
    push(() => smtp.close());
    const dir = mkdtempSync(join(tmpdir(), 'kapal-bench-'));
    push(async () => rmSync(dir, { recursive: true, force: true }));
    const kapalProxy = await startCountingProxy(realKubeconfig(), dir, 'kapal');
    push(() => kapalProxy.close());
    const kubectlProxy = await startCountingProxy(realKubeconfig(), dir, 'kubectl');
    push(() => kubectlProxy.close());
    const queuePrefix = `kapal-bench-${hex(4)}`;
    push(async () => {
      const redis = createRedis(loadConfig().redis.url, { name: 'kapal-bench-cleanup' });
      await deleteRedisKeys(redis, queuePrefix).finally(() => redis.quit());
    });
    const env: Record<string, string> = {
      DATABASE_URL: bench.url,
      QUEUE_PREFIX: queuePrefix,
      SMTP_URL: smtp.url,
      APPS_DOMAIN: 'apps.kapal.test',
      REQUIRE_EMAIL_VERIFICATION: 'false',
      LOG_LEVEL: 'silent',
    };
    const runtime = createRuntime(loadConfig({ ...process.env, ...env, KUBECONFIG: realKubeconfig() }));
    push(() => runtime.close());
    const namespaces = new Set<string>();
    push(() => deleteNamespaces(runtime, namespaces));

    // The catalog, then Kapal's two processes through the proxy.
    await catalogSeedStep.run({ database: runtime.database, templates: runtime.modules.ports.templates! });
    const { rows } = await runtime.database.pool.query<{ slug: string; plan_id: string; price: number }>(
      `select distinct on (s.slug) s.slug, p.id as plan_id, p.price_monthly_idr as price
         from services s join plans p on p.service_id = s.id
        where s.is_active and p.is_active
        order by s.slug, p.price_monthly_idr, p.id`,
    );
    const plans = rows.map((r) => ({ slug: r.slug, planId: r.plan_id, price: r.price }));

    const kapalEnv = { ...env, KUBECONFIG: kapalProxy.kubeconfig };
    const apiChild = spawnWithPortLine(['bench/servers/kapal-server.ts'], kapalEnv);
    push(() => stopChild(apiChild));
    const portLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: apiChild.stdout! }).once('line', resolve);
      apiChild.once('exit', (code) => reject(new Error(`the Kapal API exited with ${code}`)));
    });
    const api = `http://127.0.0.1:${(JSON.parse(portLine) as { port: number }).port}`;

    // The worker logs at info only to say it started; what it logs afterwards is drained and dropped.
    const worker = spawnWithPortLine(['src/cli/main-entry.ts', 'worker'], { ...kapalEnv, LOG_LEVEL: 'info' });
    push(() => stopChild(worker));
    await new Promise<void>((resolve, reject) => {
      const lines = createInterface({ input: worker.stdout! });
      const onLine = (line: string) => {
        if (line.includes('"worker started"')) {
          lines.off('line', onLine);
          resolve();
        }
      };
      lines.on('line', onLine);
      worker.once('exit', (code) => reject(new Error(`the Kapal worker exited with ${code}`)));
    });
    worker.stdout!.resume();
    // The scheduled full pass is taken out of the bench's queue (see the header).
    const reconciling = runtime.jobs.queues().get('reconciling')!;
    await reconciling.removeJobScheduler('subscriptions.reconcile-all');
    // Other scheduled jobs share the queue: wait for the pass's own job only.
    await waitFor(
      async () =>
        (await reconciling.getJobs(['active', 'waiting', 'delayed'])).every(
          (job) => job.name !== 'subscriptions.reconcile-all',
        ),
      { timeoutMs: 60_000, intervalMs: 200, what: 'the first scheduled pass finished' },
    );

    const tokens = createAccessTokens({ secret: runtime.config.auth.jwtSecret, ttlSeconds: 24 * 3600 });
    return {
      bench,
      runtime,
      api,
      worker,
      kapalProxy,
      kubectlProxy,
      dir,
      queuePrefix,
      plans,
      namespaces,
      defer: push,
      async users(count, credit) {
        const pool = runtime.database.pool;
        const tag = hex(4);
        const { rows: made } = await pool.query<{ id: string }>(
          `insert into users (email, password_hash, name)
           select 'bench-' || $1 || '-' || g || '@example.test', 'unusable', 'Bench ' || g from generate_series(1, $2::int) g
           returning id`,
          [tag, count],
        );
        const { rows: sessions } = await pool.query<{ id: string; user_id: string }>(
          'insert into auth_sessions (user_id) select unnest($1::uuid[]) returning id, user_id',
          [made.map((u) => u.id)],
        );
        const users: BenchUser[] = [];
        for (const session of sessions) {
          const token = await tokens.sign({ userId: session.user_id, role: 'USER', sessionId: session.id });
          users.push({ id: session.user_id, authorization: `Bearer ${token}` });
          namespaces.add(tenantNamespace(session.user_id));
        }
        for (const user of users) await grantCredit({ runtime }, user.id, credit);
        return users;
      },
      workerRssMib() {
        const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** POSTs a subscription; the response's pod id and when the request was sent. */
async function subscribe(platform: Platform, user: BenchUser, plan: Platform['plans'][number]) {
  const sentAt = Date.now();
  const res = await fetch(`${platform.api}/api/v1/subscriptions`, {
    method: 'POST',
    headers: { authorization: user.authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ planId: plan.planId, name: `${plan.slug}-${hex()}` }),
  });
  const body = (await res.json()) as { subscription: { id: string }; pod: { id: string } };
  if (res.status !== 201) throw new Error(`POST /subscriptions answered ${res.status}: ${JSON.stringify(body)}`);
  return { subscriptionId: body.subscription.id, podId: body.pod.id, sentAt, answeredMs: Date.now() - sentAt };
}

interface PodReady {
  id: string;
  status: string;
  ready_at: Date | null;
  last_error: string | null;
}

/** Waits for every pod to be RUNNING (ready_at set); a FAILED one fails the bench. */
async function waitRunning(platform: Platform, podIds: string[], timeoutMs: number): Promise<Map<string, number>> {
  let last: PodReady[] = [];
  try {
    return await waitFor(
      async () => {
        const { rows } = await platform.runtime.database.pool.query<PodReady>(
          'select id, status, ready_at, last_error from pods where id = any($1::uuid[])',
          [podIds],
        );
        last = rows;
        const failed = rows.find((r) => r.status === 'FAILED');
        if (failed) throw Object.assign(new Error(`pod ${failed.id} FAILED: ${failed.last_error}`), { fatal: true });
        if (rows.length === podIds.length && rows.every((r) => r.ready_at)) {
          return new Map(rows.map((r) => [r.id, r.ready_at!.getTime()]));
        }
        return undefined;
      },
      { timeoutMs, intervalMs: 200, what: `${podIds.length} pods RUNNING` },
    );
  } catch (err) {
    const running = last.filter((r) => r.ready_at).length;
    const errors = [...new Set(last.map((r) => r.last_error).filter(Boolean))].slice(0, 3);
    throw new Error(
      `${(err as Error).message} (${running} of ${podIds.length} RUNNING${errors.length ? `; errors: ${errors.join(' | ')}` : ''})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// time-to-running

interface Side {
  /** Per subscription, ms from the request (or kubectl's start) to RUNNING. */
  times: number[];
  /** Kubernetes API requests during the round, by verb and resource. */
  calls: Map<string, number>;
  /** Extra: Kapal's POST answer times, kubectl's process times. */
  stepMs: number[];
}

/** The bench's own informers on the Kapal-labelled workloads, for the kubectl side. */
function watchWorkloads(runtime: Runtime, onChange: (subscriptionId: string) => void) {
  const handlers = <T extends KubernetesObject>() => ({
    add: (o: T) => onChange(o.metadata?.labels?.[LABELS.subscription] ?? ''),
    update: (o: T) => onChange(o.metadata?.labels?.[LABELS.subscription] ?? ''),
  });
  const selector = `${LABELS.managedBy}=kapal`;
  const deployments: Watch<V1Deployment> = runtime.kube.watch<V1Deployment>(
    { apiVersion: 'apps/v1', kind: 'Deployment', labelSelector: selector },
    handlers<V1Deployment>(),
  );
  const statefulSets: Watch<V1StatefulSet> = runtime.kube.watch<V1StatefulSet>(
    { apiVersion: 'apps/v1', kind: 'StatefulSet', labelSelector: selector },
    handlers<V1StatefulSet>(),
  );
  const of = (id: string) => [
    ...deployments.list().filter((d) => d.metadata?.labels?.[LABELS.subscription] === id),
    ...statefulSets.list().filter((d) => d.metadata?.labels?.[LABELS.subscription] === id),
  ];
  return {
    synced: Promise.all([deployments.synced, statefulSets.synced]),
    of,
    stop: () => Promise.all([deployments.stop(), statefulSets.stop()]),
  };
}

async function kapalRound(platform: Platform, count: number): Promise<Side> {
  const users = await platform.users(count, Math.max(...platform.plans.map((p) => p.price)));
  platform.kapalProxy.reset();
  const posted = await Promise.all(
    users.map((user, i) => subscribe(platform, user, platform.plans[i % platform.plans.length]!)),
  );
  const readyAt = await waitRunning(
    platform,
    posted.map((p) => p.podId),
    300_000,
  );
  const calls = platform.kapalProxy.counts();
  // Ended in the database first, so neither the informers' repairs nor a pass bring the objects back.
  const ids = posted.map((p) => p.subscriptionId);
  await platform.runtime.database.pool.query(
    `update subscriptions set status = 'TERMINATED', terminated_at = now() where id = any($1::uuid[])`,
    [ids],
  );
  await platform.runtime.database.pool.query(
    `update pods set status = 'TERMINATED', terminated_at = now() where subscription_id = any($1::uuid[])`,
    [ids],
  );
  await deleteNamespaces(
    platform.runtime,
    users.map((u) => tenantNamespace(u.id)),
  );
  return {
    times: posted.map((p) => readyAt.get(p.podId)! - p.sentAt),
    calls,
    stepMs: posted.map((p) => p.answeredMs),
  };
}

async function kubectlRound(
  platform: Platform,
  kubectl: string,
  workloads: ReturnType<typeof watchWorkloads>,
  waiting: Map<string, () => void>,
  count: number,
): Promise<Side> {
  const { runtime } = platform;
  const plans = new Map(
    (
      await findPlansForPurchase(
        runtime.database.db,
        platform.plans.map((p) => p.planId),
      )
    ).map((p) => [p.id, p]),
  );
  const renderer = createTemplateRenderer({ settings: runtime.config.apps, secrets: createMemorySecretStore() });
  const items = [];
  for (let i = 0; i < count; i++) {
    const plan = plans.get(platform.plans[i % platform.plans.length]!.planId)!;
    const template = runtime.modules.ports.templates!.get(plan.service.templateRef)!;
    const userId = randomUUID();
    const subscriptionId = randomUUID();
    const name = `${plan.service.slug}-${hex()}`;
    const objects = await renderer.render({
      template,
      plan,
      subscription: { id: subscriptionId, name, host: `${name}.${runtime.config.apps.domain}` },
      tenant: { userId },
      otherFootprints: [],
    });
    const file = join(platform.dir, `baseline-${subscriptionId}.yaml`);
    writeFileSync(file, objects.map((o) => YAML.stringify(o)).join('---\n'));
    const expected = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet').length;
    platform.namespaces.add(tenantNamespace(userId));
    items.push({ subscriptionId, userId, file, expected });
  }
  platform.kubectlProxy.reset();
  const results = await Promise.all(
    items.map(
      (item) =>
        new Promise<{ ms: number; processMs: number }>((resolve, reject) => {
          const startedAt = Date.now();
          let processMs = 0;
          let available = false;
          const check = () => {
            const mine = workloads.of(item.subscriptionId);
            if (mine.length === item.expected && observe(mine, []).allAvailable && processMs > 0) {
              waiting.delete(item.subscriptionId);
              available = true;
              resolve({ ms: Date.now() - startedAt, processMs });
            }
          };
          waiting.set(item.subscriptionId, check);
          const child = spawn(
            kubectl,
            [
              '--kubeconfig',
              platform.kubectlProxy.kubeconfig,
              '--cache-dir',
              join(platform.dir, 'kubectl-cache'),
              'apply',
              '--server-side',
              '--force-conflicts',
              '--field-manager',
              'kapal-bench',
              '-f',
              item.file,
            ],
            { stdio: ['ignore', 'ignore', 'pipe'] },
          );
          let stderr = '';
          child.stderr!.on('data', (d) => (stderr += d));
          child.once('exit', (code) => {
            if (code !== 0) return reject(new Error(`kubectl apply exited with ${code}: ${stderr}`));
            processMs = Date.now() - startedAt;
            if (!available) check();
          });
          setTimeout(() => {
            if (!available) reject(new Error(`kubectl side: ${item.subscriptionId} not available within 300 s`));
          }, 300_000).unref();
        }),
    ),
  );
  const calls = platform.kubectlProxy.counts();
  await deleteNamespaces(
    runtime,
    items.map((i) => tenantNamespace(i.userId)),
  );
  return { times: results.map((r) => r.ms), calls, stepMs: results.map((r) => r.processMs) };
}

const perProvisioning = (calls: Map<string, number>, n: number) =>
  [...calls.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${(v / n).toFixed(2)}`)
    .join(', ');
const totalOf = (calls: Map<string, number>) => [...calls.values()].reduce((a, b) => a + b, 0);

export const timeToRunningBench: BillingBench = {
  name: 'time-to-running',
  description:
    'N subscriptions at once (POST to pod RUNNING) against kubectl apply --server-side of the same manifests and waiting for the same workloads',
  async run({ rounds }): Promise<BillingBenchResult> {
    const count = envInt('BENCH_TTR_SUBSCRIPTIONS', 50);
    const kubectl = await kubectlPath();
    const platform = await startPlatform();
    try {
      platform.defer(await raiseNodeCapacity(platform.runtime, kubectl, { pods: 500, cpu: 200, memoryGi: 800 }));
      const waiting = new Map<string, () => void>();
      const workloads = watchWorkloads(platform.runtime, (id) => waiting.get(id)?.());
      platform.defer(() => workloads.stop());
      await workloads.synced;
      // kubectl's discovery cache (its --cache-dir) and Kapal's (in the worker) are filled by a warm-up
      // round of 5 each, not measured; then rounds of alternating order.
      await kubectlRound(platform, kubectl, workloads, waiting, 5);
      await kapalRound(platform, 5);
      const sides = { kapal: [] as Side[], kubectl: [] as Side[] };
      const loadAverages: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? (['kubectl', 'kapal'] as const) : (['kapal', 'kubectl'] as const);
        for (const side of order) {
          loadAverages.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
          sides[side].push(
            side === 'kapal'
              ? await kapalRound(platform, count)
              : await kubectlRound(platform, kubectl, workloads, waiting, count),
          );
          console.error(
            `[time-to-running] round ${round + 1}/${rounds} ${side}: p50 ${s(median(sides[side].at(-1)!.times))}, p95 ${s(percentile(sides[side].at(-1)!.times, 95))}`,
          );
        }
      }
      const pooled = (side: Side[]) => side.flatMap((x) => x.times);
      const kapal = { p50: median(pooled(sides.kapal)), p95: percentile(pooled(sides.kapal), 95) };
      const floor = { p50: median(pooled(sides.kubectl)), p95: percentile(pooled(sides.kubectl), 95) };
      const roundRatios = sides.kapal.map((k, i) => ({
        p50: median(k.times) / median(sides.kubectl[i]!.times),
        p95: percentile(k.times, 95) / percentile(sides.kubectl[i]!.times, 95),
      }));
      const ratio = { p50: kapal.p50 / floor.p50, p95: kapal.p95 / floor.p95 };
      const kapalCalls = new Map<string, number>();
      const kubectlCalls = new Map<string, number>();
      for (const x of sides.kapal) for (const [k, v] of x.calls) kapalCalls.set(k, (kapalCalls.get(k) ?? 0) + v);
      for (const x of sides.kubectl) for (const [k, v] of x.calls) kubectlCalls.set(k, (kubectlCalls.get(k) ?? 0) + v);
      const provisionings = count * rounds;
      const problems: string[] = [];
      const missed = ratio.p50 > TTR_TARGET || ratio.p95 > TTR_TARGET;
      if (missed) {
        problems.push(
          `time-to-running: ${ratio.p50.toFixed(2)}× on p50 and ${ratio.p95.toFixed(2)}× on p95 of kubectl apply --server-side (target ≤ ${TTR_TARGET}×)`,
        );
      }
      const r2 = (x: number) => x.toFixed(2);
      return {
        name: 'time-to-running',
        lines: [
          `time-to-running  ${count} subscriptions at once (${count} tenants, services in turn: ${platform.plans.map((p) => p.slug).join(', ')}), ${rounds} rounds, order alternating, load average ${Math.min(...loadAverages).toFixed(1)}–${Math.max(...loadAverages).toFixed(1)}`,
          `  Kapal (POST → RUNNING)                p50 ${s(kapal.p50)}  p95 ${s(kapal.p95)}   (POST answered in p50 ${median(sides.kapal.flatMap((x) => x.stepMs))} ms)`,
          `  kubectl apply --server-side → avail.  p50 ${s(floor.p50)}  p95 ${s(floor.p95)}   (kubectl process p50 ${s(median(sides.kubectl.flatMap((x) => x.stepMs)))})`,
          `  ratio p50 ${r2(ratio.p50)}×  p95 ${r2(ratio.p95)}×  (rounds: ${roundRatios.map((r) => `${r2(r.p50)}/${r2(r.p95)}`).join(', ')}), target ≤ ${TTR_TARGET}× ${missed ? 'MISSED' : 'ok'}`,
          `  Kubernetes API requests per provisioning (counting proxy): Kapal ${(totalOf(kapalCalls) / provisionings).toFixed(1)} (${perProvisioning(kapalCalls, provisionings)})`,
          `                                                           kubectl ${(totalOf(kubectlCalls) / provisionings).toFixed(1)} (${perProvisioning(kubectlCalls, provisionings)})`,
        ],
        problems,
        figures: {
          count,
          rounds,
          kapal,
          floor,
          ratio,
          roundRatios,
          kapalMs: sides.kapal.map((x) => x.times),
          kubectlMs: sides.kubectl.map((x) => x.times),
          apiCallsPerProvisioning: {
            kapal: Object.fromEntries([...kapalCalls].map(([k, v]) => [k, v / provisionings])),
            kubectl: Object.fromEntries([...kubectlCalls].map(([k, v]) => [k, v / provisionings])),
          },
        },
      };
    } finally {
      await platform.close();
    }
  },
};

// ---------------------------------------------------------------------------------------------------
// scale

async function loadPods(platform: Platform, users: BenchUser[], connections: number, seconds: number) {
  const latencies: number[] = [];
  let next = 0;
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${platform.api}/api/v1/pods`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, authorization: users[next++ % users.length]!.authorization },
            }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance!.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await finished;
  return {
    rps: Math.round(result.requests.average),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Runs one full pass in the worker and answers its own time (the job's processedOn → finishedOn). */
async function timedPass(platform: Platform, step: number) {
  const reconciling = platform.runtime.jobs.queues().get('reconciling')!;
  const { id } = await platform.runtime.jobs.enqueue(
    'subscriptions.reconcile-all',
    {},
    { jobId: `bench-pass-${step}-${hex()}` },
  );
  platform.kapalProxy.reset();
  let peakRss = 0;
  const job = await waitFor(
    async () => {
      peakRss = Math.max(peakRss, platform.workerRssMib());
      const job = await Job.fromId(reconciling, id);
      return job?.finishedOn ? job : undefined;
    },
    { timeoutMs: 3_600_000, intervalMs: 500, what: 'the full pass' },
  );
  if (job.failedReason) throw new Error(`the full pass failed: ${job.failedReason}`);
  const value = job.returnvalue as { visited: number; changed: unknown[]; errors: unknown[] };
  return {
    ms: job.finishedOn! - job.processedOn!,
    visited: value.visited,
    changed: value.changed.length,
    errors: value.errors.length,
    apiCalls: platform.kapalProxy.total(),
    peakRss,
  };
}

export const scaleBench: BillingBench = {
  name: 'scale',
  description: 'N RUNNING subscriptions over T tenants: GET /pods p50/p99, one full reconcile pass, worker RSS',
  async run({ duration, connections }): Promise<BillingBenchResult> {
    const steps = (process.env.BENCH_SCALE_STEPS ?? '500,1000,2000').split(',').map(Number);
    const tenants = envInt('BENCH_SCALE_TENANTS', 500);
    const fillTimeoutMs = envInt('BENCH_SCALE_FILL_TIMEOUT_S', 1800) * 1000;
    const kubectl = await kubectlPath();
    const platform = await startPlatform();
    const lines: string[] = [];
    const problems: string[] = [];
    const figures: Record<string, unknown>[] = [];
    try {
      const largest = Math.max(...steps);
      const restore = await raiseNodeCapacity(platform.runtime, kubectl, {
        pods: Math.ceil((largest * 2) / 3) + 200,
        cpu: Math.ceil(largest / 3) + 100,
        memoryGi: Math.ceil(largest / 3) + 200,
      });
      platform.defer(restore);
      const idleRss = platform.workerRssMib();
      const users = await platform.users(
        tenants,
        Math.ceil(largest / tenants) * Math.max(...platform.plans.map((p) => p.price)),
      );
      lines.push(
        `scale        ${tenants} tenants, services in turn (${platform.plans.map((p) => p.slug).join(', ')}); worker RSS idle ${idleRss.toFixed(0)} MiB (a tsx process)`,
      );
      let made = 0;
      const podIds: string[] = [];
      const fillStarted = Date.now();
      for (const step of steps) {
        const stepStarted = Date.now();
        // Subscriptions are spread over the tenants in turn; 16 POSTs in flight.
        let k = made;
        const toMake = step - made;
        await Promise.all(
          Array.from({ length: 16 }, async () => {
            while (k < step) {
              const i = k++;
              const user = users[i % users.length]!;
              // A tenant's subscriptions are of different services.
              const plan = platform.plans[(i + Math.floor(i / users.length)) % platform.plans.length]!;
              podIds.push((await subscribe(platform, user, plan)).podId);
            }
          }),
        );
        const postedMs = Date.now() - stepStarted;
        try {
          await waitRunning(platform, podIds, fillTimeoutMs);
        } catch (err) {
          problems.push(
            `scale: ${step} subscriptions not all RUNNING within ${fillTimeoutMs / 1000} s: ${(err as Error).message}`,
          );
          lines.push(`  ${step}: ${(err as Error).message}; stopped here`);
          break;
        }
        made = step;
        const filledMs = Date.now() - stepStarted;
        const rssAfterFill = platform.workerRssMib();
        const pods = await loadPods(platform, users, Math.min(connections, 20), duration);
        if (pods.failures > 0) problems.push(`scale: GET /pods had ${pods.failures} failed requests at ${step}`);
        const pass = await timedPass(platform, step);
        if (pass.errors > 0) problems.push(`scale: the full pass at ${step} had ${pass.errors} errors`);
        const rssAfter = platform.workerRssMib();
        lines.push(
          `  ${String(step).padStart(5)} RUNNING (+${toMake} in ${s(filledMs)}, POSTs ${s(postedMs)}; ${s(Date.now() - fillStarted)} since the start): GET /pods ${pods.rps} req/s p50 ${pods.p50.toFixed(1)} ms p99 ${pods.p99.toFixed(1)} ms (${Math.min(connections, 20)} connections, ${duration} s); full pass ${s(pass.ms)} (${pass.visited} visited, ${pass.changed} changed, ${pass.errors} errors, ${(pass.apiCalls / Math.max(1, pass.visited)).toFixed(1)} API requests each); worker RSS ${rssAfterFill.toFixed(0)} MiB after the fill, peak ${pass.peakRss.toFixed(0)} MiB in the pass, ${rssAfter.toFixed(0)} MiB after`,
        );
        console.error(`[scale] ${lines.at(-1)}`);
        figures.push({
          step,
          filledMs,
          postedMs,
          pods,
          pass,
          rss: { idle: idleRss, afterFill: rssAfterFill, peakInPass: pass.peakRss, after: rssAfter },
        });
      }
      lines.push(`  largest size measured: ${made} RUNNING subscriptions over ${Math.min(tenants, made)} tenants`);
      return { name: 'scale', lines, problems, figures: { tenants, steps: figures } };
    } finally {
      // The worker stops first (so nothing re-applies), then the namespaces go, then the rest.
      await platform.close();
    }
  },
};

export const subscriptionBenches: BillingBench[] = [timeToRunningBench, scaleBench];
