import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/listing.js';
import { dateTimeQuery } from '../../platform/http/schemas.js';
import { transactionStatus, transactionType } from './billing.tables.js';

const TYPES = transactionType.enumValues;
const STATUSES = transactionStatus.enumValues;
const rupiah = z.number().int();

/** A transaction as administrators see it: whose, who made it, and the Midtrans ids. */
export const adminTransactionView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    user: z.object({ email: z.string(), name: z.string() }).nullable().describe('The owner now (null if unknown)'),
    type: z.enum(TYPES),
    status: z.enum(STATUSES),
    amount: rupiah.describe('Signed integer rupiah: the effect on the balance once SUCCESS'),
    currency: z.literal('IDR'),
    description: z.string(),
    paymentMethod: z.string().nullable(),
    reference: z.string().nullable(),
    reason: z.string().nullable(),
    relatedTransactionId: z.uuid().nullable(),
    subscriptionId: z.uuid().nullable(),
    serviceId: z.uuid().nullable(),
    planId: z.uuid().nullable(),
    actorId: z.uuid().nullable().describe('The administrator who made an adjustment'),
    midtransOrderId: z.string().nullable(),
    midtransTransactionId: z.string().nullable(),
    paymentExpiresAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'AdminTransaction' });

export type AdminTransactionView = z.output<typeof adminTransactionView>;

const countAndAmount = z.object({ count: z.number().int(), amount: rupiah });

export const adminTransactionQuery = z
  .object({
    userId: z.uuid({ message: 'must be a UUID' }).optional(),
    type: z.enum(TYPES, { message: `must be one of ${TYPES.join(', ')}` }).optional(),
    status: z.enum(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` }).optional(),
    from: dateTimeQuery.optional().describe('Created at or after (ISO 8601)'),
    to: dateTimeQuery.optional().describe('Created before (ISO 8601)'),
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'must be before to', path: ['from'] });

export const adminTransactionPage = pageOf(adminTransactionView).extend({
  totals: z
    .object({
      count: z.number().int(),
      net: rupiah.describe('Sum of the SUCCESS amounts: the net effect on balances'),
      byType: z.object(
        Object.fromEntries(TYPES.map((t) => [t, countAndAmount])) as Record<
          (typeof TYPES)[number],
          typeof countAndAmount
        >,
      ),
      byStatus: z.object(
        Object.fromEntries(STATUSES.map((s) => [s, countAndAmount])) as Record<
          (typeof STATUSES)[number],
          typeof countAndAmount
        >,
      ),
    })
    .describe('Over every transaction the filters match, not only this page (amounts signed)'),
});

export const pendingTopupQuery = z.object({
  olderThanMinutes: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(0, 'must be at least 0')
    .max(60 * 24 * 30, 'must be at most 43200 (30 days)')
    .optional()
    .describe('Only those created at least this many minutes ago'),
  ...pageQuery,
});

export const pendingTopupPage = pageOf(adminTransactionView).extend({
  totals: countAndAmount.describe('Every pending top-up the filter matches'),
});

const day = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
export const MAX_REVENUE_DAYS = 366;
export const revenueQuery = z
  .object({
    from: day.optional().describe('First day (inclusive), in the billing time zone; default: 29 days before `to`'),
    to: day.optional().describe('Last day (inclusive), in the billing time zone; default: today'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const revenueView = z
  .object({
    from: day,
    to: day,
    timeZone: z.string(),
    totals: z.object({
      topups: rupiah.describe('Credit bought through Midtrans'),
      charges: rupiah.describe('Subscription charges'),
      refunds: rupiah,
      revenue: rupiah.describe('Charges less refunds'),
      adjustments: rupiah.describe("Administrators' adjustments, signed"),
    }),
    days: z.array(
      z.object({
        date: day,
        topups: rupiah,
        topupCount: z.number().int(),
        charges: rupiah,
        chargeCount: z.number().int(),
        refunds: rupiah,
        revenue: rupiah,
        adjustments: rupiah,
      }),
    ),
    services: z
      .array(
        z.object({
          serviceId: z.uuid().nullable(),
          charges: rupiah,
          chargeCount: z.number().int(),
          refunds: rupiah,
          revenue: rupiah,
        }),
      )
      .describe('Subscription revenue by the service charged for, largest first'),
  })
  .meta({ id: 'Revenue' });

export const adjustmentHeaders = z.object({
  'idempotency-key': z
    .string({ message: 'is required: a retry with the same key returns the same adjustment' })
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .regex(/^[A-Za-z0-9._:-]+$/, 'must be letters, digits and . _ : -')
    .describe('Required: a retry with the same key returns the same adjustment instead of making another'),
});

export const MAX_ADJUSTMENT_IDR = 100_000_000;
export const adjustmentInput = z.object({
  amount: z
    .number({ message: 'must be a whole number of rupiah' })
    .int('must be a whole number of rupiah')
    .refine((a) => a !== 0, 'must not be 0')
    .refine(
      (a) => Math.abs(a) <= MAX_ADJUSTMENT_IDR,
      `must be between -${MAX_ADJUSTMENT_IDR} and ${MAX_ADJUSTMENT_IDR} IDR`,
    )
    .describe('Signed integer rupiah: positive adds credit, negative takes it (never below zero)'),
  reason: z
    .string({ message: 'is required' })
    .trim()
    .min(3, 'must say why, in at least 3 characters')
    .max(500, 'must be at most 500 characters'),
});

export const adjustmentView = z.object({
  transaction: adminTransactionView,
  balance: rupiah.describe('The balance right after the adjustment'),
  replayed: z.boolean().describe('True when this Idempotency-Key was used already and nothing new happened'),
});
