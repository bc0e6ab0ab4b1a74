import { z } from 'zod';

/** The error envelope every non-2xx response carries; routes list it in their OpenAPI responses. */
export const errorEnvelope = z
  .object({
    error: z.object({
      code: z.string().describe('A stable, machine-readable code such as NOT_FOUND or VALIDATION_FAILED'),
      message: z.string().describe('What is wrong, for a person'),
      requestId: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      required: z.number().int().optional().describe('INSUFFICIENT_CREDIT: what the charge needs (IDR)'),
      available: z.number().int().optional().describe('INSUFFICIENT_CREDIT: the balance (IDR)'),
    }),
  })
  .meta({ id: 'Error' });

/** `{ 400: errorEnvelope, 404: errorEnvelope }` for the statuses a route can answer with. */
export function errorResponses<const S extends number>(...statuses: S[]): Record<S, typeof errorEnvelope> {
  return Object.fromEntries(statuses.map((s) => [s, errorEnvelope])) as Record<S, typeof errorEnvelope>;
}

export const uuidParam = z.object({ id: z.uuid({ message: 'must be a UUID' }) });

/** A date or date-time in a query string (ISO 8601), for date-range filters. */
export const dateTimeQuery = z.coerce.date({ message: 'must be a date or date-time (ISO 8601)' });
