import type { z } from 'zod';

/**
 * A typed job catalog: each job names its queue, its payload schema and its retry policy. The code that
 * enqueues and the worker that runs a job share the definition; payloads are checked on both sides.
 * Every handler must be idempotent: BullMQ delivers at least once.
 */
export interface JobDefinition<Payload extends z.ZodType = z.ZodType> {
  queue: string;
  payload: Payload;
  /** Total tries, the first included. */
  attempts: number;
  backoff: { type: 'exponential' | 'fixed'; delayMs: number };
}

export type JobCatalog = Record<string, JobDefinition>;

export type JobName<C extends JobCatalog> = keyof C & string;
export type JobInput<C extends JobCatalog, N extends JobName<C>> = z.input<C[N]['payload']>;
export type JobPayload<C extends JobCatalog, N extends JobName<C>> = z.output<C[N]['payload']>;

export interface JobContext {
  jobId: string;
  attempt: number;
  log(message: string): Promise<void>;
}

export type JobHandlers<C extends JobCatalog> = {
  [N in JobName<C>]: (payload: JobPayload<C, N>, ctx: JobContext) => Promise<unknown>;
};

export function defineJob<P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

export function queueNames(catalog: JobCatalog): string[] {
  return [...new Set(Object.values(catalog).map((d) => d.queue))];
}
