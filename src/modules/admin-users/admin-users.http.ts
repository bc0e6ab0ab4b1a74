import { z } from 'zod';

export const userIds = z
  .array(z.uuid({ message: 'must be a UUID' }), { message: 'must be an array of user ids' })
  .min(1, 'must name at least one user')
  .max(100, 'must name at most 100 users')
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a user twice');

export const userStats = z.object({
  total: z.number().int(),
  byRole: z.object({ USER: z.number().int(), ADMINISTRATOR: z.number().int() }),
  byStatus: z.object({ active: z.number().int(), inactive: z.number().int() }),
  signupsPerDay: z
    .array(z.object({ date: z.string(), count: z.number().int() }))
    .describe('Last 30 days, UTC, oldest first'),
});

export const bulkResult = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      outcome: z.enum(['updated', 'unchanged', 'deleted']).optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  summary: z.object({ succeeded: z.number().int(), failed: z.number().int() }),
});
