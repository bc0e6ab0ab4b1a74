import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { defineJob } from '../../platform/queue/job-catalog.js';
import { findAccount } from '../accounts/index.js';
import { billingRepository as repo } from './billing.repository.js';
import type { BillingService } from './billing.service.js';
import { transactions } from './billing.tables.js';

export const billingJobs = {
  /** Scheduled (every 5 minutes, see billing.module.ts): top-ups PENDING for 15 minutes are asked about. */
  'billing.sync-pending-topups': defineJob({
    queue: 'billing',
    payload: z.object({ limit: z.number().int().min(1).max(1000).optional() }),
    attempts: 1,
    backoff: { type: 'fixed', delayMs: 60_000 },
  }),
  /** Enqueued once a top-up is credited (job id `topup-succeeded-<transactionId>`). */
  'billing.topup-succeeded': defineJob({
    queue: 'notifications',
    payload: z.object({ transactionId: z.uuid() }),
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
};

type Payload<N extends keyof typeof billingJobs> = z.output<(typeof billingJobs)[N]['payload']>;

const rupiah = (amount: number) => `Rp ${amount.toLocaleString('id-ID')}`;

export function billingJobHandlers(deps: {
  service: Pick<BillingService, 'syncPendingTopups'>;
  database: Pick<Database, 'db'>;
  mailer: Pick<Mailer, 'send'>;
}) {
  return {
    'billing.sync-pending-topups': async ({ limit }: Payload<'billing.sync-pending-topups'>) =>
      deps.service.syncPendingTopups({ limit }),

    'billing.topup-succeeded': async ({ transactionId }: Payload<'billing.topup-succeeded'>) => {
      const [topup] = await deps.database.db.select().from(transactions).where(eq(transactions.id, transactionId));
      if (!topup || topup.type !== 'TOPUP' || topup.status !== 'SUCCESS')
        return { sent: false, reason: 'not-credited' };
      const user = await findAccount(deps.database.db, topup.userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      const balance = (await repo.balance(deps.database.db, topup.userId))?.balance ?? 0;
      await deps.mailer.send({
        to: user.email,
        subject: `Top-up received: ${rupiah(topup.amount)}`,
        text: [
          'Hello,',
          '',
          `We received your top-up of ${rupiah(topup.amount)}; it is in your Kapal credit now.`,
          `Your balance: ${rupiah(balance)}.`,
          '',
          `Transaction: ${topup.id}`,
          '',
          '— Kapal',
        ].join('\n'),
      });
      return { sent: true };
    },
  };
}
