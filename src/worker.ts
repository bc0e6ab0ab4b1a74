import type { Kapal } from './deps.js';
import { jobCatalog } from './jobs.js';
import { createWorkerRunner, type WorkerRunner } from './platform/queue/worker-runner.js';
import { createRedis } from './platform/redis.js';

/** The background worker: every queue of the job catalog, with the configured concurrency. */
export function createWorker(deps: Kapal): WorkerRunner {
  const connection = createRedis(deps.config.redis.url, { forWorker: true, name: 'kapal-worker' });
  const runner = createWorkerRunner({
    connection,
    prefix: deps.config.queue.prefix,
    catalog: jobCatalog,
    handlers: deps.modules.jobHandlers,
    concurrency: deps.config.queue.concurrency,
    logger: deps.logger.child({ part: 'worker' }),
    metrics: deps.metrics,
  });
  return {
    async start() {
      await runner.start();
      // Timers of the modules' scheduled jobs (upserted: a restart or a second replica changes nothing).
      for (const schedule of deps.modules.schedules) {
        await deps.jobs.schedule(schedule.job as never, schedule.everyMs, schedule.payload as never);
      }
      await deps.modules.startInWorker();
    },
    async close() {
      await runner.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
