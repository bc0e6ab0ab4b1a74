import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The `kapal` entry as an operator runs it: a real process from the TypeScript sources, with only the
 * environment given (plus PATH), so the test sees what a shell would. Its output is kept for `output()`,
 * and also copied to `log` when given (a long-running process's log file).
 */
export function startKapal(args: string[], env: Record<string, string>, log?: NodeJS.WritableStream) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main-entry.ts', ...args], {
    cwd: ROOT,
    // No worker metrics port unless a test asks for one: tests run side by side, a fixed port would collide.
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', WORKER_METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  if (log) {
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
  }
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Runs `kapal` to its end: its exit code and what it printed. */
export async function runKapal(args: string[], env: Record<string, string>) {
  const run = startKapal(args, env);
  const code = await run.exited;
  return { code, ...run.output() };
}
