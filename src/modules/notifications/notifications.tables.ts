import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';

/**
 * queued: waiting for (or between) attempts; sending: an attempt claimed it and may be talking to SMTP;
 * sent: the SMTP server accepted it (never sent again); failed: every attempt failed (an admin can resend).
 */
export const deliveryStatus = pgEnum('delivery_status', ['queued', 'sending', 'sent', 'failed']);

/** One mail to one user, once per event key (docs/NOTIFICATIONS.md). */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What caused it, e.g. `service-ready:<subscriptionId>`; the same event never mails twice. */
    eventKey: text().notNull().unique('deliveries_event_key_unique'),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    recipient: text().notNull(),
    template: text().notNull(),
    locale: text().notNull(),
    /** Rendered when queued, kept for the lists (the body is sealed in `content`). */
    subject: text().notNull(),
    status: deliveryStatus().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    smtpMessageId: text(),
    /** The template's data, HTML and text parts and attachments, sealed with ENCRYPTION_KEY (credentials in mails). */
    content: text().notNull(),
    /** The delivery an administrator resent this one from. */
    resendOf: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the current attempt claimed the row (status `sending`). */
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('deliveries_user_created_idx').on(t.userId, t.createdAt),
    index('deliveries_created_idx').on(t.createdAt),
    index('deliveries_status_idx').on(t.status),
    index('deliveries_resend_of_idx').on(t.resendOf),
    check('deliveries_locale_check', sql`${t.locale} in ('id', 'en')`),
    check('deliveries_attempts_check', sql`${t.attempts} >= 0`),
  ],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
