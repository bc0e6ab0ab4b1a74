/**
 * `load` (run by name only; needs the test cluster): a mixed workload against one `kapal all` process for
 * BENCH_LOAD_SECONDS (60). BENCH_LOAD_CUSTOMERS (200) customers each sign in, read the catalog, top up
 * (paid through the fake Midtrans and its signed webhook), list their pods and read their app's log; the
 * first BENCH_LOAD_SUBSCRIBERS (40) also subscribe, so apps are provisioned on the test cluster during the
 * run. BENCH_LOAD_ADMINS (10) administrators list pods, users and transactions. Every client comes from an
 * address of its own (X-Forwarded-For through TRUST_PROXY=127.0.0.1), as real customers do, so per-address
 * rate limits apply as in production.
 *
 * Reports p50 and p99 per route, the answers by status, and the process's resident memory after start-up,
 * after the customers were made, and at the end. Any 5xx or socket error fails the run.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { tenantNamespace } from '../src/modules/templates/index.js';
import { createKubeClient, loadKubeConfig } from '../src/platform/kube/kube-client.js';
import { createRedis } from '../src/platform/redis.js';
import { MIDTRANS_TEST_SERVER_KEY } from '../test/helpers/billing.js';
import { freePort } from '../test/helpers/free-port.js';
import { startFakeMidtrans } from '../test/helpers/midtrans-fake.js';
import { deleteRedisKeys } from '../test/helpers/redis.js';
import { startSmtpSink } from '../test/helpers/smtp-sink.js';
import { waitFor } from '../test/helpers/wait-for.js';
import { createBenchDatabase } from './bench-database.js';
import type { BillingBench, BillingBenchResult } from './billing-scenarios.js';
import { percentile } from './stats.js';

const execFileAsync = promisify(execFile);
const envInt = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PASSWORD = 'correct-horse-battery-9';

/** The process's resident memory in MiB; 0 once it is gone. */
const rssMiB = (pid: number) => {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const line = status.split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
};

/** Kapal's own log lines (errors only unless BENCH_LOAD_LOG_LEVEL says otherwise) go to this file. */
const KAPAL_LOG = 'bench/results/load-kapal.log';

function runKapal(args: string[], env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  mkdirSync('bench/results', { recursive: true });
  const log = openSync(KAPAL_LOG, 'a');
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'src/cli/main-entry.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: process.env.BENCH_LOAD_LOG_LEVEL ?? 'error', WORKER_METRICS_PORT: '0', ...env },
    stdio: ['ignore', log, log],
  });
}
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
  );

/**
 * The V8 heap in use (MiB) after a full garbage collection, asked of the process through its inspector
 * (bound to 127.0.0.1 for the bench only): without the collection, "in use" counts garbage V8 has not
 * collected yet, and no leak could be told from it. A helper node with WebSocket speaks the protocol.
 */
async function heapAfterGcMiB(inspectorPort: number): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const script = `
    const ws = new WebSocket(process.argv[1]);
    ws.onopen = () => {
      ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.id === 1) ws.send(JSON.stringify({ id: 2, method: 'Runtime.evaluate',
        params: { expression: 'process.memoryUsage().heapUsed', returnByValue: true } }));
      if (message.id === 2) { console.log(message.result.result.value); ws.close(); }
    };`;
  const { stdout } = await execFileAsync(process.execPath, [
    '--experimental-websocket',
    '--no-warnings',
    '-e',
    script,
    targets[0]!.webSocketDebuggerUrl,
  ]);
  return Math.round(Number(stdout.trim()) / (1024 * 1024));
}

export const loadBench: BillingBench = {
  name: 'load',
  description: 'mixed customers and administrators against kapal all (test cluster)',
  async run() {
    const seconds = envInt('BENCH_LOAD_SECONDS', 60);
    const customerCount = envInt('BENCH_LOAD_CUSTOMERS', 200);
    const subscriberCount = envInt('BENCH_LOAD_SUBSCRIBERS', 40);
    const adminCount = envInt('BENCH_LOAD_ADMINS', 10);
    const kubeconfig = process.env.KUBECONFIG ?? '/tmp/kapal-testbed/kubeconfig';
    const prefix = `kapal-bench-${randomBytes(4).toString('hex')}`;
    const database = await createBenchDatabase();
    const midtrans = await startFakeMidtrans({ serverKey: MIDTRANS_TEST_SERVER_KEY });
    const smtp = await startSmtpSink();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const adminEmail = `load-admin-${randomBytes(3).toString('hex')}@example.test`;
    const env = {
      DATABASE_URL: database.url,
      QUEUE_PREFIX: prefix,
      KUBECONFIG: kubeconfig,
      PORT: String(port),
      TRUST_PROXY: '127.0.0.1',
      MIDTRANS_SERVER_KEY: MIDTRANS_TEST_SERVER_KEY,
      MIDTRANS_SNAP_URL: midtrans.url,
      MIDTRANS_API_URL: midtrans.url,
      SMTP_URL: smtp.url,
      APPS_DOMAIN: 'apps.kapal.test',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: PASSWORD,
      DATABASE_POOL_MAX: '20',
    };
    const userIds: string[] = [];
    let kapal: ChildProcess | undefined;
    try {
      if ((await exited(runKapal(['seed'], env))) !== 0) throw new Error('kapal seed failed');
      const inspectorPort = await freePort();
      kapal = runKapal(['all'], env, [`--inspect=127.0.0.1:${inspectorPort}`]);
      await waitFor(async () => (await fetch(`${base}/readyz`).catch(() => undefined))?.status === 200, {
        timeoutMs: 120_000,
        what: 'kapal all to be ready',
      });
      const pid = kapal.pid!;
      const died: string[] = [];
      kapal.once('exit', (code, signal) =>
        died.push(`kapal all exited during the run (code ${code}, signal ${signal}); see ${KAPAL_LOG}`),
      );
      const rss = { started: rssMiB(pid), customersMade: 0, end: 0, peak: 0 };

      const timings = new Map<string, number[]>();
      const statuses = new Map<string, number>();
      const failures: string[] = [];
      let ip = 0;
      const client = () => {
        ip += 1;
        return `10.77.${(ip >> 8) & 255}.${ip & 255}`;
      };
      async function call(
        from: string,
        route: string,
        method: string,
        path: string,
        options: { token?: string; body?: unknown } = {},
        // biome-ignore lint/suspicious/noExplicitAny: answers of many shapes, each read for a field or two
      ): Promise<{ status: number; json: () => Promise<any> }> {
        const started = performance.now();
        try {
          const res = await fetch(`${base}${path}`, {
            method,
            headers: {
              'x-forwarded-for': from,
              ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
              ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: options.body === undefined ? undefined : JSON.stringify(options.body),
          });
          const text = await res.text();
          const took = performance.now() - started;
          const list = timings.get(route) ?? [];
          list.push(took);
          timings.set(route, list);
          const key = `${route} ${res.status}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (res.status >= 500) failures.push(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
          return { status: res.status, json: async () => JSON.parse(text) };
        } catch (err) {
          failures.push(`${method} ${path}: ${(err as Error).message}`);
          return { status: 0, json: async () => ({}) };
        }
      }

      // The customers and their first credit (a paid top-up), before the clock starts.
      const catalog = (await (await fetch(`${base}/api/v1/services`)).json()) as { services: { slug: string }[] };
      const services = catalog.services;
      if (services.length === 0) throw new Error('the seeded catalog is empty');
      const customers = await Promise.all(
        Array.from({ length: customerCount }, async (_, i) => {
          const from = client();
          const email = `load-${i}-${randomBytes(3).toString('hex')}@example.test`;
          const reg = await call(from, 'POST /auth/register', 'POST', '/api/v1/auth/register', {
            body: { email, password: PASSWORD, name: `Load ${i}` },
          });
          if (reg.status !== 201) throw new Error(`register: ${reg.status}`);
          const body = await reg.json();
          userIds.push(body.user.id);
          return { from, email, id: body.user.id as string, token: body.tokens.accessToken as string, i };
        }),
      );
      rss.customersMade = rssMiB(pid);
      const heap = { before: await heapAfterGcMiB(inspectorPort), end: 0, idle: 0 };
      const webhook = `${base}/api/v1/webhooks/midtrans`;
      const topUp = async (c: (typeof customers)[number], amount: number) => {
        const res = await call(c.from, 'POST /billing/topups', 'POST', '/api/v1/billing/topups', {
          token: c.token,
          body: { amount },
        });
        if (res.status !== 201) return;
        const orderId: string = (await res.json()).transaction.id;
        midtrans.setStatus(orderId, 'settlement');
        const started = performance.now();
        const paid = await midtrans.notify(orderId, webhook);
        const list = timings.get('POST /webhooks/midtrans') ?? [];
        list.push(performance.now() - started);
        timings.set('POST /webhooks/midtrans', list);
        statuses.set(
          `POST /webhooks/midtrans ${paid.status}`,
          (statuses.get(`POST /webhooks/midtrans ${paid.status}`) ?? 0) + 1,
        );
        if (paid.status >= 500) failures.push(`webhook: ${paid.status} ${paid.body.slice(0, 200)}`);
      };

      const deadline = Date.now() + seconds * 1000;
      const sampler = setInterval(() => {
        rss.peak = Math.max(rss.peak, rssMiB(pid));
      }, 1000);
      const customerLoop = async (c: (typeof customers)[number]) => {
        const login = await call(c.from, 'POST /auth/login', 'POST', '/api/v1/auth/login', {
          body: { email: c.email, password: PASSWORD },
        });
        const token = login.status === 200 ? (await login.json()).tokens.accessToken : c.token;
        await topUp(c, 500_000);
        let subscribed = c.i >= subscriberCount;
        for (let round = 0; Date.now() < deadline; round += 1) {
          const service = services[(c.i + round) % services.length]!;
          await call(c.from, 'GET /services', 'GET', '/api/v1/services');
          const detail = await call(c.from, 'GET /services/{slug}', 'GET', `/api/v1/services/${service.slug}`);
          await call(c.from, 'GET /billing/balance', 'GET', '/api/v1/billing/balance', { token });
          if (!subscribed && detail.status === 200) {
            const plans: { id: string; priceMonthlyIdr?: number }[] = (await detail.json()).plans ?? [];
            const plan = plans[0];
            if (plan) {
              await call(c.from, 'POST /subscriptions', 'POST', '/api/v1/subscriptions', {
                token,
                body: { planId: plan.id, name: `load-${c.i}-${randomBytes(2).toString('hex')}` },
              });
            }
            subscribed = true;
          }
          const pods = await call(c.from, 'GET /pods', 'GET', '/api/v1/pods', { token });
          const running =
            pods.status === 200
              ? (await pods.json()).items.find((p: { status: string }) => p.status === 'RUNNING')
              : undefined;
          if (running)
            await call(c.from, 'GET /pods/{id}/logs', 'GET', `/api/v1/pods/${running.id}/logs?tail=20`, { token });
          if (round % 10 === 9) await topUp(c, 50_000);
          await call(c.from, 'GET /billing/transactions', 'GET', '/api/v1/billing/transactions', { token });
        }
      };
      const adminFrom = client();
      const adminLogin = await call(adminFrom, 'POST /auth/login', 'POST', '/api/v1/auth/login', {
        body: { email: adminEmail, password: PASSWORD },
      });
      if (adminLogin.status !== 200) throw new Error(`admin login: ${adminLogin.status}`);
      const adminToken: string = (await adminLogin.json()).tokens.accessToken;
      const adminLoop = async () => {
        const from = client();
        while (Date.now() < deadline) {
          await call(from, 'GET /admin/pods', 'GET', '/api/v1/admin/pods', { token: adminToken });
          await call(from, 'GET /admin/users', 'GET', '/api/v1/admin/users', { token: adminToken });
          await call(from, 'GET /admin/transactions', 'GET', '/api/v1/admin/transactions', { token: adminToken });
        }
      };
      const startedAt = Date.now();
      await Promise.all([...customers.map(customerLoop), ...Array.from({ length: adminCount }, adminLoop)]);
      const ranFor = (Date.now() - startedAt) / 1000;
      clearInterval(sampler);
      rss.end = rssMiB(pid);
      heap.end = await heapAfterGcMiB(inspectorPort);
      // Quiet for 20 s (the worker may still finish provisioning): what stays is what a leak would show.
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      heap.idle = await heapAfterGcMiB(inspectorPort);

      const lines = [
        `load: ${customerCount} customers (${subscriberCount} subscribing) and ${adminCount} administrators for ${ranFor.toFixed(0)} s against one kapal all`,
        'route                              requests   p50 ms   p99 ms   answers',
      ];
      let total = 0;
      for (const [route, list] of [...timings.entries()].sort()) {
        total += list.length;
        const answers = [...statuses.entries()]
          .filter(([key]) => key.startsWith(`${route} `))
          .map(([key, n]) => `${key.slice(route.length + 1)}×${n}`)
          .join(' ');
        lines.push(
          `${route.padEnd(34)} ${String(list.length).padStart(8)} ${percentile(list, 50).toFixed(1).padStart(8)} ${percentile(list, 99).toFixed(1).padStart(8)}   ${answers}`,
        );
      }
      lines.push(
        `load: ${total} requests (${(total / ranFor).toFixed(0)}/s), ${failures.length} 5xx or socket errors; resident memory ${rss.started} MiB after start, ${rss.customersMade} MiB with the customers made, ${rss.peak} MiB at peak, ${rss.end} MiB at the end`,
        `load: V8 heap in use after a full collection: ${heap.before} MiB before the run (customers made), ${heap.end} MiB at its end, ${heap.idle} MiB after 20 s quiet`,
      );
      const result: BillingBenchResult = {
        name: 'load',
        lines,
        problems: [...died, ...failures.slice(0, 20)].map((f) => `load: ${f}`),
        figures: { total, seconds: ranFor, rss, heap, failures: failures.length },
      };
      return result;
    } finally {
      if (kapal && kapal.exitCode === null) {
        kapal.kill('SIGTERM');
        await exited(kapal);
      }
      const kube = createKubeClient({ kubeConfig: loadKubeConfig(kubeconfig) });
      for (const id of userIds) {
        await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: tenantNamespace(id) }).catch(() => undefined);
      }
      await midtrans.close();
      await smtp.close();
      await database.drop();
      const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'kapal-bench-cleanup' });
      await deleteRedisKeys(redis, prefix).finally(() => redis.quit());
    }
  },
};
