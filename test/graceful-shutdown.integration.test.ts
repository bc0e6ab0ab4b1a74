import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../src/platform/redis.js';
import { uniqueEmail } from './helpers/accounts.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { testEnv, unreachableKubeconfig } from './helpers/env.js';
import { freePort } from './helpers/free-port.js';
import { startKapal } from './helpers/kapal-process.js';
import { deleteRedisKeys } from './helpers/redis.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * SIGTERM to a serving `kapal api`: it stops taking connections, finishes the request in flight (here one
 * whose body is still arriving when the signal comes), and exits 0.
 */
describe('graceful shutdown', () => {
  let database: TestDatabase;
  const queuePrefix = `kapal-test-${randomBytes(4).toString('hex')}`;
  const children: { kill(signal?: NodeJS.Signals): boolean }[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await database.drop();
    const redis = createRedis(testEnv.redisUrl, { name: 'kapal-test-cleanup' });
    await deleteRedisKeys(redis, queuePrefix).finally(() => redis.quit());
  });

  it('finishes the request in flight, refuses new ones, and exits 0', async () => {
    const port = await freePort();
    const api = startKapal(['api'], {
      DATABASE_URL: database.url,
      REDIS_URL: testEnv.redisUrl,
      QUEUE_PREFIX: queuePrefix,
      KUBECONFIG: unreachableKubeconfig,
      PORT: String(port),
    });
    children.push(api.child);
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200, {
      timeoutMs: 60_000,
      what: 'the API to be ready',
    });

    // A registration whose body arrives in two parts, the signal in between.
    const body = JSON.stringify({ email: uniqueEmail('shutdown'), password: 'correct-horse-battery-9', name: 'Ayu' });
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    api.child.kill('SIGTERM');
    // New connections are refused once the server stopped listening.
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => 'refused')) === 'refused', {
      timeoutMs: 15_000,
      what: 'the listener to close',
    });
    socket.write(body.slice(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 201/);
    expect(await api.exited).toBe(0);
  }, 120_000);
});
