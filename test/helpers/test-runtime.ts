import { randomBytes } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import type { AppDeps } from '../../src/deps.js';
import { loadConfig } from '../../src/platform/config/config.js';
import type { AppInstance } from '../../src/platform/http/app-instance.js';
import { createRedis } from '../../src/platform/redis.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { kubeconfigForTier, testEnv } from './env.js';
import { deleteRedisKeys } from './redis.js';

export interface TestRuntime {
  runtime: Runtime;
  app: AppInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real platform for one test file: its own database (cloned from the migrated template), its own
 * queue prefix in the real Redis, the test cluster in cluster tests (a closed local port in integration
 * tests), and whatever env the test adds (SMTP sink, fake Midtrans).
 */
export async function startTestRuntime(
  options: { env?: Record<string, string>; overrides?: Partial<AppDeps> } = {},
): Promise<TestRuntime> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: '5',
    REDIS_URL: testEnv.redisUrl,
    QUEUE_PREFIX: `kapal-test-${randomBytes(4).toString('hex')}`,
    KUBECONFIG: kubeconfigForTier(),
    // The API alone: a dashboard build (web/dist) would add its files as routes. test/dashboard.integration.test.ts
    // gives its own.
    DASHBOARD_DIR: '/nonexistent/kapal-dashboard',
    ...options.env,
  });
  let runtime: Runtime | undefined;
  let app: AppInstance | undefined;

  async function close() {
    try {
      await app?.close();
      if (runtime) {
        // A BullMQ queue closed while it still initializes on the shared connection does not wait for
        // it; quitting the connection then rejects the queue's pending INFO into an "error" event that
        // close() already unsubscribed: an unhandled "Connection is closed". Let them finish first.
        await Promise.all([...runtime.jobs.queues().values()].map((queue) => queue.waitUntilReady().catch(() => {})));
        await runtime.close();
      }
      // After closing: BullMQ queues write their meta keys lazily, up to the moment they close.
      const redis = createRedis(testEnv.redisUrl, { name: 'kapal-test-cleanup' });
      try {
        await deleteRedisKeys(redis, config.queue.prefix);
      } finally {
        await redis.quit().catch(() => redis.disconnect());
      }
    } finally {
      await database.drop();
    }
  }

  try {
    runtime = createRuntime(config, options.overrides);
    app = await buildApp(runtime);
    await app.ready();
  } catch (err) {
    // A runtime that failed to start leaves no clients open, no keys and no database behind.
    await close().catch(() => {});
    throw err;
  }
  return { runtime, app, database, close };
}
