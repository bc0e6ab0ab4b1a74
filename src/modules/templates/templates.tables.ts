import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { subscriptions } from '../subscriptions/subscriptions.tables.js';

/**
 * Passwords and keys generated for a subscription's app (for example WordPress's database password),
 * made once and kept so that rendering the subscription again yields the same Secret. The value is
 * sealed with ENCRYPTION_KEY (AES-256-GCM, bound to `<subscriptionId>/<name>`).
 * They go with their subscription (on delete cascade).
 */
export const generatedSecrets = pgTable(
  'generated_secrets',
  {
    subscriptionId: uuid()
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    sealedValue: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.name] })],
);
