import { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { defineJob } from '../../platform/queue/job-catalog.js';
import { findAccount } from '../accounts/index.js';
import { findPlanForPurchase } from '../catalog/index.js';
import type { SecretStore, TemplateRegistry } from '../templates/index.js';
import type { Reconciler } from './reconciler.js';
import { subscriptionsRepository as repo } from './subscriptions.repository.js';

export const subscriptionJobs = {
  /**
   * Converges one subscription's objects with its state in PostgreSQL. Job ids make it single-flight
   * per cause (`provision-<id>`, `deadline-<id>`, `restart-<podId>-<ms>`, `repair-<id>-<rv>`); the
   * reconciler's advisory lock keeps any two runs for one subscription apart.
   */
  'subscriptions.reconcile': defineJob({
    queue: 'provisioning',
    payload: z.object({ subscriptionId: z.uuid(), trigger: z.string().min(1).max(40) }),
    attempts: 10,
    backoff: { type: 'exponential', delayMs: 1_000 },
  }),
  /** Scheduled (see subscriptions.module.ts): the full pass that repairs drift and ends overdue provisioning. */
  'subscriptions.reconcile-all': defineJob({
    queue: 'reconciling',
    payload: z.object({}),
    attempts: 1,
    backoff: { type: 'fixed', delayMs: 60_000 },
  }),
  /** A subscription's mails, each once (job id `<mail>-<subscriptionId>`). */
  'subscriptions.notify': defineJob({
    queue: 'notifications',
    payload: z.object({
      subscriptionId: z.uuid(),
      mail: z.enum(['subscription-created', 'service-ready', 'provisioning-failed']),
    }),
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
};

type Payload<N extends keyof typeof subscriptionJobs> = z.output<(typeof subscriptionJobs)[N]['payload']>;

const rupiah = (amount: number) => `Rp ${amount.toLocaleString('id-ID')}`;
const day = (d: Date) => d.toISOString().slice(0, 10);

export function subscriptionJobHandlers(deps: {
  reconciler: Pick<Reconciler, 'reconcile' | 'reconcileAll'>;
  database: Pick<Database, 'db'>;
  mailer: Pick<Mailer, 'send'>;
  templates: TemplateRegistry;
  secrets: SecretStore;
}) {
  async function credentialsOf(subscriptionId: string, templateRef: string | undefined) {
    const template = templateRef ? deps.templates.get(templateRef) : undefined;
    const lines: string[] = [];
    for (const name of Object.keys(template?.secrets ?? {}).sort()) {
      const value = await deps.secrets.getOrCreate(subscriptionId, name, () => {
        throw new Error(`generated secret ${name} of ${subscriptionId} is not made yet`);
      });
      lines.push(`  ${name}: ${value}`);
    }
    return lines;
  }

  return {
    'subscriptions.reconcile': async ({ subscriptionId, trigger }: Payload<'subscriptions.reconcile'>) =>
      deps.reconciler.reconcile(subscriptionId, trigger),

    'subscriptions.reconcile-all': async () => deps.reconciler.reconcileAll(),

    'subscriptions.notify': async ({ subscriptionId, mail }: Payload<'subscriptions.notify'>) => {
      const row = await repo.findWithPod(deps.database.db, subscriptionId);
      if (!row) return { sent: false, reason: 'deleted' };
      const { subscription } = row;
      const user = await findAccount(deps.database.db, subscription.userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      const plan = subscription.planId ? await findPlanForPurchase(deps.database.db, subscription.planId) : undefined;
      const what = plan ? `${plan.service.name} (${plan.name})` : 'your app';
      const url = `https://${subscription.host}`;
      let message: { subject: string; text: string[] };
      if (mail === 'subscription-created') {
        message = {
          subject: `Setting up ${subscription.name} (${plan?.service.name ?? 'your app'})`,
          text: [
            `Thank you: ${what} "${subscription.name}" is paid until ${day(subscription.periodEnd)}`,
            `(${rupiah(subscription.priceIdr)}), and we are starting it now.`,
            '',
            `It will be at ${url}; we mail you again when it is ready.`,
          ],
        };
      } else if (mail === 'service-ready') {
        if (row.pod.status !== 'RUNNING' && row.pod.status !== 'DEGRADED')
          return { sent: false, reason: `pod ${row.pod.status}` };
        const credentials = await credentialsOf(subscription.id, plan?.service.templateRef);
        message = {
          subject: `${subscription.name} is ready`,
          text: [
            `${what} "${subscription.name}" is running at:`,
            '',
            `  ${url}`,
            '',
            ...(credentials.length > 0
              ? ['Its first credentials (you can read them again in your dashboard):', ...credentials, '']
              : []),
          ],
        };
      } else {
        if (subscription.status !== 'FAILED') return { sent: false, reason: `subscription ${subscription.status}` };
        message = {
          subject: `${subscription.name} could not be started`,
          text: [
            `We could not start ${what} "${subscription.name}", and we are sorry.`,
            `The ${rupiah(subscription.priceIdr)} it cost is back in your Kapal credit.`,
            '',
            `What went wrong: ${subscription.endReason ?? 'unknown'}`,
          ],
        };
      }
      await deps.mailer.send({
        to: user.email,
        subject: message.subject,
        text: ['Hello,', '', ...message.text, '', '— Kapal'].join('\n'),
      });
      return { sent: true };
    },
  };
}
