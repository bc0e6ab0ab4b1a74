import { describe, expect, it } from 'vitest';
import { kubeCallLabels } from './kube/kube-client.js';
import { createMetrics, defineStateGauge, metricsAuthorized, renderMetrics } from './metrics.js';

describe('metricsAuthorized', () => {
  it('is open without a token, and wants exactly "Bearer <token>" with one', () => {
    expect(metricsAuthorized(undefined, undefined)).toBe(true);
    const token = 'a-metrics-token-0123456789';
    expect(metricsAuthorized(token, `Bearer ${token}`)).toBe(true);
    expect(metricsAuthorized(token, undefined)).toBe(false);
    expect(metricsAuthorized(token, token)).toBe(false);
    expect(metricsAuthorized(token, `Bearer ${token}x`)).toBe(false);
    expect(metricsAuthorized(token, `Bearer ${token.slice(0, -1)}`)).toBe(false);
    expect(metricsAuthorized(token, `Basic ${token}`)).toBe(false);
  });
});

describe('kubeCallLabels', () => {
  it('takes the verb and the kind of an operation, never a name or namespace', () => {
    expect(kubeCallLabels('get Deployment/tenant-1/app')).toEqual({ verb: 'get', kind: 'deployment' });
    expect(kubeCallLabels('apply NetworkPolicy/t-9f/default-deny')).toEqual({ verb: 'apply', kind: 'networkpolicy' });
    expect(kubeCallLabels('list Pod')).toEqual({ verb: 'list', kind: 'pod' });
    expect(kubeCallLabels('discover apps/v1 StatefulSet')).toEqual({ verb: 'discover', kind: 'statefulset' });
    expect(kubeCallLabels('logs pod tenant-1/app-0')).toEqual({ verb: 'logs', kind: 'pod' });
    expect(kubeCallLabels('patch node kwok-node-0')).toEqual({ verb: 'patch', kind: 'node' });
    expect(kubeCallLabels('evict pod ns/name')).toEqual({ verb: 'evict', kind: 'pod' });
    expect(kubeCallLabels('delete Namespace/undefined')).toEqual({ verb: 'delete', kind: 'namespace' });
    expect(kubeCallLabels('Weird op!')).toEqual({ verb: 'other', kind: 'other' });
  });
});

describe('defineStateGauge', () => {
  it('reads at scrape time, caches the read, and is served only with the state', async () => {
    const metrics = createMetrics();
    let reads = 0;
    defineStateGauge(metrics, {
      name: 'kapal_test_rows',
      help: 'rows',
      labelNames: ['status'] as const,
      zeroes: [{ status: 'A' }, { status: 'B' }],
      cacheMs: 60_000,
      read: async () => {
        reads += 1;
        return [{ labels: { status: 'A' }, value: 3 }];
      },
    });
    expect(await renderMetrics(metrics, { withState: false })).not.toContain('kapal_test_rows');
    const text = await renderMetrics(metrics, { withState: true });
    expect(text).toContain('kapal_test_rows{status="A"} 3');
    expect(text).toContain('kapal_test_rows{status="B"} 0');
    expect(text).toContain('process_cpu_user_seconds_total');
    await renderMetrics(metrics, { withState: true });
    expect(reads).toBe(1);
  });

  it('counts a failed read and shows nothing for it rather than failing the scrape', async () => {
    const metrics = createMetrics();
    let fail = true;
    defineStateGauge(metrics, {
      name: 'kapal_test_broken',
      help: 'broken',
      labelNames: [] as const,
      cacheMs: 0,
      read: async () => {
        if (fail) throw new Error('database down');
        return [{ labels: {}, value: 7 }];
      },
    });
    const text = await renderMetrics(metrics, { withState: true });
    expect(text).toMatch(/^kapal_test_broken Nan$/m); // prom-client writes NaN so; Prometheus parses it
    expect(text).toContain('kapal_metrics_collect_errors_total{collector="kapal_test_broken"} 1');
    fail = false;
    await new Promise((r) => setTimeout(r, 2));
    expect(await renderMetrics(metrics, { withState: true })).toMatch(/^kapal_test_broken 7$/m);
  });
});
