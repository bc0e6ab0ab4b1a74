import { statfs } from 'node:fs/promises';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

export const AGENT_VERSION = '0.1.0';

export interface AgentOptions {
  node: string;
  /** The API's base URL, e.g. http://127.0.0.1:3000 (the agent adds /api/v1/system/...). */
  api: string;
  token: string;
  /** Seconds between heartbeats; unset: what the API answers (WORKER_HEARTBEAT_INTERVAL_SECONDS), 30 until then. */
  intervalSeconds?: number;
  /** The filesystem whose use is reported. */
  diskPath?: string;
  signal: AbortSignal;
  log: (line: string) => void;
}

/** What the machine reports: load averages, disk and memory use, CPUs. */
export async function sampleMachine(diskPath = '/') {
  const [one, five, fifteen] = loadavg() as [number, number, number];
  const fs = await statfs(diskPath);
  const totalBytes = fs.blocks * fs.bsize;
  return {
    agentVersion: AGENT_VERSION,
    load: { one, five, fifteen },
    cpuCount: Math.max(1, cpus().length),
    disk: { usedBytes: Math.max(0, totalBytes - fs.bfree * fs.bsize), totalBytes },
    memory: { usedBytes: totalmem() - freemem(), totalBytes: totalmem() },
  };
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Sends a heartbeat, then one every interval, until `signal` aborts. A refused token stops the agent
 * (exit code 77: it will not get better by retrying); anything else is logged and tried again next time.
 */
export async function runAgent(options: AgentOptions): Promise<number> {
  const url = `${options.api.replace(/\/+$/, '')}/api/v1/system/workers/heartbeat`;
  let intervalSeconds = options.intervalSeconds ?? 30;
  while (!options.signal.aborted) {
    try {
      const body = { node: options.node, ...(await sampleMachine(options.diskPath)) };
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.any([options.signal, AbortSignal.timeout(10_000)]),
      });
      const answer = (await res.json().catch(() => ({}))) as {
        intervalSeconds?: number;
        error?: { message?: string };
      };
      if (res.status === 401) {
        options.log(`heartbeat refused (401): ${answer.error?.message ?? 'bad token'}; check WORKER_AGENT_TOKEN`);
        return 77;
      }
      if (!res.ok) options.log(`heartbeat answered ${res.status}: ${answer.error?.message ?? ''}`);
      else if (options.intervalSeconds === undefined && answer.intervalSeconds)
        intervalSeconds = answer.intervalSeconds;
    } catch (err) {
      if (options.signal.aborted) break;
      options.log(`heartbeat failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    await wait(intervalSeconds * 1000, options.signal);
  }
  return 0;
}

export const AGENT_USAGE = `kapal agent --node NAME [--api URL] [--interval SECONDS] [--disk PATH]

  Sends this machine's heartbeat (load, disk and memory use) to Kapal every interval, as worker NAME
  (its Kubernetes node name). Needs WORKER_AGENT_TOKEN in the environment. Stops on SIGTERM / SIGINT.
  --api       the Kapal API's base URL (default http://127.0.0.1:3000, or KAPAL_API_URL)
  --interval  seconds between heartbeats (default: what the API says, WORKER_HEARTBEAT_INTERVAL_SECONDS)
  --disk      the filesystem to report (default /)
`;

/** `kapal agent`: parses its arguments, runs until SIGTERM / SIGINT; returns the exit code. */
export async function agentCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let values: { node?: string; api?: string; interval?: string; disk?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        node: { type: 'string' },
        api: { type: 'string' },
        interval: { type: 'string' },
        disk: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${AGENT_USAGE}`);
    return 64;
  }
  const problems: string[] = [];
  if (!values.node) problems.push('--node is required (the Kubernetes node name of this machine)');
  const interval = values.interval === undefined ? undefined : Number(values.interval);
  if (interval !== undefined && !(Number.isInteger(interval) && interval >= 1 && interval <= 3600))
    problems.push('--interval must be a whole number of seconds from 1 to 3600');
  const api = values.api ?? env.KAPAL_API_URL ?? 'http://127.0.0.1:3000';
  if (!/^https?:\/\/[^/]+/.test(api)) problems.push('--api must be an http(s) URL');
  const token = env.WORKER_AGENT_TOKEN;
  if (!token) problems.push('WORKER_AGENT_TOKEN must be set in the environment');
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n\n${AGENT_USAGE}`);
    return 64;
  }
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} kapal agent: ${line}\n`);
  log(`reporting node ${values.node} to ${api}`);
  try {
    return await runAgent({
      node: values.node!,
      api,
      token: token!,
      intervalSeconds: interval,
      diskPath: values.disk,
      signal: stop.signal,
      log,
    });
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    log('stopped');
  }
}
