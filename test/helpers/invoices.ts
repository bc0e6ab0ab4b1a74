import { randomUUID } from 'node:crypto';
import { transactions } from '../../src/modules/billing/billing.tables.js';
import { createPdfInvoiceRenderer } from '../../src/modules/billing/invoices.pdf.js';
import { createInvoiceService } from '../../src/modules/billing/invoices.service.js';
import type { TestRuntime } from './test-runtime.js';

/**
 * A successful top-up of `userId` with its invoice, written through the invoice service in one
 * transaction (no Midtrans involved), for tests of the routes around invoices (the authorization matrix).
 */
export async function anInvoiceOf(t: Pick<TestRuntime, 'runtime'>, userId: string, amount = 50_000): Promise<string> {
  const { database, clock, config } = t.runtime;
  const invoices = createInvoiceService({
    database,
    clock,
    seller: config.billing.seller,
    timeZone: config.billing.timeZone,
    renderer: createPdfInvoiceRenderer({ timeZone: config.billing.timeZone }),
  });
  return database.transaction(async (tx) => {
    const id = randomUUID();
    const now = clock.now();
    await tx.insert(transactions).values({
      id,
      userId,
      type: 'TOPUP',
      status: 'SUCCESS',
      amount,
      paymentMethod: 'qris',
      idempotencyKey: `topup:${id}`,
      midtransOrderId: id,
      createdAt: now,
      updatedAt: now,
      completedAt: now,
    });
    return (await invoices.issueInvoice(tx, { transactionId: id })).id;
  });
}
