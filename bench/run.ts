/**
 * Load-tests Kapal endpoints with autocannon and reports each as a ratio against a bare node:http server
 * returning the same bytes (after running the same SQL, for routes that query), measured in the same run
 * in rounds of alternating order (these machines are shared and noisy, so only the ratio means something).
 * Any non-2xx answer or socket error fails the run, as does a req/s ratio below a scenario's target.
 *
 *   npm run bench -- [scenario ...] [--duration 5] [--connections 50] [--rounds 3] [--warmup 5] [--profile]
 *
 * --profile writes a CPU profile of the Kapal server to bench/results/profiles (open it in Chrome DevTools).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type BillingBenchResult, billingBenches } from './billing-scenarios.js';
import { loadBench } from './load-scenario.js';
import { orphansBench } from './orphans-scenarios.js';
import { type Scenario, scenarios } from './scenarios.js';
import { median } from './stats.js';
import { subscriptionBenches } from './subscriptions-scenarios.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
/** Seconds of load before measuring: Kapal's request path takes several seconds of load to be fully optimized. */
const warmupSeconds = Number(values.warmup);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

interface Sample {
  rps: number;
  /** Latency percentiles in ms, from each response's own time (microsecond precision, not autocannon's whole ms). */
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function startServer(
  script: string,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const { port } = JSON.parse(line) as { port: number };
  return { url: `http://127.0.0.1:${port}`, child };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(
  url: string,
  scenario: Scenario,
  headers: Record<string, string>,
  seconds: number,
): Promise<Sample> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      { url: `${url}${scenario.path}`, method: scenario.method, headers, connections, duration: seconds },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance!.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = responseTime;
  });
  const result = await finished;
  const sorted = latencies.subarray(0, count).sort();
  return {
    rps: result.requests.average,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function probe(url: string, scenario: Scenario, headers: Record<string, string>, who: string) {
  const response = await fetch(`${url}${scenario.path}`, { method: scenario.method, headers });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200)
    throw new Error(`${scenario.name}: ${who} answered ${response.status}: ${body.toString()}`);
  return { body, contentType: response.headers.get('content-type') ?? 'application/json' };
}

async function runScenario(scenario: Scenario) {
  const context = (await scenario.setup?.()) ?? { env: {}, headers: {} };
  const profileFlags = values.profile ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : [];
  const kapal = await startServer('bench/servers/kapal-server.ts', context.env, profileFlags);
  try {
    const { body, contentType } = await probe(kapal.url, scenario, context.headers, 'Kapal');
    const bareEnv: Record<string, string> = {
      BENCH_BODY_BASE64: body.toString('base64'),
      BENCH_CONTENT_TYPE: contentType,
    };
    if (context.bareSql) {
      bareEnv.BENCH_DATABASE_URL = context.bareSql.databaseUrl;
      bareEnv.BENCH_SQL = JSON.stringify(context.bareSql.queries);
    }
    const bare = await startServer(
      context.bareSql ? 'bench/servers/bare-sql-server.ts' : 'bench/servers/bare-server.ts',
      bareEnv,
    );
    try {
      await probe(bare.url, scenario, context.headers, 'the bare server');
      // Warm both up (JIT, pools, caches), then alternate which goes first in each round, so neither
      // always runs on the heels of the other (or of the warm-up) and drift hits both alike.
      const warmup = [
        await load(kapal.url, scenario, context.headers, warmupSeconds),
        await load(bare.url, scenario, context.headers, warmupSeconds),
      ];
      const samples = { kapal: [] as Sample[], bare: [] as Sample[] };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? (['bare', 'kapal'] as const) : (['kapal', 'bare'] as const);
        for (const which of order) {
          samples[which].push(await load((which === 'bare' ? bare : kapal).url, scenario, context.headers, duration));
        }
      }
      const summary = (s: Sample[]) => ({
        rps: Math.round(median(s.map((x) => x.rps))),
        p50: median(s.map((x) => x.p50)),
        p99: median(s.map((x) => x.p99)),
        non2xx: s.reduce((n, x) => n + x.non2xx, 0),
        errors: s.reduce((n, x) => n + x.errors, 0),
      });
      const pairs = (ratio: (kapal: Sample, bare: Sample) => number) =>
        samples.kapal.map((kapal, i) => ratio(kapal, samples.bare[i]!));
      const k = summary(samples.kapal);
      const b = summary(samples.bare);
      const warmupFailures = warmup.reduce((n, x) => n + x.non2xx + x.errors, 0);
      const own = (await context.report?.()) ?? { lines: [], problems: [] };
      return {
        report: own,
        scenario: scenario.name,
        description: scenario.description,
        baseline: context.bareSql ? 'bare node:http running the same SQL through pg' : 'bare node:http, same bytes',
        kapal: k,
        bare: b,
        // Latencies are kept to the microsecond, so the bare server's p50 is never a rounded 0.
        // Each round's Kapal and bare loads ran back to back, under the same neighbours: the ratio is the
        // median of the rounds' own ratios, with their range to show how noisy the run was.
        ratio: {
          rps: median(pairs((kapal, bare) => kapal.rps / bare.rps)),
          rpsRange: [
            Math.min(...pairs((kapal, bare) => kapal.rps / bare.rps)),
            Math.max(...pairs((kapal, bare) => kapal.rps / bare.rps)),
          ],
          p50: median(pairs((kapal, bare) => kapal.p50 / bare.p50)),
          p99: median(pairs((kapal, bare) => kapal.p99 / bare.p99)),
        },
        failures: k.non2xx + k.errors + b.non2xx + b.errors + warmupFailures,
        target: scenario.target,
      };
    } finally {
      await stop(bare.child);
    }
  } finally {
    await stop(kapal.child);
    await context.teardown?.();
  }
}

const selected = positionals.length > 0 ? scenarios.filter((s) => positionals.includes(s.name)) : scenarios;
// Billing's benchmarks measure their own way (distinct POST bodies; a job against one SQL statement).
// The subscriptions, orphans and load benchmarks (test cluster, minutes) run only when named.
const ownWay =
  positionals.length > 0
    ? [...billingBenches, ...subscriptionBenches, orphansBench, loadBench].filter((b) => positionals.includes(b.name))
    : billingBenches;
if (selected.length === 0 && ownWay.length === 0)
  throw new Error(
    `No scenario named ${positionals.join(', ')}; have ${[...scenarios, ...billingBenches, ...subscriptionBenches, orphansBench, loadBench].map((s) => s.name).join(', ')}`,
  );

const results = [];
for (const scenario of selected) results.push(await runScenario(scenario));
const ownResults: BillingBenchResult[] = [];
for (const bench of ownWay) ownResults.push(await bench.run({ duration, connections, rounds }));

console.log(
  `\nautocannon: ${connections} connections, ${rounds} rounds × ${duration} s per server (order alternating), medians; ratios are medians of each round's own ratio\n`,
);
console.log(
  'scenario      kapal req/s  bare req/s  ratio (rounds)     kapal p50/p99 ms  bare p50/p99 ms  p50/p99 ratio  non-2xx/errors  target',
);
const problems: string[] = [];
const ms = (x: number) => x.toFixed(2);
for (const r of results) {
  const missed = r.target !== undefined && r.ratio.rps < r.target;
  const meets = r.target === undefined ? '' : missed ? `≥${r.target} MISSED` : `≥${r.target} ok`;
  if (missed) problems.push(`${r.scenario}: req/s ratio ${r.ratio.rps.toFixed(2)} is below the target ${r.target}`);
  if (r.failures > 0) {
    problems.push(
      `${r.scenario}: ${r.failures} failed requests (Kapal ${r.kapal.non2xx} non-2xx, ${r.kapal.errors} errors; bare ${r.bare.non2xx} non-2xx, ${r.bare.errors} errors; warm-up included): the figures measure failures, not the route`,
    );
  }
  console.log(
    [
      r.scenario.padEnd(12),
      String(r.kapal.rps).padStart(12),
      String(r.bare.rps).padStart(11),
      `${r.ratio.rps.toFixed(2)} (${r.ratio.rpsRange.map((x) => x.toFixed(2)).join('–')})`.padStart(17),
      `${ms(r.kapal.p50)}/${ms(r.kapal.p99)}`.padStart(17),
      `${ms(r.bare.p50)}/${ms(r.bare.p99)}`.padStart(16),
      `${r.ratio.p50.toFixed(2)}/${r.ratio.p99.toFixed(2)}`.padStart(14),
      String(r.failures).padStart(15),
      `  ${r.failures > 0 ? 'FAILED (non-2xx)' : meets}`,
    ].join(' '),
  );
}
console.log('');
for (const r of results) console.log(`${r.scenario}: ${r.description}; baseline: ${r.baseline}`);
for (const r of results) {
  for (const line of r.report.lines) console.log(line);
  problems.push(...r.report.problems);
}
for (const r of ownResults) {
  console.log(r.lines.join('\n'));
  problems.push(...r.problems);
}
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ connections, rounds, duration, results, billing: ownResults }, null, 2));
console.log(`\nwritten to ${file}`);
if (problems.length > 0) {
  console.log('');
  for (const problem of problems) console.log(`FAILED ${problem}`);
}
process.exit(problems.length > 0 ? 1 : 0);
