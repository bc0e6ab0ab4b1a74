import { randomBytes } from 'node:crypto';
import { buildApp } from '../../src/app.js';
import type { AppDeps } from '../../src/deps.js';
import { loadConfig } from '../../src/platform/config/config.js';
import type { AppInstance } from '../../src/platform/http/app-instance.js';
import { createRedis } from '../../src/platform/redis.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { requireTestCluster, testEnv } from './env.js';
import { deleteRedisKeys } from './redis.js';

export interface TestRuntime {
  runtime: Runtime;
  app: AppInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real platform for one test file: its own database (cloned from the migrated template), its own
 * queue prefix in the real Redis, the test cluster, and whatever env the test adds (SMTP sink, fake Midtrans).
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
    KUBECONFIG: requireTestCluster(),
    ...options.env,
  });
  const runtime = createRuntime(config, options.overrides);
  const app = await buildApp(runtime);
  await app.ready();
  return {
    runtime,
    app,
    database,
    async close() {
      await app.close();
      await runtime.close();
      // After closing: BullMQ queues write their meta keys lazily, up to the moment they close.
      const redis = createRedis(testEnv.redisUrl, { name: 'kapal-test-cleanup' });
      try {
        await deleteRedisKeys(redis, config.queue.prefix);
      } finally {
        redis.disconnect();
      }
      await database.drop();
    },
  };
}
