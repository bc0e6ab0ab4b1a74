import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';
import { type JobCatalog, type JobInput, type JobName, queueNames } from './job-catalog.js';

export interface EnqueueOptions {
  /** A stable id makes enqueueing idempotent: a second job with the same id is not added. */
  jobId?: string;
  delayMs?: number;
}

export interface JobProducer<C extends JobCatalog> {
  enqueue<N extends JobName<C>>(name: N, payload: JobInput<C, N>, options?: EnqueueOptions): Promise<{ id: string }>;
  /**
   * Enqueues `name` every `everyMs` from now on (a BullMQ job scheduler with the job's name as id: every
   * replica may call this at start, there is still one schedule).
   */
  schedule<N extends JobName<C>>(name: N, everyMs: number, payload: JobInput<C, N>): Promise<void>;
  /** The BullMQ queues, for inspection (admin queue stats, tests). */
  queues(): ReadonlyMap<string, Queue>;
  close(): Promise<void>;
}

export function createJobProducer<C extends JobCatalog>(deps: {
  connection: Redis;
  prefix: string;
  catalog: C;
}): JobProducer<C> {
  const queues = new Map(
    queueNames(deps.catalog).map((name) => {
      const queue = new Queue(name, { connection: deps.connection, prefix: deps.prefix });
      // A lost connection surfaces through the commands that fail (enqueue rejects); the client reconnects.
      queue.on('error', () => {});
      return [name, queue] as const;
    }),
  );
  return {
    async enqueue(name, payload, options = {}) {
      const definition = deps.catalog[name];
      if (!definition) throw new AppError('INTERNAL', `Unknown job ${name}`);
      const checked = definition.payload.safeParse(payload);
      if (!checked.success) throw new AppError('INTERNAL', `Invalid payload for job ${name}: ${checked.error.message}`);
      const queue = queues.get(definition.queue)!;
      const job = await queue.add(name, checked.data, {
        jobId: options.jobId,
        delay: options.delayMs,
        attempts: definition.attempts,
        backoff: { type: definition.backoff.type, delay: definition.backoff.delayMs },
        removeOnComplete: { count: 1000, age: 24 * 3600 },
        removeOnFail: false,
      });
      return { id: job.id! };
    },
    async schedule(name, everyMs, payload) {
      const definition = deps.catalog[name];
      if (!definition) throw new AppError('INTERNAL', `Unknown job ${name}`);
      const checked = definition.payload.safeParse(payload);
      if (!checked.success) throw new AppError('INTERNAL', `Invalid payload for job ${name}: ${checked.error.message}`);
      await queues.get(definition.queue)!.upsertJobScheduler(
        name,
        { every: everyMs },
        {
          name,
          data: checked.data,
          opts: {
            attempts: definition.attempts,
            backoff: { type: definition.backoff.type, delay: definition.backoff.delayMs },
            removeOnComplete: { count: 100 },
            removeOnFail: { count: 100 },
          },
        },
      );
    },
    queues: () => queues,
    async close() {
      // A queue still starting up on a shared connection is not awaited by close(); quitting the
      // connection afterwards would fail its start-up command as an unhandled rejection.
      await Promise.all(
        [...queues.values()].map(async (q) => {
          await q.waitUntilReady().catch(() => {});
          await q.close();
        }),
      );
    },
  };
}
