import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, afterEach, assert, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testEnv } from '../../../test/helpers/env.js';
import { deleteRedisKeys } from '../../../test/helpers/redis.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { jobCatalog } from '../../jobs.js';
import { notificationJobHandlers } from '../../modules/notifications/notifications.jobs.js';
import { createDatabase } from '../db/db.js';
import { createLogger } from '../logger.js';
import { createSmtpMailer } from '../mail/mailer.js';
import { createRedis, type Redis } from '../redis.js';
import { defineJob, type JobHandlers } from './job-catalog.js';
import { createJobProducer } from './job-producer.js';
import { createWorkerRunner, type WorkerRunner } from './worker-runner.js';

const logger = createLogger({ logLevel: 'silent' });

describe('job queue on real Redis', () => {
  let connection: Redis;
  let smtp: SmtpSink;
  const closers: { close(): Promise<void> | void }[] = [];
  const prefixes: string[] = [];
  const prefix = () => {
    const p = `kapal-test-${randomBytes(4).toString('hex')}`;
    prefixes.push(p);
    return p;
  };

  beforeAll(async () => {
    connection = createRedis(testEnv.redisUrl, { forWorker: true });
    smtp = await startSmtpSink();
  });
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c.close();
    for (const p of prefixes.splice(0)) await deleteRedisKeys(connection, p);
  });
  afterAll(async () => {
    await smtp.close();
    await connection.quit();
  });

  it('runs a job of the application catalog end to end: enqueue → worker → SMTP', async () => {
    const p = prefix();
    const mailer = createSmtpMailer({ smtpUrl: smtp.url, from: 'Kapal <no-reply@kapal.test>' });
    const producer = createJobProducer({ connection, prefix: p, catalog: jobCatalog });
    // The catalog's handlers also read users (welcome mail); this job does not, so the pool never connects.
    const database = createDatabase({ url: testEnv.adminDatabaseUrl });
    closers.push({ close: () => database.close() });
    const worker = createWorkerRunner({
      connection,
      prefix: p,
      catalog: jobCatalog,
      // Only the notification jobs: this test enqueues nothing else. Its delivery is not a row of
      // `deliveries` (this test has no database of its own): the handler's service sends it straight.
      handlers: notificationJobHandlers({
        service: {
          deliver: async (deliveryId) => {
            await mailer.send({ to: 'ayu@example.com', subject: 'Your app is ready', text: `delivery ${deliveryId}` });
            return { sent: true, reason: 'sent' };
          },
          requeueOverdue: async () => 0,
        },
        notifications: { queue: () => assert.fail('this test queues no mail') },
        database,
        emailVerification: { linkFor: () => assert.fail('this test sends no verification mail') },
      }) as unknown as JobHandlers<typeof jobCatalog>,
      concurrency: 2,
      logger,
    });
    closers.push(producer, worker, { close: () => mailer.close() });
    await worker.start();

    const { id } = await producer.enqueue('notifications.deliver', {
      deliveryId: '00000000-0000-4000-8000-0000000000aa',
    });

    const mail = await smtp.waitForMessage((m) => m.subject === 'Your app is ready');
    expect(mail.to).toEqual(['ayu@example.com']);
    const queue = producer.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobState(id)) === 'completed', { what: 'job completed' });
  });

  it('refuses to enqueue a payload that does not match the catalog', async () => {
    const producer = createJobProducer({ connection, prefix: prefix(), catalog: jobCatalog });
    closers.push(producer);
    await expect(producer.enqueue('notifications.deliver', { deliveryId: 'not-a-uuid' })).rejects.toThrow(
      /Invalid payload for job notifications.deliver/,
    );
  });

  describe('with a test catalog', () => {
    const catalog = {
      flaky: defineJob({
        queue: 'test',
        payload: z.object({ n: z.number() }),
        attempts: 3,
        backoff: { type: 'fixed', delayMs: 20 },
      }),
    };

    function start(
      p: string,
      handlers: JobHandlers<typeof catalog>,
    ): { producer: ReturnType<typeof createJobProducer<typeof catalog>>; worker: WorkerRunner } {
      const producer = createJobProducer({ connection, prefix: p, catalog });
      const worker = createWorkerRunner({ connection, prefix: p, catalog, handlers, concurrency: 1, logger });
      closers.push(producer, worker);
      return { producer, worker };
    }

    it('retries a failing job with its backoff, then keeps it in the failed set', async () => {
      const p = prefix();
      const attempts: number[] = [];
      const { producer, worker } = start(p, {
        flaky: async (_payload, ctx) => {
          attempts.push(ctx.attempt);
          throw new Error(`boom on attempt ${ctx.attempt}`);
        },
      });
      await worker.start();
      const { id } = await producer.enqueue('flaky', { n: 1 });

      const queue = producer.queues().get('test')!;
      await waitFor(async () => (await queue.getJobState(id)) === 'failed', { what: 'job failed for good' });
      expect(attempts).toEqual([1, 2, 3]);
      const [failed] = await queue.getFailed();
      expect(failed?.id).toBe(id);
      expect(failed?.attemptsMade).toBe(3);
      expect(failed?.failedReason).toBe('boom on attempt 3');
    });

    it('fails a job with an invalid payload at once, without retrying', async () => {
      const p = prefix();
      let calls = 0;
      const { worker } = start(p, {
        flaky: async () => {
          calls++;
        },
      });
      await worker.start();
      // A producer that bypasses the catalog, as an old release or a hand-made job would.
      const raw = new Queue('test', { connection, prefix: p });
      closers.push(raw);
      const job = await raw.add('flaky', { n: 'not a number' }, { attempts: 3 });

      await waitFor(async () => (await raw.getJobState(job.id!)) === 'failed', { what: 'job failed' });
      const failed = await raw.getJob(job.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toMatch(/Invalid payload for flaky/);
      expect(calls).toBe(0);
    });

    it('deduplicates jobs enqueued with the same id', async () => {
      const p = prefix();
      const seen: number[] = [];
      const { producer, worker } = start(p, {
        flaky: async (payload) => {
          seen.push(payload.n);
        },
      });
      await producer.enqueue('flaky', { n: 1 }, { jobId: 'charge-42' });
      await producer.enqueue('flaky', { n: 2 }, { jobId: 'charge-42' });
      await worker.start();
      const queue = producer.queues().get('test')!;
      await waitFor(async () => (await queue.getJobState('charge-42')) === 'completed', { what: 'job completed' });
      expect(seen).toEqual([1]);
    });
  });
});
