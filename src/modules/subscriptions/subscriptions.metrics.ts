import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Database } from '../../platform/db/db.js';
import { defineStateGauge, type Metrics } from '../../platform/metrics.js';
import { podStatus, subscriptionStatus } from './subscriptions.tables.js';

/**
 * The subscriptions' metrics. In this process: time from subscribe to RUNNING (observed by the worker's
 * informers), provisioning failures and the open live-status streams (GET /api/v1/events). Of the shared
 * state, read at scrape time by the API (one query each, cached): subscriptions and pods by status, active
 * subscriptions by service (catalog slugs, a set administrators keep small), and first provisionings past
 * their deadline.
 */
export function createSubscriptionsMetrics(deps: { metrics: Metrics; database: Pick<Database, 'db'> }) {
  const { metrics } = deps;
  const db = deps.database.db;
  const counts = async (query: ReturnType<typeof sql>) =>
    (await db.execute<{ label: string; count: string }>(query)).rows.map((r) => ({
      label: r.label,
      value: Number(r.count),
    }));

  defineStateGauge(metrics, {
    name: 'kapal_subscriptions',
    help: 'Subscriptions by status',
    labelNames: ['status'] as const,
    zeroes: subscriptionStatus.enumValues.map((status) => ({ status })),
    read: async () =>
      (await counts(sql`select status as label, count(*) as count from subscriptions group by status`)).map((r) => ({
        labels: { status: r.label },
        value: r.value,
      })),
  });
  defineStateGauge(metrics, {
    name: 'kapal_pods',
    help: "Subscriptions' app pods (Kapal's pod rows) by status",
    labelNames: ['status'] as const,
    zeroes: podStatus.enumValues.map((status) => ({ status })),
    read: async () =>
      (await counts(sql`select status as label, count(*) as count from pods group by status`)).map((r) => ({
        labels: { status: r.label },
        value: r.value,
      })),
  });
  defineStateGauge(metrics, {
    name: 'kapal_active_subscriptions',
    help: 'ACTIVE subscriptions by service (catalog slug)',
    labelNames: ['service'] as const,
    read: async () =>
      (
        await counts(sql`
          select coalesce(sv.slug, 'deleted') as label, count(*) as count
          from subscriptions s left join services sv on sv.id = s.service_id
          where s.status = 'ACTIVE' group by 1`)
      ).map((r) => ({ labels: { service: r.label }, value: r.value })),
  });
  defineStateGauge(metrics, {
    name: 'kapal_provisioning_overdue',
    help: 'First provisionings of live subscriptions past their deadline and not failed yet (the reconcile pass fails them)',
    labelNames: [] as const,
    read: async () => {
      const { rows } = await db.execute<{ count: string }>(sql`
        select count(*) as count from pods p join subscriptions s on s.id = p.subscription_id
        where p.status = 'PROVISIONING' and p.ready_at is null and p.provisioning_deadline_at < now()
          and s.status in ('ACTIVE', 'SUSPENDED', 'CANCELLED')`);
      return [{ labels: {}, value: Number(rows[0]?.count ?? 0) }];
    },
  });

  return {
    timeToRunning: new Histogram({
      name: 'kapal_subscription_time_to_running_seconds',
      help: 'Time from subscribing (the subscription created) to its app first RUNNING',
      buckets: [5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800],
      registers: [metrics.registry],
    }),
    provisioningFailures: new Counter({
      name: 'kapal_provisioning_failures_total',
      help: 'First provisionings failed for good (deadline passed or objects refused), refunded',
      registers: [metrics.registry],
    }),
    eventStreams: new Gauge({
      name: 'kapal_event_streams',
      help: 'Live-status streams (GET /api/v1/events) open in this process',
      registers: [metrics.registry],
    }),
  };
}
