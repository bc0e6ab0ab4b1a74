import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { defineJob } from '../../platform/queue/job-catalog.js';
import { findAccount } from '../accounts/index.js';
import type { Notifications } from '../notifications/index.js';
import { billingRepository as repo } from './billing.repository.js';
import type { BillingService } from './billing.service.js';
import { transactions } from './billing.tables.js';
import { findInvoiceByTransaction } from './invoices.repository.js';
import { type InvoiceService, invoiceFileName } from './invoices.service.js';

export const billingJobs = {
  /** Scheduled (every 5 minutes, see billing.module.ts): top-ups PENDING for 15 minutes are asked about. */
  'billing.sync-pending-topups': defineJob({
    queue: 'billing',
    payload: z.object({ limit: z.number().int().min(1).max(1000).optional() }),
    attempts: 1,
    backoff: { type: 'fixed', delayMs: 60_000 },
  }),
  /** Enqueued once a top-up is credited (job id `topup-succeeded-<transactionId>`): its mail and its invoice's. */
  'billing.topup-succeeded': defineJob({
    queue: 'notifications',
    payload: z.object({ transactionId: z.uuid() }),
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
};

type Payload<N extends keyof typeof billingJobs> = z.output<(typeof billingJobs)[N]['payload']>;

export function billingJobHandlers(deps: {
  service: Pick<BillingService, 'syncPendingTopups'>;
  invoices: Pick<InvoiceService, 'pdf'>;
  database: Pick<Database, 'db'>;
  notifications: () => Notifications;
}) {
  return {
    'billing.sync-pending-topups': async ({ limit }: Payload<'billing.sync-pending-topups'>) =>
      deps.service.syncPendingTopups({ limit }),

    /** Two mails, each once: the top-up received, and its invoice with the PDF attached. */
    'billing.topup-succeeded': async ({ transactionId }: Payload<'billing.topup-succeeded'>) => {
      const [topup] = await deps.database.db.select().from(transactions).where(eq(transactions.id, transactionId));
      if (!topup || topup.type !== 'TOPUP' || topup.status !== 'SUCCESS')
        return { sent: false, reason: 'not-credited' };
      const user = await findAccount(deps.database.db, topup.userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      const balance = (await repo.balance(deps.database.db, topup.userId))?.balance ?? 0;
      const notifications = deps.notifications();
      await notifications.queue({
        template: 'topup-succeeded',
        data: { transactionId: topup.id, amountIdr: topup.amount, balanceIdr: balance },
        eventKey: `topup-succeeded:${topup.id}`,
        userId: user.id,
      });
      const row = await findInvoiceByTransaction(deps.database.db, topup.id);
      if (!row) return { sent: true, invoice: false };
      const { invoice, pdf } = await deps.invoices.pdf(user.id, row.id);
      await notifications.queue({
        template: 'invoice',
        data: {
          invoiceId: invoice.id,
          number: invoice.number,
          issuedAt: invoice.issuedAt.toISOString(),
          totalIdr: invoice.total,
        },
        eventKey: `invoice:${invoice.id}`,
        userId: user.id,
        attachments: [{ filename: invoiceFileName(invoice), contentType: 'application/pdf', content: pdf }],
      });
      return { sent: true, invoice: true };
    },
  };
}
