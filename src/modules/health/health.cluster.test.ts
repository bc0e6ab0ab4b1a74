import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSilentServer } from '../../../test/helpers/tcp-proxy.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { createDatabase } from '../../platform/db/db.js';
import { createKubeClient } from '../../platform/kube/kube-client.js';
import { createRedis } from '../../platform/redis.js';

// A loopback port nothing listens on: the dependency is down.
const DEAD_PORT = 1;

describe('operations endpoints', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.close());

  it('GET /healthz answers while the process is up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is ready when PostgreSQL, Redis and Kubernetes answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.json().checks).toMatchObject({ postgres: { ok: true }, redis: { ok: true }, kubernetes: { ok: true } });
    expect(res.statusCode).toBe(200);
  });

  it('GET /metrics exposes default metrics and the HTTP histogram by route and status', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toMatch(
      /kapal_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    await t.app.inject({ method: 'GET', url: '/no/such/route/42' });
    const after = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(after.body).toMatch(
      /kapal_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} 1/,
    );
  });

  it('serves the OpenAPI 3.1 document and the docs UI', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/metrics']));
    const ui = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('answers errors raised before routing with the same envelope', async () => {
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/admin/workers/${'x'.repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({
      error: { code: 'BAD_REQUEST', message: 'A path parameter is too long', requestId: expect.any(String) },
    });
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/services/%E0%A4%A' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'BAD_REQUEST', message: 'Malformed request URL' });
  });

  it('answers unknown routes with the error envelope and echoes the request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': 'trace-123' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Route GET /api/v1/nope not found', requestId: 'trace-123' },
    });
  });
});

const deadKubernetes = (server: string) => {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'dead', server, skipTLSVerify: true }],
    users: [{ name: 'nobody' }],
    contexts: [{ name: 'dead', cluster: 'dead', user: 'nobody' }],
    currentContext: 'dead',
  });
  return createKubeClient({ kubeConfig });
};

/** Nothing a probe answers may say where a dependency lives or what its driver said. */
function expectNothingInternal(body: string) {
  for (const leak of ['127.0.0.1', 'localhost', 'ECONNREFUSED', 'connect', 'kapal_test', 'did not answer']) {
    expect(body).not.toContain(leak);
  }
}

describe('GET /readyz with a dependency down', () => {
  const cases = {
    postgres: () => ({ database: createDatabase({ url: `postgres://postgres@127.0.0.1:${DEAD_PORT}/kapal` }) }),
    redis: () => ({ redis: createRedis(`redis://127.0.0.1:${DEAD_PORT}`) }),
  } as const;

  for (const [name, overrides] of Object.entries(cases)) {
    it(`is 503 when ${name} is down, says so in a word, and marks only ${name} down`, async () => {
      const t = await startTestRuntime({ overrides: overrides() });
      try {
        const res = await t.app.inject({ method: 'GET', url: '/readyz' });
        expect(res.statusCode).toBe(503);
        const body = res.json();
        expect(body.status).toBe('unavailable');
        for (const [dependency, check] of Object.entries(
          body.checks as Record<string, { ok: boolean; error?: string }>,
        )) {
          expect(check.ok, dependency).toBe(dependency !== name);
          if (dependency === name) expect(['timeout', 'unavailable']).toContain(check.error);
          else expect(check.error, dependency).toBeUndefined();
        }
        expectNothingInternal(res.body);
      } finally {
        await t.close();
      }
    });
  }

  it('stays ready when only Kubernetes is unreachable, and reports it', async () => {
    const t = await startTestRuntime({ overrides: { kube: deadKubernetes(`https://127.0.0.1:${DEAD_PORT}`) } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'ready',
        checks: { postgres: { ok: true }, redis: { ok: true }, kubernetes: { ok: false, error: 'unavailable' } },
      });
      expectNothingInternal(res.body);
    } finally {
      await t.close();
    }
  });

  it('stays ready when Kubernetes hangs, and answers within its bound', async () => {
    const silent = await startSilentServer();
    const t = await startTestRuntime({ overrides: { kube: deadKubernetes(`https://127.0.0.1:${silent.port}`) } });
    try {
      const started = performance.now();
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(res.statusCode).toBe(200);
      expect(res.json().checks.kubernetes).toMatchObject({ ok: false, error: 'timeout' });
      expect(res.body).not.toContain(String(silent.port));
    } finally {
      await t.close();
      await silent.close();
    }
  });
});
