import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../test/helpers/test-runtime.js';
import { afterCommit } from './db/db.js';
import { serveWorkerMetrics } from './metrics.js';

describe('/metrics with METRICS_TOKEN', () => {
  const token = `metrics-${randomBytes(12).toString('hex')}`;
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ env: { METRICS_TOKEN: token } });
  });
  afterAll(() => t.close());

  it('answers 401 without the token or with another, and the metrics with it', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHORIZED');
    expect(none.body).not.toContain('kapal_');
    const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    // The process's own metrics and the shared state's gauges (read from PostgreSQL and Redis at scrape time).
    for (const line of [
      'kapal_signups_total 0',
      'kapal_topups_total 0',
      'kapal_webhook_signature_failures_total 0',
      'kapal_subscriptions{status="ACTIVE"} 0',
      'kapal_pods{status="RUNNING"} 0',
      'kapal_provisioning_overdue 0',
      'kapal_subscription_time_to_running_seconds_count 0',
    ]) {
      expect(res.body).toContain(line);
    }
    expect(res.body).toMatch(/kapal_queue_jobs\{queue="[a-z-]+",state="waiting"\} 0/);
    expect(res.body).not.toContain('kapal_metrics_collect_errors_total{');
  });

  it("the worker's metrics server: its registry without the shared state, the same token", async () => {
    const server = await serveWorkerMetrics(t.runtime.metrics, { host: '127.0.0.1', port: 0, token });
    try {
      const url = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/other`)).status).toBe(404);
      const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain('kapal_job_duration_seconds');
      expect(body).toContain('kapal_subscription_time_to_running_seconds_count 0');
      expect(body).not.toContain('kapal_subscriptions{');
      expect(body).not.toContain('kapal_queue_jobs{');
    } finally {
      await server.close();
    }
  });

  it('a sign-up counts once, after its commit', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: `m-${randomBytes(4).toString('hex')}@example.test`, password: 'a-long-password-1', name: 'M' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const metrics = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(metrics.body).toContain('kapal_signups_total 1');
  });

  it('afterCommit hooks run once a transaction commits, never when it rolls back', async () => {
    const ran: string[] = [];
    await t.runtime.database.transaction(async (tx) => {
      afterCommit(tx, () => ran.push('committed'));
      expect(ran).toEqual([]);
    });
    await t.runtime.database
      .transaction(async (tx) => {
        afterCommit(tx, () => ran.push('rolled back'));
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(ran).toEqual(['committed']);
  });
});
