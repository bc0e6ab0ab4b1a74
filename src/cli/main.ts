import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildApp } from '../app.js';
import { type Config, ConfigError, loadConfig } from '../platform/config/config.js';
import { ensureDatabase, runMigrations } from '../platform/db/migrate.js';
import { serveWorkerMetrics } from '../platform/metrics.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { seed } from '../seed.js';
import { createWorker } from '../worker.js';
import { adminCommand } from './admin-command.js';
import { agentCommand } from './agent-command.js';
import { mailCommand } from './mail-command.js';

const USAGE = `kapal <command>

  api       serve the HTTP API
  worker    run the background jobs
  all       api and worker in one process (small installs)
  migrate   create the database if missing and apply migrations
  seed      load the sample catalog, the first administrator and a demo user
  admin create --email <e> --password <p> [--name <n>]   create an administrator
  agent --node <name> [--api <url>] [--interval <s>]     report this machine's heartbeats (WORKER_AGENT_TOKEN)
  mail preview [--out DIR]                               write every mail template (id, en) as HTML and text
`;

type Stoppable = { close(): Promise<void> };

/** Stops everything on SIGTERM/SIGINT: stop taking work, finish what runs, close connections. */
function closeOnSignal(runtime: Runtime, parts: Stoppable[]) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    runtime.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      runtime.logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 25_000);
    timer.unref();
    for (const part of parts) await part.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

async function serve(config: Config, withApi: boolean, withWorker: boolean) {
  const runtime = createRuntime(config);
  const parts: Stoppable[] = [];
  if (withWorker) {
    const worker = createWorker(runtime);
    await worker.start();
    parts.push(worker);
    // `kapal worker` alone serves its own metrics; in `kapal all` the API's /metrics has them (one registry).
    if (!withApi && config.metrics.workerPort > 0) {
      const server = await serveWorkerMetrics(runtime.metrics, {
        host: config.http.host,
        port: config.metrics.workerPort,
        token: config.metrics.token,
      });
      parts.push(server);
      runtime.logger.info({ port: server.port }, 'worker metrics on /metrics');
    }
    runtime.logger.info({ concurrency: config.queue.concurrency }, 'worker started');
  }
  if (config.env === 'production' && !config.metrics.token) {
    runtime.logger.warn('METRICS_TOKEN is not set: /metrics is open to anyone who reaches the port');
  }
  if (withApi) {
    const app = await buildApp(runtime);
    await app.listen({ host: config.http.host, port: config.http.port });
    parts.unshift(app);
  }
  closeOnSignal(runtime, parts);
}

export async function main(argv: string[]): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const [command] = positionals;
  // The agent runs on worker machines: it needs WORKER_AGENT_TOKEN, not Kapal's database or secrets.
  if (command === 'agent') {
    process.exitCode = await agentCommand(argv.slice(argv.indexOf('agent') + 1), process.env);
    return;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }

  switch (command) {
    case 'api':
      return serve(config, true, false);
    case 'worker':
      return serve(config, false, true);
    case 'all':
      return serve(config, true, true);
    case 'migrate': {
      await ensureDatabase(config.database.url);
      await runMigrations(config.database.url);
      process.stdout.write('migrations applied\n');
      return;
    }
    case 'seed': {
      const runtime = createRuntime(config);
      try {
        for (const line of await seed(runtime)) process.stdout.write(`${line}\n`);
      } finally {
        await runtime.close();
      }
      return;
    }
    case 'admin':
      process.exitCode = await adminCommand(config, argv.slice(argv.indexOf('admin') + 1));
      return;
    case 'mail':
      process.exitCode = await mailCommand(config, argv.slice(argv.indexOf('mail') + 1));
      return;
    default:
      process.stderr.write(USAGE);
      process.exit(command ? 64 : 0);
  }
}
