import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';
import { requireTestCluster, testEnv } from '../../test/helpers/env.js';
import { freePort } from '../../test/helpers/free-port.js';
import { startKapal } from '../../test/helpers/kapal-process.js';
import { deleteRedisKeys } from '../../test/helpers/redis.js';
import { waitFor } from '../../test/helpers/wait-for.js';
import { createRedis } from '../platform/redis.js';

describe('kapal CLI', () => {
  let database: TestDatabase;
  const running: ChildProcess[] = [];
  const queuePrefix = `kapal-cli-${Date.now()}`;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await database.drop();
    const redis = createRedis(testEnv.redisUrl);
    await deleteRedisKeys(redis, queuePrefix);
    redis.disconnect();
  });

  it('stops with a message naming a wrong variable', async () => {
    const run = startKapal(['api'], { PORT: 'eighty', MIDTRANS_IS_PRODUCTION: 'perhaps' });
    expect(await run.exited).toBe(78);
    expect(run.output().stderr).toMatch(/PORT: .*\n.*MIDTRANS_IS_PRODUCTION: must be true or false/);
  });

  it('migrates a fresh database, serves the API, and shuts down cleanly on SIGTERM', async () => {
    const env = {
      DATABASE_URL: database.url,
      KUBECONFIG: requireTestCluster(),
      QUEUE_PREFIX: queuePrefix,
    };
    const migrate = startKapal(['migrate'], env);
    expect(await migrate.exited).toBe(0);
    expect(migrate.output().stdout).toContain('migrations applied');

    const port = await freePort();
    const api = startKapal(['all'], { ...env, PORT: String(port) });
    running.push(api.child);
    const ready = await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        return res.status === 200 ? res : undefined;
      },
      { timeoutMs: 90_000, what: 'the API to be ready' },
    );
    expect(((await ready.json()) as { status: string }).status).toBe('ready');

    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 180_000); // real processes: slow to start on a loaded machine
});
