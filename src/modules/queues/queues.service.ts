import type { AppJobCatalog } from '../../jobs.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';

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
export function createQueueAdmin(deps: { jobs: Pick<JobProducer<AppJobCatalog>, 'queues'> }) {
  const queueNamed = (name: string) => {
    const queue = deps.jobs.queues().get(name);
    if (!queue) throw notFound(`Queue ${name}`);
    return queue;
  };

  return {
    async overview(options: { failedLimit: number }) {
      const queues = [...deps.jobs.queues().entries()];
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

    /** Puts a failed job back in its queue for another full set of attempts. */
    async retryFailed(queueName: string, jobId: string): Promise<{ id: string; state: string }> {
      const queue = queueNamed(queueName);
      const job = await queue.getJob(jobId);
      if (!job) throw notFound(`Job ${jobId} in queue ${queueName}`);
      const state = await job.getState();
      if (state !== 'failed') throw conflict(`Job ${jobId} is ${state}, not failed; only failed jobs can be retried`);
      await job.retry('failed');
      return { id: jobId, state: await job.getState() };
    },
  };
}
