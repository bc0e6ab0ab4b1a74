import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBareSubscription } from '../../test/helpers/subscriptions.js';
import { startTestRuntime, type TestRuntime } from '../../test/helpers/test-runtime.js';
import { waitFor } from '../../test/helpers/wait-for.js';
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

  it('counts first provisionings past their deadline, not those within it nor apps that ran before', async () => {
    const db = t.runtime.database.db;
    const pod = async (deadline: string, readyAt: string | null) => {
      const { id, userId } = await insertBareSubscription(db);
      const podId = randomUUID();
      await db.execute(sql`
        insert into pods (id, subscription_id, user_id, status, namespace, workload_kind, workload_name,
                          provisioning_deadline_at, ready_at)
        values (${podId}, ${id}, ${userId}, 'PROVISIONING', ${`tenant-${userId}`}, 'Deployment', ${`bare-${podId.slice(0, 8)}`},
                now() + ${deadline}::interval, ${readyAt === null ? null : sql`now() - ${readyAt}::interval`})`);
    };
    await pod('-1 hour', null); // overdue
    await pod('-2 minutes', null); // overdue
    await pod('+5 minutes', null); // within its deadline
    await pod('-1 hour', '1 day'); // ran before: starting again after a suspension
    // The state gauges are cached 5 s: an earlier scrape's values may still be served.
    const res = await waitFor(
      async () => {
        const scrape = await t.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: { authorization: `Bearer ${token}` },
        });
        return /^kapal_pods\{status="PROVISIONING"\} [1-9]/m.test(scrape.body) ? scrape : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250, what: 'a fresh read of the state gauges' },
    );
    expect(res.body).toMatch(/^kapal_provisioning_overdue 2$/m);
    expect(res.body).toContain('kapal_pods{status="PROVISIONING"} 4');
    expect(res.body).toContain('kapal_subscriptions{status="ACTIVE"} 4');
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
