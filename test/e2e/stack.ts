import { randomBytes } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../helpers/free-port.js';
import { startKapal } from '../helpers/kapal-process.js';
import { startFakeMidtrans } from '../helpers/midtrans-fake.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_ADMIN = { email: 'admin@kapal.test', password: 'kapal-admin-e2e-1' };
const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Stack {
  /** The dashboard and the API (`/api/v1`), served by one `kapal all`. */
  url: string;
  /** The test's window into the fakes: GET /mails, GET /midtrans. */
  controlUrl: string;
  close(): Promise<void>;
}

/**
 * The platform as a customer's browser meets it, for the dashboard's end-to-end tests and for working on
 * the dashboard: a fresh database (migrated and seeded with one administrator), an SMTP sink, the fake
 * Midtrans (with its payment page and signed notifications), and one `kapal all` on the test cluster
 * serving the built dashboard (web/dist). Nothing here is mocked inside Kapal.
 */
export async function startStack(options: { port?: number; logFile?: string } = {}): Promise<Stack> {
  if (!existsSync(`${ROOT}web/dist/index.html`)) throw new Error('web/dist is not built: run `npm run web:build`');
  // A copy of the build: rebuilding web/dist while the tests run must not pull the files from under them.
  const dashboardDir = mkdtempSync(join(tmpdir(), 'kapal-e2e-dashboard-'));
  cpSync(`${ROOT}web/dist`, dashboardDir, { recursive: true });
  const database = `kapal_e2e_${randomBytes(5).toString('hex')}`;
  const databaseUrl = new URL(ADMIN_DATABASE_URL);
  databaseUrl.pathname = `/${database}`;
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const serverKey = `SB-Mid-server-e2e-${randomBytes(8).toString('hex')}`;
  const smtp = await startSmtpSink();
  const midtrans = await startFakeMidtrans({ serverKey, notificationUrl: `${url}/api/v1/webhooks/midtrans` });
  const logPath = options.logFile ?? `${ROOT}test-results/e2e-kapal.log`;
  mkdirSync(`${ROOT}test-results`, { recursive: true });
  const log = createWriteStream(logPath);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    DATABASE_URL: databaseUrl.toString(),
    DATABASE_POOL_MAX: '5',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `kapal-e2e-${randomBytes(4).toString('hex')}`,
    KUBECONFIG: process.env.KUBECONFIG ?? '/tmp/kapal-testbed/kubeconfig',
    SMTP_URL: smtp.url,
    APPS_DOMAIN: 'apps.kapal.test',
    WORKER_METRICS_PORT: '0',
    REQUIRE_EMAIL_VERIFICATION: 'true',
    MIDTRANS_SERVER_KEY: serverKey,
    MIDTRANS_SNAP_URL: midtrans.url,
    MIDTRANS_API_URL: midtrans.url,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    DASHBOARD_DIR: dashboardDir,
  };
  for (const step of ['migrate', 'seed']) {
    const code = await startKapal([step], env, log).exited;
    if (code !== 0) throw new Error(`kapal ${step} failed (${code}); see ${logPath}`);
  }
  const kapal = startKapal(['all'], env, log);
  const deadline = Date.now() + 180_000;
  while (!(await fetch(`${url}/readyz`).catch(() => undefined))?.ok) {
    if (kapal.child.exitCode !== null) throw new Error(`kapal all exited; see ${logPath}`);
    if (Date.now() > deadline) throw new Error(`kapal all was not ready within 180 s; see ${logPath}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const control: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const body =
      path === '/mails'
        ? smtp.messages.map((m) => ({ to: m.to, subject: m.subject, text: m.text, html: m.html }))
        : path === '/midtrans'
          ? [...midtrans.transactions.values()].map((t) => ({ orderId: t.orderId, status: t.status, token: t.token }))
          : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;

  return {
    url,
    controlUrl,
    async close() {
      kapal.child.kill('SIGTERM');
      const stopped = await Promise.race([kapal.exited, new Promise((r) => setTimeout(() => r('timeout'), 20_000))]);
      if (stopped === 'timeout') kapal.child.kill('SIGKILL');
      await Promise.all([smtp.close(), midtrans.close(), new Promise((r) => control.close(r))]);
      log.end();
      const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists "${database}" with (force)`).finally(() => admin.end());
      rmSync(dashboardDir, { recursive: true, force: true });
    },
  };
}

// `npx tsx test/e2e/stack.ts [port]`: the same platform to click through while working on the dashboard.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = process.argv[2] ? Number(process.argv[2]) : undefined;
  const stack = await startStack({ port, logFile: `${ROOT}test-results/stack-${port ?? 'dev'}.log` });
  console.log(`dashboard and API: ${stack.url}  (administrator ${E2E_ADMIN.email} / ${E2E_ADMIN.password})`);
  console.log(`mails and payments: ${stack.controlUrl}/mails, ${stack.controlUrl}/midtrans`);
  const stop = () => void stack.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
