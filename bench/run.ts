/**
 * Load-tests Kapal endpoints with autocannon and reports each as a ratio against a bare node:http server
 * returning the same bytes, measured in the same run, alternating rounds (these machines are shared and
 * noisy, so only the ratio means something).
 *
 *   npm run bench -- [scenario ...] [--duration 5] [--connections 50] [--rounds 3] [--profile]
 *
 * --profile writes a CPU profile of the Kapal server to bench/results/profiles (open it in Chrome DevTools).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type Scenario, scenarios } from './scenarios.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

interface Sample {
  rps: number;
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

async function load(
  url: string,
  scenario: Scenario,
  headers: Record<string, string>,
  seconds: number,
): Promise<Sample> {
  const result = await autocannon({
    url: `${url}${scenario.path}`,
    method: scenario.method,
    headers,
    connections,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function runScenario(scenario: Scenario) {
  const context = (await scenario.setup?.()) ?? { env: {}, headers: {} };
  const profileFlags = values.profile ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : [];
  const kapal = await startServer('bench/servers/kapal-server.ts', context.env, profileFlags);
  try {
    const probe = await fetch(`${kapal.url}${scenario.path}`, { method: scenario.method, headers: context.headers });
    const body = Buffer.from(await probe.arrayBuffer());
    if (probe.status !== 200) throw new Error(`${scenario.name}: Kapal answered ${probe.status}: ${body.toString()}`);
    const bare = await startServer('bench/servers/bare-server.ts', {
      BENCH_BODY_BASE64: body.toString('base64'),
      BENCH_CONTENT_TYPE: probe.headers.get('content-type') ?? 'application/json',
    });
    try {
      // Warm both up (JIT, pools), then alternate rounds so drift hits both alike.
      await load(kapal.url, scenario, context.headers, 1);
      await load(bare.url, scenario, context.headers, 1);
      const samples = { kapal: [] as Sample[], bare: [] as Sample[] };
      for (let round = 0; round < rounds; round++) {
        samples.bare.push(await load(bare.url, scenario, context.headers, duration));
        samples.kapal.push(await load(kapal.url, scenario, context.headers, duration));
      }
      const summary = (s: Sample[]) => ({
        rps: Math.round(median(s.map((x) => x.rps))),
        p50: median(s.map((x) => x.p50)),
        p99: median(s.map((x) => x.p99)),
        errors: s.reduce((n, x) => n + x.errors + x.non2xx, 0),
      });
      const k = summary(samples.kapal);
      const b = summary(samples.bare);
      return {
        scenario: scenario.name,
        description: scenario.description,
        kapal: k,
        bare: b,
        ratio: { rps: k.rps / b.rps, p50: k.p50 / Math.max(b.p50, 0.001), p99: k.p99 / Math.max(b.p99, 0.001) },
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
if (selected.length === 0)
  throw new Error(`No scenario named ${positionals.join(', ')}; have ${scenarios.map((s) => s.name).join(', ')}`);

const results = [];
for (const scenario of selected) results.push(await runScenario(scenario));

console.log(`\nautocannon: ${connections} connections, ${rounds} rounds × ${duration} s per server, medians\n`);
console.log('scenario      kapal req/s  bare req/s  ratio   kapal p50/p99 ms  bare p50/p99 ms  errors  target');
let failedTargets = 0;
for (const r of results) {
  const meets = r.target === undefined ? '' : r.ratio.rps >= r.target ? `≥${r.target} ok` : `≥${r.target} MISSED`;
  if (r.target !== undefined && r.ratio.rps < r.target) failedTargets++;
  console.log(
    [
      r.scenario.padEnd(12),
      String(r.kapal.rps).padStart(12),
      String(r.bare.rps).padStart(11),
      r.ratio.rps.toFixed(2).padStart(6),
      `${r.kapal.p50}/${r.kapal.p99}`.padStart(17),
      `${r.bare.p50}/${r.bare.p99}`.padStart(16),
      String(r.kapal.errors + r.bare.errors).padStart(7),
      `  ${meets}`,
    ].join(' '),
  );
}
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ connections, rounds, duration, results }, null, 2));
console.log(`\nwritten to ${file}`);
process.exit(failedTargets > 0 ? 1 : 0);
