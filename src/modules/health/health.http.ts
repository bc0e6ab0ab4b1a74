import { z } from 'zod';

const check = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  error: z.enum(['timeout', 'unavailable']).optional().describe('Why the check failed; details are in the log'),
});

export const readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.object({ postgres: check, redis: check, kubernetes: check }),
});
