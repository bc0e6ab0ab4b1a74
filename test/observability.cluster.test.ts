import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { V1Secret } from '@kubernetes/client-node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { jobCatalog } from '../src/jobs.js';
import { LABELS, tenantNamespace } from '../src/modules/templates/index.js';
import { createKubeClient, loadKubeConfig } from '../src/platform/kube/kube-client.js';
import { createRedis } from '../src/platform/redis.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { testEnv } from './helpers/env.js';
import { freePort } from './helpers/free-port.js';
import { runKapal, startKapal } from './helpers/kapal-process.js';
import { type FakeMidtrans, startFakeMidtrans } from './helpers/midtrans-fake.js';
import { metricNames } from './helpers/promql.js';
import { deleteRedisKeys } from './helpers/redis.js';
import { type SmtpSink, startSmtpSink } from './helpers/smtp-sink.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * Observability against the real thing: `kapal api` and `kapal worker` as processes (LOG_LEVEL=info,
 * METRICS_TOKEN set) on a database of their own, the test cluster, the SMTP sink and the fake Midtrans;
 * Debian's Prometheus started on a free port with deploy/monitoring/prometheus.yml (its targets and token
 * pointed at those processes, 1 s intervals) and the alert rules. A scenario runs (sign-up with a first
 * mail attempt refused, login, a top-up, a forged webhook, a subscription to RUNNING with its service-ready
 * mail), then every rule's and every dashboard panel's query is checked against what Prometheus scraped,
 * the label values of every kapal_* series are checked against bounded sets, and the processes' logs are
 * checked for one JSON line per request and job and for the scenario's secrets.
 */

const ROOT = resolve(import.meta.dirname, '..');
const MONITORING = join(ROOT, 'deploy/monitoring');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Panels expected to have no finite sample after the scenario, and why. */
const EMPTY_BY_DESIGN: Record<string, string> = {
  'API 5xx ratio': 'the scenario answers no 5xx',
};

const grafanaVariables = (expr: string) =>
  expr.replaceAll('$__rate_interval', '5m').replaceAll('$__range', '1h').replaceAll('$__interval', '1m');

describe('metrics, alert rules, dashboard and logs after a scenario', () => {
  let database: TestDatabase;
  let smtp: SmtpSink;
  let midtrans: FakeMidtrans;
  let prometheus: ChildProcess | undefined;
  let prometheusExited: Promise<unknown> | undefined;
  let promDir: string;
  let promUrl: string;
  let api: ReturnType<typeof startKapal>;
  let worker: ReturnType<typeof startKapal>;
  let apiUrl: string;
  let userId: string | undefined;
  const prefix = `kapal-test-${randomBytes(4).toString('hex')}`;
  const metricsToken = `metrics-${randomBytes(16).toString('hex')}`;
  const serverKey = `SB-Mid-server-${randomBytes(12).toString('hex')}`;
  const jwtSecret = `jwt-${randomBytes(24).toString('hex')}`;
  const password = `Pw1-${randomBytes(9).toString('hex')}!`;
  /** Everything the logs must not contain. */
  const secrets: Record<string, string> = { password, metricsToken, serverKey, jwtSecret };
  const kube = createKubeClient({ kubeConfig: loadKubeConfig(process.env.KUBECONFIG) });

  const promQuery = async (query: string) => {
    const res = await fetch(`${promUrl}/api/v1/query?${new URLSearchParams({ query })}`);
    const body = (await res.json()) as {
      status: string;
      error?: string;
      data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    expect(body.status, `${query}: ${body.error}`).toBe('success');
    return body.data.result;
  };
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpSink();
    midtrans = await startFakeMidtrans({ serverKey });
    const [apiPort, workerPort, promPort] = [await freePort(), await freePort(), await freePort()];
    apiUrl = `http://127.0.0.1:${apiPort}`;
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: '5',
      REDIS_URL: testEnv.redisUrl,
      QUEUE_PREFIX: prefix,
      KUBECONFIG: process.env.KUBECONFIG ?? '',
      SMTP_URL: smtp.url,
      APPS_DOMAIN: 'apps.kapal.test',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      PUBLIC_URL: apiUrl,
      WORKER_METRICS_PORT: String(workerPort),
      METRICS_TOKEN: metricsToken,
      JWT_SECRET: jwtSecret,
      MIDTRANS_SERVER_KEY: serverKey,
      MIDTRANS_SNAP_URL: midtrans.url,
      MIDTRANS_API_URL: midtrans.url,
    };
    const seeded = await runKapal(['seed'], { ...env, LOG_LEVEL: 'silent' });
    expect(seeded.code, seeded.stderr).toBe(0);
    api = startKapal(['api'], env);
    worker = startKapal(['worker'], env);
    // Generous: two tsx processes starting beside whatever else runs on the machine.
    await waitFor(async () => (await fetch(`${apiUrl}/healthz`).catch(() => undefined))?.ok === true, {
      timeoutMs: 180_000,
      intervalMs: 250,
      what: `kapal api (${api.output().stderr.slice(-500)})`,
    });
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${workerPort}/healthz`).catch(() => undefined))?.ok === true,
      { timeoutMs: 180_000, intervalMs: 250, what: `kapal worker (${worker.output().stderr.slice(-500)})` },
    );

    // deploy/monitoring/prometheus.yml as shipped, pointed at these processes.
    promDir = await mkdtemp(join(tmpdir(), 'kapal-prometheus-'));
    const config = parse(await readFile(join(MONITORING, 'prometheus.yml'), 'utf8'));
    const targets: Record<string, string> = {
      'kapal-api': `127.0.0.1:${apiPort}`,
      'kapal-worker': `127.0.0.1:${workerPort}`,
    };
    expect(config.scrape_configs.map((s: { job_name: string }) => s.job_name).sort()).toEqual(Object.keys(targets));
    await writeFile(join(promDir, 'token'), metricsToken);
    config.global = { scrape_interval: '1s', evaluation_interval: '1s' };
    config.rule_files = [join(MONITORING, 'rules/*.yml')];
    for (const scrape of config.scrape_configs) {
      scrape.static_configs = [{ targets: [targets[scrape.job_name]] }];
      scrape.authorization.credentials_file = join(promDir, 'token');
    }
    await writeFile(join(promDir, 'prometheus.yml'), stringify(config));
    const child = spawn(
      'prometheus',
      [
        `--config.file=${join(promDir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(promDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus = child;
    let promLog = '';
    child.stderr!.on('data', (d) => (promLog += d));
    prometheusExited = new Promise((r) => child.once('exit', r));
    promUrl = `http://127.0.0.1:${promPort}`;
    await waitFor(async () => (await fetch(`${promUrl}/-/ready`).catch(() => undefined))?.ok === true, {
      timeoutMs: 30_000,
      intervalMs: 200,
      what: `Prometheus ready (${promLog.slice(-500)})`,
    });
    await waitFor(async () => (await promQuery('up == 1')).length === 2, {
      timeoutMs: 30_000,
      intervalMs: 250,
      what: 'both Kapal processes scraped with the token',
    });
  }, 420_000);

  afterAll(async () => {
    for (const run of [api, worker]) {
      if (run && run.child.exitCode === null && run.child.signalCode === null) {
        run.child.kill('SIGTERM');
        await run.exited;
      }
    }
    if (prometheus && prometheus.exitCode === null) {
      prometheus.kill('SIGTERM');
      await prometheusExited;
    }
    if (userId) {
      await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: tenantNamespace(userId) }).catch(() => false);
    }
    const redis = createRedis(testEnv.redisUrl, { name: 'kapal-test-cleanup' });
    await deleteRedisKeys(redis, prefix).finally(() => redis.quit().catch(() => redis.disconnect()));
    await smtp?.close();
    await midtrans?.close();
    await database?.drop();
    if (promDir) await rm(promDir, { recursive: true, force: true });
  }, 60_000);

  it('runs the scenario; every rule and panel reads metrics that exist, panels have data, labels are bounded, logs hold no secret', async () => {
    // /metrics wants the token on both processes.
    expect((await fetch(`${apiUrl}/metrics`)).status).toBe(401);
    expect((await call('GET', '/metrics', undefined, 'wrong-token-of-some-length')).status).toBe(401);

    // Sign-up, with the first attempt of its mails refused by the SMTP server (retried with backoff).
    smtp.refuse(true);
    const email = `obs-${randomBytes(4).toString('hex')}@example.test`;
    const registered = await call('POST', '/api/v1/auth/register', { email, password, name: 'Observed User' });
    expect(registered.status, registered.text).toBe(201);
    userId = registered.json().user.id as string;
    secrets.registerAccess = registered.json().tokens.accessToken;
    secrets.registerRefresh = registered.json().tokens.refreshToken;
    await waitFor(() => smtp.refused > 0, { timeoutMs: 30_000, what: 'a refused mail attempt' });
    smtp.refuse(false);
    await smtp.waitForMessage((m) => m.to.includes(email), 30_000);

    const login = await call('POST', '/api/v1/auth/login', { email, password });
    expect(login.status, login.text).toBe(200);
    const token = login.json().tokens.accessToken as string;
    secrets.loginAccess = token;
    secrets.loginRefresh = login.json().tokens.refreshToken;

    // A top-up paid through the fake Midtrans, and a forged notification.
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const { rows: plans } = await pool
      .query<{ id: string; price: string }>(
        `select p.id, p.price_monthly_idr as price from plans p join services s on s.id = p.service_id
          where s.slug = 'wordpress' and p.is_active order by p.price_monthly_idr limit 1`,
      )
      .finally(() => pool.end());
    expect(plans.length).toBe(1);
    const plan = plans[0]!;
    const amount = Math.ceil((Number(plan.price) + 10_000) / 10_000) * 10_000;
    const topup = await call('POST', '/api/v1/billing/topups', { amount }, token);
    expect(topup.status, topup.text).toBe(201);
    const orderId = topup.json().transaction.id as string;
    midtrans.setStatus(orderId, 'settlement', 'qris');
    await midtrans.notify(orderId, `${apiUrl}/api/v1/webhooks/midtrans`);
    await waitFor(
      async () => (await call('GET', '/api/v1/billing/balance', undefined, token)).json().balance === amount,
      {
        timeoutMs: 30_000,
        what: 'the top-up credited',
      },
    );
    const forged = await midtrans.notify(orderId, `${apiUrl}/api/v1/webhooks/midtrans`, {
      signature_key: 'f'.repeat(128),
    });
    expect(forged.status).toBe(401);

    // A subscription to RUNNING, its generated secrets, and its service-ready mail.
    const subscribed = await call(
      'POST',
      '/api/v1/subscriptions',
      { planId: plan.id, name: `obs-${randomBytes(3).toString('hex')}` },
      token,
    );
    expect(subscribed.status, subscribed.text).toBe(201);
    const subscriptionId = subscribed.json().subscription.id as string;
    await waitFor(
      async () =>
        (await call('GET', `/api/v1/subscriptions/${subscriptionId}`, undefined, token)).json().pod?.status ===
        'RUNNING',
      { timeoutMs: 90_000, intervalMs: 500, what: 'the subscription RUNNING' },
    );
    const generated = await kube.list<V1Secret>('v1', 'Secret', {
      namespace: tenantNamespace(userId),
      labelSelector: `${LABELS.subscription}=${subscriptionId}`,
    });
    for (const [i, secret] of generated.entries()) {
      for (const [key, value] of Object.entries(secret.data ?? {})) {
        const plain = Buffer.from(value, 'base64').toString('utf8');
        if (plain.length >= 12) secrets[`app secret ${i}/${key}`] = plain;
      }
    }
    expect(Object.keys(secrets).some((k) => k.startsWith('app secret'))).toBe(true);

    // Prometheus has scraped what the scenario did.
    await waitFor(
      async () => {
        const checks = [
          'sum(kapal_topups_total) >= 1',
          'sum(kapal_webhook_signature_failures_total) >= 1',
          'sum(kapal_subscription_time_to_running_seconds_count) >= 1',
          'sum(kapal_signups_total) >= 1',
          'sum(kapal_mails_failed_total) >= 1',
          'sum(kapal_mails_sent_total) >= 1',
          'max(kapal_active_subscriptions) >= 1',
        ];
        for (const check of checks) if ((await promQuery(check)).length === 0) return false;
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'the scenario in Prometheus' },
    );
    // Two more scrapes of each process after the scenario, so rates over it have samples on both sides.
    const settledAt = Date.now() / 1000;
    await waitFor(
      async () => {
        const scrapes = await promQuery('timestamp(up{job=~"kapal-api|kapal-worker"})');
        return scrapes.length === 2 && scrapes.every((s) => Number(s.value[1]) > settledAt + 2);
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'two scrapes after the scenario' },
    );

    const names = new Set(
      ((await (await fetch(`${promUrl}/api/v1/label/__name__/values`)).json()) as { data: string[] }).data,
    );

    // Alert rules: loaded, evaluated without error, on metric names that exist.
    const rules = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as {
      data: { groups: { rules: { name: string; query: string; health: string; lastError?: string }[] }[] };
    };
    const allRules = rules.data.groups.flatMap((g) => g.rules);
    expect(allRules.length).toBeGreaterThanOrEqual(10);
    for (const rule of allRules) {
      expect(rule.health, `${rule.name}: ${rule.lastError}`).toBe('ok');
      const used = metricNames(rule.query);
      expect(used.length, rule.name).toBeGreaterThan(0);
      for (const name of used) expect(names.has(name), `${rule.name} reads ${name}`).toBe(true);
    }

    // Dashboard panels: names exist, and each query returns data (unless empty by design).
    const dashboard = JSON.parse(await readFile(join(MONITORING, 'grafana/kapal-dashboard.json'), 'utf8')) as {
      panels: { type: string; title: string; targets?: { expr: string }[] }[];
    };
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThan(15);
    for (const panel of panels) {
      let withData = 0;
      for (const target of panel.targets ?? []) {
        for (const name of metricNames(target.expr)) expect(names.has(name), `${panel.title} reads ${name}`).toBe(true);
        // Data: a sample with a number (a quantile of buckets that never moved would be NaN).
        const samples = await promQuery(grafanaVariables(target.expr));
        if (samples.some((sample) => Number.isFinite(Number(sample.value[1])))) withData += 1;
      }
      if (EMPTY_BY_DESIGN[panel.title]) continue;
      expect(withData, `${panel.title} has data`).toBeGreaterThan(0);
    }

    // Bounded labels: every kapal_* series' label values come from closed sets, none names a user or a URL.
    const series = (
      (await (
        await fetch(`${promUrl}/api/v1/series?${new URLSearchParams({ 'match[]': '{__name__=~"kapal_.*"}' })}`)
      ).json()) as {
        data: Record<string, string>[];
      }
    ).data;
    expect(series.length).toBeGreaterThan(50);
    const queues = new Set(Object.values(jobCatalog).map((d) => d.queue));
    const jobNames = new Set([...Object.keys(jobCatalog), 'unknown']);
    const bounded: Record<string, (value: string, metric: string) => boolean> = {
      method: (v) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(v),
      route: (v) => v === 'unmatched' || /^\/[A-Za-z0-9/_:.*-]*$/.test(v),
      status: (v, m) => (m.startsWith('kapal_http') ? /^[1-5]\d\d$/.test(v) : /^[A-Z_]{2,20}$/.test(v)),
      queue: (v) => queues.has(v),
      job_name: (v) => jobNames.has(v),
      outcome: (v) => v === 'completed' || v === 'failed',
      final: (v) => v === 'true' || v === 'false',
      verb: (v) => /^[a-z]{2,16}$/.test(v),
      kind: (v) => /^[a-z][a-z0-9]{0,62}$/.test(v),
      code: (v) => /^\d{3}$/.test(v) || v === 'unreachable' || v === 'other',
      state: (v) => ['waiting', 'active', 'delayed', 'prioritized', 'failed'].includes(v),
      service: (v) => /^[a-z0-9-]{1,63}$/.test(v),
      template: (v) => /^[a-z0-9-]{1,40}$/.test(v),
      source: (v) => v === 'webhook' || v === 'status-sync',
      verdict: (v) => /^[a-z-]{1,30}$/.test(v),
      collector: (v) => /^kapal_[a-z_]+$/.test(v),
      le: (v) => /^(\+Inf|[\d.e+-]+)$/.test(v),
    };
    const seenValues: Record<string, Set<string>> = {};
    for (const labels of series) {
      for (const [label, value] of Object.entries(labels)) {
        if (label === '__name__' || label === 'job' || label === 'instance') continue;
        const check = bounded[label];
        expect(check, `label ${label} of ${labels.__name__} has no bounded set in this test`).toBeDefined();
        expect(check!(value, labels.__name__!), `${labels.__name__}{${label}="${value}"}`).toBe(true);
        expect(UUID.test(value) || value.includes('@') || value.includes('?'), `${label}="${value}"`).toBe(false);
        seenValues[label] = (seenValues[label] ?? new Set()).add(value);
      }
    }
    // Routes are templates: the subscription's id never appears, its route does.
    expect(seenValues.route).toContain('/api/v1/subscriptions/:id');
    expect([...seenValues.route!].some((r) => r.includes(subscriptionId))).toBe(false);

    // Logs: JSON lines; one per request (request id, route, status, duration, user id when signed in) and
    // per job (job id, queue, name, duration, outcome); no secret of the scenario anywhere.
    const logs = `${api.output().stdout}\n${worker.output().stdout}`;
    const lines = logs
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const requestLines = lines.filter((l) => l.msg === 'request completed');
    const topupLine = requestLines.find((l) => l.route === '/api/v1/billing/topups' && l.method === 'POST');
    expect(topupLine).toMatchObject({
      statusCode: 201,
      userId,
      reqId: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect(requestLines.find((l) => l.route === '/api/v1/auth/register')).toMatchObject({ statusCode: 201 });
    const jobLines = lines.filter((l) => l.msg === 'job completed' || l.msg === 'job failed');
    expect(jobLines.find((l) => l.job === 'subscriptions.reconcile' && l.outcome === 'completed')).toMatchObject({
      jobId: expect.any(String),
      queue: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect(jobLines.some((l) => l.outcome === 'failed')).toBe(true); // the refused mail attempt
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThan(8);
      expect(logs.includes(secret), `the logs contain the ${what}`).toBe(false);
      expect(api.output().stderr.includes(secret) || worker.output().stderr.includes(secret), `stderr: ${what}`).toBe(
        false,
      );
    }
  }, 300_000);
});
