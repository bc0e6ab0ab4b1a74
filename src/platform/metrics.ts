import type { FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AppInstance } from './http/app-instance.js';

export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
}

/** A registry per process (and per test app): default Node metrics plus the HTTP histogram. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram({
    name: 'kapal_http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpRequestDuration };
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
