import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppInstance } from './http/app-instance.js';

/**
 * The metrics of one process (and of one test app). Two registries:
 * - `registry`: what happens in this process (HTTP requests, jobs, Kubernetes calls, money moved, mails):
 *   counters and histograms, summed across processes by Prometheus. Modules register their own here.
 * - `stateRegistry`: gauges of the shared state (database rows by status, queue depths), read at scrape
 *   time. Only the API serves them (`/metrics` on PORT), so that a worker scraped beside it does not
 *   report the same rows twice; `kapal worker` serves `registry` alone on WORKER_METRICS_PORT.
 * Label values always come from bounded sets: route templates, queue and job names, enum statuses,
 * Kubernetes verbs and kinds; never user ids or raw URLs (docs/OBSERVABILITY.md).
 */
export interface Metrics {
  registry: Registry;
  stateRegistry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  jobDuration: Histogram<'queue' | 'job_name' | 'outcome'>;
  jobFailures: Counter<'queue' | 'job_name' | 'final'>;
  kubeRequests: Counter<'verb' | 'kind'>;
  kubeErrors: Counter<'verb' | 'kind' | 'code'>;
  /** Scrape-time collections that failed (a gauge then shows nothing rather than stale values). */
  collectErrors: Counter<'collector'>;
}

/** A registry per process (and per test app): default Node metrics plus the platform's own. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const stateRegistry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram({
    name: 'kapal_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'kapal_job_duration_seconds',
    // `job_name`, not `job`: Prometheus keeps `job` for the scrape job (a scraped `job` becomes `exported_job`).
    help: 'Background job run time by queue, job name and outcome (completed or failed), one observation per attempt',
    labelNames: ['queue', 'job_name', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: 'kapal_job_failures_total',
    help: 'Failed job attempts by queue and job name; final="true" when no retry is left',
    labelNames: ['queue', 'job_name', 'final'] as const,
    registers: [registry],
  });
  const kubeRequests = new Counter({
    name: 'kapal_kube_requests_total',
    help: 'Kubernetes API calls by verb and kind (informer watches not included)',
    labelNames: ['verb', 'kind'] as const,
    registers: [registry],
  });
  const kubeErrors = new Counter({
    name: 'kapal_kube_request_errors_total',
    help: 'Failed Kubernetes API calls by verb, kind and HTTP status (unreachable: no answer or timeout)',
    labelNames: ['verb', 'kind', 'code'] as const,
    registers: [registry],
  });
  const collectErrors = new Counter({
    name: 'kapal_metrics_collect_errors_total',
    help: 'Scrape-time metric collections that failed, by collector',
    labelNames: ['collector'] as const,
    registers: [registry],
  });
  return {
    registry,
    stateRegistry,
    httpRequestDuration,
    jobDuration,
    jobFailures,
    kubeRequests,
    kubeErrors,
    collectErrors,
  };
}

/** Counts Kubernetes API calls and failures (the kube client's `observe` option). */
export function kubeCallObserver(metrics: Metrics) {
  return (verb: string, kind: string, errorCode?: string) => {
    metrics.kubeRequests.labels(verb, kind).inc();
    if (errorCode) metrics.kubeErrors.labels(verb, kind, errorCode).inc();
  };
}

/** The text a scrape gets: this process's metrics, and with `withState` the shared-state gauges. */
export async function renderMetrics(metrics: Metrics, options: { withState: boolean }): Promise<string> {
  if (!options.withState) return metrics.registry.metrics();
  // The state first: a failed read is counted in this process's registry, and shows in this very scrape.
  const state = await metrics.stateRegistry.metrics();
  return `${(await metrics.registry.metrics()).trimEnd()}\n${state}`;
}

export interface StateSample<L extends string> {
  labels: Record<L, string>;
  value: number;
}

/**
 * A gauge of the shared state, read by `read` at scrape time (one query) and cached `cacheMs`, so that
 * several scrapers, or a scrape right after another, cost one read. A failed read counts in
 * `kapal_metrics_collect_errors_total` and leaves the gauge empty (NaN without labels) for that scrape.
 */
export function defineStateGauge<L extends string>(
  metrics: Metrics,
  options: {
    name: string;
    help: string;
    labelNames: readonly L[];
    read: () => Promise<StateSample<L>[]>;
    cacheMs?: number;
    /** Label sets always present (0 when absent from `read`), so a rule sees 0 rather than nothing. */
    zeroes?: Record<L, string>[];
  },
): Gauge<L> {
  const cacheMs = options.cacheMs ?? 5_000;
  let cached: { at: number; samples: Promise<StateSample<L>[]> } | undefined;
  const existing = metrics.stateRegistry.getSingleMetric(options.name);
  if (existing) metrics.stateRegistry.removeSingleMetric(options.name);
  return new Gauge<L>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames,
    registers: [metrics.stateRegistry],
    async collect() {
      const now = Date.now();
      if (!cached || now - cached.at > cacheMs) {
        const samples = options.read();
        cached = { at: now, samples };
        samples.catch(() => {
          if (cached?.samples === samples) cached = undefined;
        });
      }
      this.reset();
      let samples: StateSample<L>[];
      try {
        samples = await cached.samples;
      } catch {
        metrics.collectErrors.labels(options.name).inc();
        // A gauge without labels would still say 0: NaN says "not known" (and fires no `> 0` alert by itself).
        if (options.labelNames.length === 0) this.set(Number.NaN);
        return;
      }
      for (const labels of options.zeroes ?? []) this.set(labels as never, 0);
      for (const sample of samples) this.set(sample.labels as never, sample.value);
    },
  });
}

/** `Authorization: Bearer <token>` compared in constant time; always true when no token is configured. */
export function metricsAuthorized(token: string | undefined, header: string | undefined): boolean {
  if (!token) return true;
  const given = header?.startsWith('Bearer ') ? header.slice(7) : '';
  // Digests have one length whatever was sent, so the comparison's time says nothing about the token.
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Times every request by its route template (not its URL, so ids do not explode the label set). Each route
 * gets its own onResponse hook that knows its template, so nothing is looked up per request; requests that
 * match no route are counted as `unmatched`.
 */
export function registerHttpMetrics(app: AppInstance, metrics: Metrics): void {
  const observer = (route: string) => {
    const children = new Map<string, { observe(value: number): void }>();
    return (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const key = `${request.method} ${reply.statusCode}`;
      let child = children.get(key);
      if (!child) {
        child = metrics.httpRequestDuration.labels(request.method, route, String(reply.statusCode));
        children.set(key, child);
      }
      child.observe(reply.elapsedTime / 1000);
      done();
    };
  };
  app.addHook('onRoute', (route) => {
    const hook = observer(route.url);
    route.onResponse = [...(route.onResponse ? [route.onResponse].flat() : []), hook];
  });
  const unmatched = observer('unmatched');
  app.addHook('onResponse', (request, reply, done) => (request.is404 ? unmatched(request, reply, done) : done()));
}

/**
 * `kapal worker`'s own `/metrics` (this process's registry, without the shared-state gauges the API serves)
 * and `/healthz`, on a port of its own; the same bearer token as the API's when METRICS_TOKEN is set.
 */
export async function serveWorkerMetrics(
  metrics: Metrics,
  options: { host: string; port: number; token?: string },
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || (path !== '/metrics' && path !== '/healthz')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (!metricsAuthorized(options.token, request.headers.authorization)) {
      response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('unauthorized\n');
      return;
    }
    renderMetrics(metrics, { withState: false }).then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
