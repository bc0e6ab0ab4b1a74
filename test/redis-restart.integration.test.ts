import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobCatalog } from '../src/jobs.js';
import type { WorkerRunner } from '../src/platform/queue/worker-runner.js';
import { createWorker } from '../src/worker.js';
import { type OwnRedis, startOwnRedis } from './helpers/own-redis.js';
import { startTestRuntime, type TestRuntime } from './helpers/test-runtime.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * Redis restarted with its data lost under a running API and worker: both reconnect, and the worker puts
 * back the timers of the scheduled passes (reconcile, lifecycle, top-up status sync, ...), which find the
 * work recorded in PostgreSQL whose queued jobs were lost. The Redis server is the test's own.
 */
describe('Redis restarted without its data', () => {
  let redis: OwnRedis;
  let t: TestRuntime;
  let worker: WorkerRunner;
  beforeAll(async () => {
    redis = await startOwnRedis();
    t = await startTestRuntime({ env: { REDIS_URL: redis.url } });
    worker = createWorker(t.runtime, { scheduleCheckEveryMs: 500 });
    await worker.start();
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await redis?.close();
  });

  const scheduled = async () => {
    const names: string[] = [];
    for (const schedule of t.runtime.modules.schedules) {
      const queue = t.runtime.jobs.queues().get(jobCatalog[schedule.job as keyof typeof jobCatalog].queue)!;
      if (await queue.getJobScheduler(schedule.job)) names.push(schedule.job);
    }
    return names.sort();
  };

  it('answers 503 while Redis is away; afterwards the worker restores every scheduled job and the API is ready', async () => {
    const all = t.runtime.modules.schedules.map((s) => s.job).sort();
    expect(all.length).toBeGreaterThan(3);
    expect(await scheduled()).toEqual(all);

    await redis.kill();
    // While Redis is away: readiness says which, and a request that must enqueue work gets a 503 envelope.
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.redis).toMatchObject({ ok: false });
    const users = async () =>
      (await t.runtime.database.pool.query<{ n: number }>('select count(*)::int as n from users')).rows[0]!.n;
    const before = await users();
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: `redis-down-${Date.now()}@example.test`, password: 'correct-horse-battery-9', name: 'Ayu' },
    });
    expect(register.statusCode, register.body).toBe(503);
    expect(register.json().error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(await users()).toBe(before);
    await redis.start();

    await waitFor(async () => (await scheduled()).length === all.length, {
      timeoutMs: 30_000,
      what: 'the scheduled jobs to be restored',
    });
    expect(await scheduled()).toEqual(all);
    await waitFor(async () => (await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200, {
      timeoutMs: 30_000,
      what: 'readiness after Redis came back',
    });
  }, 90_000);
});
