import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
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
  /** Job durations and failures by queue and job name (kapal_job_duration_seconds, kapal_job_failures_total). */
  metrics?: Pick<Metrics, 'jobDuration' | 'jobFailures'>;
}): WorkerRunner {
  const { catalog, handlers, logger, metrics } = deps;
  const workers: Worker[] = [];

  /**
   * Runs one attempt and says how it went: one log line per attempt (job id, queue, name, attempt, duration,
   * outcome; never the payload, which may hold secrets) and its duration in the histogram. A job name not
   * in the catalog is counted as `unknown`, so the label set stays the catalog's.
   */
  async function process(job: Job): Promise<unknown> {
    const started = performance.now();
    const jobName = catalog[job.name] ? job.name : 'unknown';
    const attempt = job.attemptsMade + 1;
    try {
      const result = await run(job);
      const seconds = (performance.now() - started) / 1000;
      metrics?.jobDuration.labels(job.queueName, jobName, 'completed').observe(seconds);
      logger.info(
        {
          jobId: job.id,
          queue: job.queueName,
          job: jobName,
          attempt,
          durationMs: Math.round(seconds * 1000),
          outcome: 'completed',
        },
        'job completed',
      );
      return result;
    } catch (err) {
      const seconds = (performance.now() - started) / 1000;
      const final = err instanceof UnrecoverableError || attempt >= (job.opts.attempts ?? 1);
      metrics?.jobDuration.labels(job.queueName, jobName, 'failed').observe(seconds);
      metrics?.jobFailures.labels(job.queueName, jobName, String(final)).inc();
      logger.warn(
        {
          jobId: job.id,
          queue: job.queueName,
          job: jobName,
          attempt,
          durationMs: Math.round(seconds * 1000),
          outcome: 'failed',
          final,
          err,
        },
        'job failed',
      );
      throw err;
    }
  }

  async function run(job: Job): Promise<unknown> {
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
      // Every job's failure series from 0, so a rate or an alert sees 0 rather than nothing before the first.
      for (const [name, definition] of Object.entries(catalog)) {
        for (const final of ['true', 'false']) metrics?.jobFailures.labels(definition.queue, name, final);
      }
      for (const queue of queueNames(catalog)) {
        const worker = new Worker(queue, process, {
          connection: deps.connection,
          prefix: deps.prefix,
          concurrency: deps.concurrency,
          autorun: true,
        });
        // Failures outside an attempt (a job that stalled too often) never passed through process().
        worker.on('failed', (job, err) => {
          if (job && !/stalled/i.test(err.message)) return;
          logger.warn({ queue, job: job?.name, jobId: job?.id, outcome: 'failed', final: true, err }, 'job failed');
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
