import { z } from 'zod';
import { pageQuery } from '../../platform/http/listing.js';
import { dateTimeQuery } from '../../platform/http/schemas.js';

/** Request and response schemas of the billing routes: validation, serialization and OpenAPI from one place. */

export const TOPUP_MIN_IDR = 10_000;
export const TOPUP_MAX_IDR = 10_000_000;

export const TRANSACTION_TYPES = ['TOPUP', 'SUBSCRIPTION_CHARGE', 'REFUND', 'ADJUSTMENT'] as const;
export const TRANSACTION_STATUSES = ['PENDING', 'SUCCESS', 'FAILED', 'EXPIRED', 'CANCELLED'] as const;

const limits = `between ${TOPUP_MIN_IDR} and ${TOPUP_MAX_IDR} IDR`;
export const topupInput = z.object({
  amount: z
    .number({ message: `must be a whole number of rupiah ${limits}` })
    .int(`must be a whole number of rupiah ${limits}`)
    .min(TOPUP_MIN_IDR, `must be ${limits}`)
    .max(TOPUP_MAX_IDR, `must be ${limits}`)
    .describe(`Integer rupiah, ${limits}`),
});

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .regex(/^[A-Za-z0-9._:-]+$/, 'must be letters, digits and . _ : -')
    .optional()
    .describe('Optional: a retry with the same key returns the same top-up instead of starting another'),
});

export const transactionQuery = z
  .object({
    type: z.enum(TRANSACTION_TYPES, { message: `must be one of ${TRANSACTION_TYPES.join(', ')}` }).optional(),
    status: z.enum(TRANSACTION_STATUSES, { message: `must be one of ${TRANSACTION_STATUSES.join(', ')}` }).optional(),
    from: dateTimeQuery.optional().describe('Created at or after (ISO 8601)'),
    to: dateTimeQuery.optional().describe('Created at or before (ISO 8601)'),
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

export const paymentView = z
  .object({
    token: z.string().describe('Snap token for Snap.js (`snap.pay(token)`)'),
    redirectUrl: z.string().describe('The Midtrans payment page'),
    expiresAt: z.iso.datetime().describe('After this the page takes no payment; POST .../pay gives a fresh one'),
  })
  .meta({ id: 'Payment' });

export const transactionView = z
  .object({
    id: z.uuid(),
    type: z.enum(TRANSACTION_TYPES),
    status: z.enum(TRANSACTION_STATUSES),
    amount: z
      .number()
      .int()
      .describe('Signed integer rupiah: the effect on the balance once SUCCESS (charges are negative)'),
    currency: z.literal('IDR'),
    description: z.string(),
    paymentMethod: z.string().nullable().describe('Midtrans payment type for top-ups (qris, bank_transfer, ...)'),
    reference: z.string().nullable(),
    reason: z.string().nullable(),
    relatedTransactionId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    payment: paymentView.nullable().describe('For a PENDING top-up: how to pay it'),
  })
  .meta({ id: 'Transaction' });
export type TransactionView = z.output<typeof transactionView>;

export const balanceView = z.object({
  balance: z.number().int().describe('Integer rupiah'),
  currency: z.literal('IDR'),
  updatedAt: z.iso.datetime().nullable(),
});

export const topupView = z.object({ transaction: transactionView, payment: paymentView });

export const webhookAnswer = z.object({
  received: z.literal(true),
  verdict: z.string().describe('What Kapal did: applied, duplicate, final, unchanged, ...'),
});
