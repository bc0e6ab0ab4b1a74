import type { Kapal } from './deps.js';
import { jobCatalog } from './jobs.js';
import { createWorkerRunner, type WorkerRunner } from './platform/queue/worker-runner.js';
import { createRedis } from './platform/redis.js';

/** How often the worker checks that Redis still has the scheduled jobs' timers. */
export const SCHEDULE_CHECK_EVERY_MS = 30_000;

/** The background worker: every queue of the job catalog, with the configured concurrency. */
export function createWorker(deps: Kapal, options: { scheduleCheckEveryMs?: number } = {}): WorkerRunner {
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
  const logger = deps.logger.child({ part: 'worker' });
  /**
   * Upserts the timers of the scheduled jobs: all of them at start (a restart or a second replica changes
   * nothing; a changed interval takes effect), then, every check, those Redis lost (restarted without its
   * data, or flushed), so the passes that find work recorded only in PostgreSQL keep running.
   */
  async function ensureSchedules(onlyMissing: boolean): Promise<number> {
    let restored = 0;
    for (const schedule of deps.modules.schedules) {
      const queue = deps.jobs.queues().get(jobCatalog[schedule.job as keyof typeof jobCatalog].queue);
      if (onlyMissing && queue && (await queue.getJobScheduler(schedule.job))) continue;
      await deps.jobs.schedule(schedule.job as never, schedule.everyMs, schedule.payload as never);
      restored += 1;
    }
    return restored;
  }
  let watchdog: NodeJS.Timeout | undefined;
  return {
    async start() {
      await runner.start();
      await ensureSchedules(false);
      watchdog = setInterval(() => {
        ensureSchedules(true).then(
          (restored) => restored > 0 && logger.warn({ restored }, 'Redis had lost scheduled jobs; restored them'),
          (err) => logger.warn({ err }, 'could not check the scheduled jobs'),
        );
      }, options.scheduleCheckEveryMs ?? SCHEDULE_CHECK_EVERY_MS);
      watchdog.unref();
      await deps.modules.startInWorker();
    },
    async close() {
      clearInterval(watchdog);
      await runner.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
