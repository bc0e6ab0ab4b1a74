import { z } from 'zod';
import { defineJob } from '../../platform/queue/job-catalog.js';

export const workerJobs = {
  /**
   * Drains a worker (started by POST /admin/workers/{id}/drain): tells the affected customers, then evicts
   * its pods, retrying what a disruption budget refuses until the drain timeout; its progress is in the
   * worker's row. Idempotent: a run for a drain that is not RUNNING any more (or a later one) does nothing,
   * and a retried run goes on from what the cluster shows.
   */
  'workers.drain': defineJob({
    queue: 'cluster',
    payload: z.object({ workerId: z.uuid(), startedAt: z.iso.datetime() }),
    attempts: 3,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
  /** The `maintenance` mail to one customer about one drain (job id `maintenance-<worker>-<drain>-<user>`). */
  'workers.maintenance-mail': defineJob({
    queue: 'notifications',
    payload: z.object({
      workerName: z.string().min(1),
      userId: z.uuid(),
      subscriptionIds: z.array(z.uuid()).min(1),
    }),
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
};
