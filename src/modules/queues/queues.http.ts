import { z } from 'zod';

const count = z.number().int().nonnegative();

export const queueView = z
  .object({
    name: z.string(),
    counts: z.object({
      waiting: count,
      active: count,
      delayed: count,
      completed: count,
      failed: count,
      paused: count,
      prioritized: count,
    }),
    latestFailed: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        failedReason: z.string(),
        attemptsMade: z.number().int(),
        failedAt: z.iso.datetime().nullable(),
        data: z.unknown(),
      }),
    ),
  })
  .meta({ id: 'QueueOverview' });
