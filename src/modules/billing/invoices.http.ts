import { z } from 'zod';
import { pageQuery } from '../../platform/http/listing.js';
import { dateTimeQuery } from '../../platform/http/schemas.js';

export const invoiceParty = z
  .object({
    name: z.string(),
    email: z.string().optional(),
    address: z.string().optional(),
    phone: z.string().optional(),
    taxId: z.string().optional().describe('NPWP'),
  })
  .meta({ id: 'InvoiceParty' });

export const invoiceLine = z
  .object({
    description: z.string(),
    quantity: z.number().int(),
    unitPrice: z.number().int().describe('IDR'),
    amount: z.number().int().describe('IDR'),
  })
  .meta({ id: 'InvoiceLine' });

export const invoiceView = z
  .object({
    id: z.uuid(),
    number: z.string().describe('INV-YYYYMM-NNNNNN, gap-free per month'),
    transactionId: z.uuid(),
    issuedAt: z.iso.datetime(),
    currency: z.literal('IDR'),
    seller: invoiceParty,
    buyer: invoiceParty,
    lines: z.array(invoiceLine),
    subtotal: z.number().int().describe('IDR'),
    tax: z.number().int().describe('IDR'),
    total: z.number().int().describe('IDR'),
    paymentMethod: z.string().nullable().describe("Midtrans' payment type for a top-up, `credit` for a charge"),
    pdfUrl: z.string().describe('Where the PDF of this invoice is (relative to the API base)'),
  })
  .meta({ id: 'Invoice' });

export type InvoiceView = z.output<typeof invoiceView>;

export const invoiceListQuery = z.object({
  from: dateTimeQuery.optional().describe('Issued at or after (inclusive)'),
  to: dateTimeQuery.optional().describe('Issued before (exclusive)'),
  transactionId: z
    .uuid({ message: 'must be a UUID' })
    .optional()
    .describe("The invoice of one of your transactions (a list of at most one): a transaction's invoice link"),
  ...pageQuery,
});
