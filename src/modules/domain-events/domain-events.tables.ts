import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The outbox: facts other modules react to (`user.deactivated` stops a user's subscriptions), written in
 * the same transaction as the change they describe, consumed later by jobs that mark them processed.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    type: text().notNull(),
    aggregateId: uuid().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('domain_events_unprocessed_idx').on(t.occurredAt).where(sql`${t.processedAt} is null`),
    index('domain_events_aggregate_idx').on(t.aggregateId, t.occurredAt),
  ],
);
