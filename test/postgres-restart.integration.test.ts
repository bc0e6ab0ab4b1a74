import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/config.js';
import { ensureDatabase, runMigrations } from '../src/platform/db/migrate.js';
import type { AppInstance } from '../src/platform/http/app-instance.js';
import { createRedis } from '../src/platform/redis.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { call, uniqueEmail } from './helpers/accounts.js';
import { testEnv, unreachableKubeconfig } from './helpers/env.js';
import { type OwnPostgres, startOwnPostgres } from './helpers/own-postgres.js';
import { deleteRedisKeys } from './helpers/redis.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * PostgreSQL goes away under a running API and comes back: readiness names it, liveness holds, requests
 * that need it get a quick 503 envelope (no hang), and everything works again without a restart. The
 * server is the test's own (a spare port, a temp folder), so the shared one is never touched.
 */
describe('PostgreSQL restarted under a running API', () => {
  let pg: OwnPostgres;
  let runtime: Runtime;
  let app: AppInstance;
  const prefix = `kapal-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    pg = await startOwnPostgres();
    await ensureDatabase(pg.url);
    await runMigrations(pg.url);
    runtime = createRuntime(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DATABASE_URL: pg.url,
        DATABASE_POOL_MAX: '5',
        REDIS_URL: testEnv.redisUrl,
        QUEUE_PREFIX: prefix,
        KUBECONFIG: unreachableKubeconfig,
      }),
    );
    app = await buildApp(runtime);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await runtime?.close().catch(() => undefined);
    const redis = createRedis(testEnv.redisUrl, { name: 'kapal-test-cleanup' });
    await deleteRedisKeys(redis, prefix).finally(() => redis.quit());
    await pg?.destroy();
  });

  const register = (email = uniqueEmail('restart')) =>
    call(
      { app },
      {
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email, password: 'correct-horse-battery-9', name: 'Ayu' },
      },
    );

  it('says which dependency is down, answers 503 fast, and recovers on its own', async () => {
    const before = await register();
    expect(before.statusCode, before.body).toBe(201);
    const { email } = before.json().user;
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    await pg.stop();

    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.postgres).toMatchObject({ ok: false });
    expect(ready.json().checks.redis).toMatchObject({ ok: true });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    const started = Date.now();
    const during = await register();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(during.statusCode, during.body).toBe(503);
    expect(during.json().error).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      message: expect.stringMatching(/database/),
    });
    expect(during.headers['retry-after']).toBe('5');
    const login = await call(
      { app },
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'correct-horse-battery-9' },
      },
    );
    expect(login.statusCode).toBe(503);

    await pg.start();

    await waitFor(async () => (await app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200, {
      timeoutMs: 30_000,
      what: 'readiness after PostgreSQL came back',
    });
    const after = await register();
    expect(after.statusCode, after.body).toBe(201);
    const again = await call(
      { app },
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'correct-horse-battery-9' },
      },
    );
    expect(again.statusCode, again.body).toBe(200);
    // The registration refused during the outage left nothing behind: only the two that succeeded exist.
    const { rows } = await runtime.database.pool.query<{ n: number }>(
      `select count(*)::int as n from users where email like 'restart-%'`,
    );
    expect(rows[0]!.n).toBe(2);
  }, 180_000);
});
