import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.js';

// Money is integer rupiah in `bigint` columns read as JS numbers (`mode: 'number'`): exact below 2^53
// (9 quadrillion rupiah), far above any balance; the service refuses amounts above MAX_AMOUNT_IDR.
// Users are referenced with ON DELETE RESTRICT: money history outlives nothing it belongs to.

export const transactionType = pgEnum('transaction_type', ['TOPUP', 'SUBSCRIPTION_CHARGE', 'REFUND', 'ADJUSTMENT']);
export const transactionStatus = pgEnum('transaction_status', ['PENDING', 'SUCCESS', 'FAILED', 'EXPIRED', 'CANCELLED']);

/** One row per user who ever had credit: the balance, kept in lockstep with the ledger under a row lock. */
export const creditBalances = pgTable(
  'credit_balances',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'restrict' }),
    balance: bigint({ mode: 'number' }).notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('credit_balances_not_negative', sql`${t.balance} >= 0`)],
);

/**
 * The user-facing money events, one list. `amount` is signed: the event's effect on the balance once it
 * succeeds (TOPUP and REFUND > 0, SUBSCRIPTION_CHARGE < 0, ADJUSTMENT either way), so a user's balance is
 * the sum of their SUCCESS transactions as well as of their ledger entries. A TOPUP's current Midtrans
 * order is `midtransOrderId` (its own id on the first attempt; every attempt is in topup_payments).
 */
export const transactions = pgTable(
  'transactions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    type: transactionType().notNull(),
    status: transactionStatus().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull().default('IDR'),
    description: text().notNull().default(''),
    /** How it was paid: Midtrans' payment_type for top-ups (qris, bank_transfer, gopay, ...), `credit` for charges. */
    paymentMethod: text(),
    /** What it pays for or refers to, e.g. `subscription:<id>`; free text chosen by the caller. */
    reference: text(),
    /** Why (required for ADJUSTMENT, optional otherwise). */
    reason: text(),
    /** A REFUND's original charge. */
    relatedTransactionId: uuid().references((): AnyPgColumn => transactions.id, { onDelete: 'restrict' }),
    /** Snapshots for reports (no foreign keys: a plan or subscription may be deleted, the money stays). */
    subscriptionId: uuid(),
    serviceId: uuid(),
    planId: uuid(),
    /** Who made it when not the user (an administrator's adjustment). */
    actorId: uuid(),
    idempotencyKey: text().notNull(),
    midtransOrderId: text(),
    midtransTransactionId: text(),
    snapToken: text(),
    snapRedirectUrl: text(),
    /** When the current Snap payment page stops accepting payment. */
    paymentExpiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the status became final (SUCCESS, FAILED, EXPIRED, CANCELLED). */
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('transactions_idempotency_key_unique').on(t.idempotencyKey),
    uniqueIndex('transactions_midtrans_order_unique').on(t.midtransOrderId),
    index('transactions_user_created_idx').on(t.userId, t.createdAt),
    index('transactions_type_status_created_idx').on(t.type, t.status, t.createdAt),
    index('transactions_created_idx').on(t.createdAt),
    index('transactions_pending_topups_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'PENDING' and ${t.type} = 'TOPUP'`),
    index('transactions_related_idx').on(t.relatedTransactionId),
    index('transactions_subscription_idx').on(t.subscriptionId),
    check(
      'transactions_amount_sign',
      sql`case ${t.type} when 'SUBSCRIPTION_CHARGE' then ${t.amount} < 0 when 'ADJUSTMENT' then ${t.amount} <> 0 else ${t.amount} > 0 end`,
    ),
    check('transactions_currency_idr', sql`${t.currency} = 'IDR'`),
    check('transactions_completed_when_final', sql`(${t.status} = 'PENDING') = (${t.completedAt} is null)`),
  ],
);

/**
 * Every Snap transaction created for a top-up (a new one when "pay again" finds the old one expired),
 * so a notification for any of them finds its top-up.
 */
export const topupPayments = pgTable(
  'topup_payments',
  {
    orderId: text().primaryKey(),
    transactionId: uuid()
      .notNull()
      .references(() => transactions.id, { onDelete: 'restrict' }),
    snapToken: text().notNull(),
    snapRedirectUrl: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('topup_payments_transaction_idx').on(t.transactionId)],
);

/**
 * The append-only ledger: every balance change, signed, written in the same database transaction as
 * the balance and the state it pays for. One entry per money transaction at most, one per key ever.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Insertion order (entries of one statement share a timestamp). */
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    transactionId: uuid()
      .notNull()
      .references(() => transactions.id, { onDelete: 'restrict' }),
    kind: transactionType().notNull(),
    /** Signed rupiah: positive credits, negative debits. */
    amount: bigint({ mode: 'number' }).notNull(),
    balanceAfter: bigint({ mode: 'number' }).notNull(),
    reference: text(),
    idempotencyKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_entries_idempotency_key_unique').on(t.idempotencyKey),
    uniqueIndex('ledger_entries_transaction_unique').on(t.transactionId),
    index('ledger_entries_user_seq_idx').on(t.userId, t.seq),
    index('ledger_entries_created_idx').on(t.createdAt),
    check('ledger_entries_amount_not_zero', sql`${t.amount} <> 0`),
    check('ledger_entries_balance_after_not_negative', sql`${t.balanceAfter} >= 0`),
  ],
);

/** Every Midtrans notification received (and every status the sync job fetched), with what we did about it. */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** `webhook` (Midtrans called us) or `status-sync` (we asked Midtrans). */
    source: text().notNull(),
    orderId: text(),
    transactionId: uuid().references(() => transactions.id, { onDelete: 'set null' }),
    transactionStatus: text(),
    /** The body exactly as received (it may not even be JSON). */
    rawBody: text().notNull(),
    /** applied, duplicate, final (already final: ignored), forged, malformed, unknown-order, amount-mismatch, currency-mismatch, ... */
    verdict: text().notNull(),
    detail: text(),
  },
  (t) => [
    index('payment_notifications_order_idx').on(t.orderId, t.receivedAt),
    index('payment_notifications_transaction_idx').on(t.transactionId),
    index('payment_notifications_received_idx').on(t.receivedAt),
  ],
);

/**
 * An issued invoice: immutable; seller and buyer are snapshots taken when it was issued. It is written
 * without a number, and numbered as its transaction commits (migration 0009: a deferred trigger takes
 * the month's counter then, so the counter's lock lasts the COMMIT only); no one else ever sees it unnumbered.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** `INV-YYYYMM-NNNNNN`, gap-free per month (see invoice_counters); null only inside the issuing transaction. */
    number: text(),
    /** `YYYYMM` of `issuedAt` in BILLING_TIME_ZONE: the series the number is taken from. */
    month: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    transactionId: uuid()
      .notNull()
      .references(() => transactions.id, { onDelete: 'restrict' }),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    currency: text().notNull().default('IDR'),
    seller: jsonb().$type<Record<string, unknown>>().notNull(),
    buyer: jsonb().$type<Record<string, unknown>>().notNull(),
    lines: jsonb().$type<Record<string, unknown>[]>().notNull(),
    subtotal: bigint({ mode: 'number' }).notNull(),
    tax: bigint({ mode: 'number' }).notNull().default(0),
    total: bigint({ mode: 'number' }).notNull(),
    paymentMethod: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_number_unique').on(t.number),
    uniqueIndex('invoices_transaction_unique').on(t.transactionId),
    index('invoices_user_issued_idx').on(t.userId, t.issuedAt),
    // What the numbering trigger looks for at COMMIT: the committing transaction's own invoices.
    index('invoices_unnumbered_idx').on(t.id).where(sql`${t.number} is null`),
    check('invoices_month_format', sql`${t.month} ~ '^[0-9]{4}(0[1-9]|1[0-2])$'`),
    check('invoices_number_of_its_month', sql`${t.number} ~ ('^INV-' || ${t.month} || '-[0-9]{6,}$')`),
    check('invoices_amounts_not_negative', sql`${t.subtotal} >= 0 and ${t.tax} >= 0 and ${t.total} >= 0`),
    check('invoices_currency_idr', sql`${t.currency} = 'IDR'`),
  ],
);

/** The last invoice number issued in a month (`YYYYMM`), locked by the COMMIT of a transaction that issued invoices. */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    month: text().primaryKey(),
    lastNumber: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('invoice_counters_month_format', sql`${t.month} ~ '^[0-9]{4}(0[1-9]|1[0-2])$'`),
    check('invoice_counters_last_not_negative', sql`${t.lastNumber} >= 0`),
  ],
);
