import type { Queue } from 'bullmq';
import { conflict, notFound } from '../errors.js';

const COUNTED = ['waiting', 'active', 'delayed', 'completed', 'failed', 'paused', 'prioritized'] as const;
export type JobState = (typeof COUNTED)[number];

export interface FailedJobView {
  id: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
  data: unknown;
}

/** What operators see of the job queues: counts by state and the latest failures, and a retry button. */
export function createQueueInspector(deps: { queues: () => ReadonlyMap<string, Queue> }) {
  const queueNamed = (name: string) => {
    const queue = deps.queues().get(name);
    if (!queue) throw notFound(`Queue ${name}`);
    return queue;
  };

  return {
    async overview(options: { failedLimit: number }) {
      const queues = [...deps.queues().entries()];
      return Promise.all(
        queues.map(async ([name, queue]) => {
          const [counts, failed] = await Promise.all([
            queue.getJobCounts(...COUNTED),
            options.failedLimit > 0 ? queue.getFailed(0, options.failedLimit - 1) : Promise.resolve([]),
          ]);
          return {
            name,
            counts: Object.fromEntries(COUNTED.map((state) => [state, counts[state] ?? 0])) as Record<JobState, number>,
            latestFailed: failed.map(
              (job): FailedJobView => ({
                id: job.id!,
                name: job.name,
                failedReason: job.failedReason,
                attemptsMade: job.attemptsMade,
                failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
                data: job.data,
              }),
            ),
          };
        }),
      );
    },

    /**
     * Puts a failed job back in its queue with its attempts reset: a full new set, not one more try.
     * `beforeRetry` runs once the job is known to be failed, before it moves (to audit the retry).
     */
    async retryFailed(
      queueName: string,
      jobId: string,
      options: { beforeRetry?: () => Promise<void> } = {},
    ): Promise<{ id: string; state: string }> {
      const queue = queueNamed(queueName);
      const job = await queue.getJob(jobId);
      if (!job) throw notFound(`Job ${jobId} in queue ${queueName}`);
      const state = await job.getState();
      if (state !== 'failed') throw conflict(`Job ${jobId} is ${state}, not failed; only failed jobs can be retried`);
      await options.beforeRetry?.();
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return { id: jobId, state: await job.getState() };
    },
  };
}

export type QueueInspector = ReturnType<typeof createQueueInspector>;
