import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { type JobCatalog, type JobHandlers, queueNames } from './job-catalog.js';

export interface WorkerRunner {
  /** Resolves once every queue's worker is connected and taking jobs. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish. */
  close(): Promise<void>;
}

/** One BullMQ worker per queue of the catalog; each job's payload is checked before its handler runs. */
export function createWorkerRunner<C extends JobCatalog>(deps: {
  connection: Redis;
  prefix: string;
  catalog: C;
  handlers: JobHandlers<C>;
  concurrency: number;
  logger: Logger;
}): WorkerRunner {
  const { catalog, handlers, logger } = deps;
  const workers: Worker[] = [];

  async function process(job: Job): Promise<unknown> {
    const definition = catalog[job.name];
    const handler = handlers[job.name as keyof JobHandlers<C>];
    if (!definition || !handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const payload = definition.payload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`Invalid payload for ${job.name}: ${payload.error.message}`);
    return handler(payload.data as never, {
      jobId: job.id!,
      attempt: job.attemptsMade + 1,
      log: async (message) => {
        await job.log(message);
      },
    });
  }

  return {
    async start() {
      for (const queue of queueNames(catalog)) {
        const worker = new Worker(queue, process, {
          connection: deps.connection,
          prefix: deps.prefix,
          concurrency: deps.concurrency,
          autorun: true,
        });
        worker.on('failed', (job, err) => {
          const final = job ? job.attemptsMade >= (job.opts.attempts ?? 1) : true;
          logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, final, err }, 'job failed');
        });
        worker.on('error', (err) => logger.error({ queue, err }, 'worker error'));
        workers.push(worker);
      }
      await Promise.all(workers.map((w) => w.waitUntilReady()));
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      workers.length = 0;
    },
  };
}
