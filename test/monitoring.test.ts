import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { metricNames } from './helpers/promql.js';

const run = promisify(execFile);
/** Grafana's data source variable, `$` then `{datasource}`. */
const DATASOURCE_VARIABLE = ['$', '{datasource}'].join('');
const MONITORING = resolve(import.meta.dirname, '../deploy/monitoring');

/**
 * deploy/monitoring checked offline with Debian's promtool (the README's prerequisites install it): the
 * rules are valid and pass their unit tests. The cluster test (observability.cluster.test.ts) runs them in a
 * real Prometheus against a running Kapal.
 */
describe('deploy/monitoring', () => {
  it('promtool check rules: every rule file is valid', async () => {
    const { stdout } = await run('promtool', ['check', 'rules', join(MONITORING, 'rules/kapal.yml')]);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('promtool test rules: the alert unit tests pass (each alert fires and stays quiet when it should)', async () => {
    const { stdout } = await run('promtool', ['test', 'rules', 'tests/kapal.test.yml'], { cwd: MONITORING });
    expect(stdout).toContain('SUCCESS');
  });

  it('promtool test rules fails a wrong expectation (the test above can fail)', async () => {
    const rules = join(MONITORING, 'rules/kapal.yml');
    const wrong = `rule_files: ['${rules}']
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: kapal_workers_offline
        values: '0x10'
    alert_rule_test:
      - eval_time: 9m
        alertname: KapalWorkerOffline
        exp_alerts: [{ exp_labels: { severity: warning } }]
`;
    const { writeFile, mkdtemp, rm } = await import('node:fs/promises');
    const dir = await mkdtemp(join((await import('node:os')).tmpdir(), 'kapal-promtool-'));
    try {
      await writeFile(join(dir, 'wrong.yml'), wrong);
      await expect(run('promtool', ['test', 'rules', join(dir, 'wrong.yml')])).rejects.toThrow(/FAILED/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('every alert says what it means (summary, description, severity) and every rule is tested', async () => {
    const rules = parse(await readFile(join(MONITORING, 'rules/kapal.yml'), 'utf8')) as {
      groups: {
        rules: { alert: string; expr: string; labels: { severity: string }; annotations: Record<string, string> }[];
      }[];
    };
    const tests = await readFile(join(MONITORING, 'tests/kapal.test.yml'), 'utf8');
    const alerts = rules.groups.flatMap((g) => g.rules);
    for (const alert of alerts) {
      expect(['warning', 'critical']).toContain(alert.labels.severity);
      expect(alert.annotations.summary, alert.alert).toBeTruthy();
      expect(alert.annotations.description, alert.alert).toBeTruthy();
      expect(tests, `${alert.alert} has a unit test`).toContain(`alertname: ${alert.alert}`);
      expect(metricNames(alert.expr).length, alert.alert).toBeGreaterThan(0);
    }
  });

  it('the dashboard is Grafana JSON with business and platform panels on one Prometheus data source', async () => {
    const dashboard = JSON.parse(await readFile(join(MONITORING, 'grafana/kapal-dashboard.json'), 'utf8'));
    const panels = dashboard.panels.filter((p: { type: string }) => p.type !== 'row');
    const titles = panels.map((p: { title: string }) => p.title);
    for (const title of ['Sign-ups', 'Top-ups', 'Revenue (top-ups, IDR)', 'Active subscriptions by service']) {
      expect(titles).toContain(title);
    }
    for (const title of ['API latency', 'API 5xx ratio', 'Queue depth', 'Provisioning time (subscribe to RUNNING)']) {
      expect(titles).toContain(title);
    }
    const ids = new Set<number>();
    for (const panel of panels) {
      expect(ids.has(panel.id)).toBe(false);
      ids.add(panel.id);
      expect(panel.datasource.uid).toBe(DATASOURCE_VARIABLE);
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets) expect(metricNames(target.expr).length, panel.title).toBeGreaterThan(0);
    }
  });

  it('metricNames reads metric names out of PromQL, not functions, labels, durations or variables', () => {
    expect(
      metricNames(
        'histogram_quantile(0.95, sum by (le, queue) (rate(kapal_job_duration_seconds_bucket{state=~"a|b"}[$__rate_interval])))',
      ),
    ).toEqual(['kapal_job_duration_seconds_bucket']);
    expect(metricNames('sum(rate(a_total{status=~"5.."}[5m])) / sum(rate(a_total[5m])) > 0.05')).toEqual(['a_total']);
    expect(metricNames('up{job=~"kapal-api|kapal-worker"} == 0')).toEqual(['up']);
    expect(metricNames('max(x) > 0 and on (job) y offset 5m')).toEqual(['x', 'y']);
  });
});
