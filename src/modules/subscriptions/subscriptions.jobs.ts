import { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { defineJob } from '../../platform/queue/job-catalog.js';
import { findAccount } from '../accounts/index.js';
import { findPlanForPurchase } from '../catalog/index.js';
import type { SecretStore, TemplateRegistry } from '../templates/index.js';
import { GRACE_MS, type Lifecycle, SUSPENDED_BEFORE_TERMINATION_MS } from './lifecycle.js';
import type { Reconciler } from './reconciler.js';
import { subscriptionsRepository as repo, type SubscriptionRow } from './subscriptions.repository.js';

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
  /**
   * Scheduled (see subscriptions.module.ts): renewals (set-based), grace, suspension, termination,
   * resumption after a top-up, the expiring mails (lifecycle.ts). Safe to run twice at once.
   */
  'subscriptions.lifecycle': defineJob({
    queue: 'billing',
    payload: z.object({}),
    attempts: 1,
    backoff: { type: 'fixed', delayMs: 60_000 },
  }),
  /** Scheduled: the outbox's `user.deactivated` and `user.deleted` terminate the user's subscriptions. */
  'subscriptions.user-events': defineJob({
    queue: 'reconciling',
    payload: z.object({}),
    attempts: 1,
    backoff: { type: 'fixed', delayMs: 10_000 },
  }),
  /** A subscription's mails, each once (job id `<mail>-<subscriptionId>[-<period>]`). */
  'subscriptions.notify': defineJob({
    queue: 'notifications',
    payload: z.object({
      subscriptionId: z.uuid(),
      mail: z.enum([
        'subscription-created',
        'service-ready',
        'provisioning-failed',
        'subscription-expiring',
        'subscription-grace',
        'subscription-suspended',
        'subscription-resumed',
        'subscription-terminated',
      ]),
      /** Days before the renewal (expiring) or before the suspension (grace). */
      daysLeft: z.number().int().min(0).max(31).optional(),
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
  lifecycle: Pick<Lifecycle, 'runPass' | 'processUserEvents'>;
  balanceOf: (userId: string) => Promise<number>;
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

  /** The lifecycle mails; undefined when the subscription moved on since (a stale mail is not sent). */
  async function lifecycleMail(
    mail: Exclude<
      Payload<'subscriptions.notify'>['mail'],
      'subscription-created' | 'service-ready' | 'provisioning-failed'
    >,
    s: SubscriptionRow,
    what: string,
    daysLeft: number | undefined,
    planPrice: number | undefined,
  ): Promise<{ subject: string; text: string[] } | undefined> {
    const balance = rupiah(await deps.balanceOf(s.userId));
    const price = rupiah(planPrice ?? s.priceIdr);
    switch (mail) {
      case 'subscription-expiring':
        if (s.status !== 'ACTIVE' || !s.autoRenew) return undefined;
        return {
          subject: `${s.name} renews in ${daysLeft ?? 'a few'} day${daysLeft === 1 ? '' : 's'}: top up your credit`,
          text: [
            `${what} "${s.name}" renews on ${day(s.periodEnd)} for ${price}, and your credit (${balance}) does not cover it.`,
            'Top up before then to keep it running without interruption.',
          ],
        };
      case 'subscription-grace':
        if (s.status !== 'ACTIVE' || !s.graceStartedAt) return undefined;
        return {
          subject: `${s.name} was not renewed: ${daysLeft === 1 ? 'last day' : '3 days'} to pay`,
          text: [
            `The period of ${what} "${s.name}" ended on ${day(s.periodEnd)} and we could not renew it (${price}; your credit: ${balance}).`,
            `It keeps running until ${day(new Date(s.graceStartedAt.getTime() + GRACE_MS))}; then it is suspended (stopped, data kept).`,
            'Top up, or renew it in your dashboard, to keep it.',
          ],
        };
      case 'subscription-suspended':
        if (s.status !== 'SUSPENDED') return undefined;
        return {
          subject: `${s.name} is suspended`,
          text: [
            `${what} "${s.name}" is stopped; its data is kept.`,
            ...(s.graceStartedAt
              ? [
                  `It was not paid. Top up (${price}) or renew it in your dashboard to start it again;`,
                  `unpaid, it is deleted with its data on ${day(new Date((s.suspendedAt ?? new Date()).getTime() + SUSPENDED_BEFORE_TERMINATION_MS))}.`,
                ]
              : ['An administrator suspended it; contact support.']),
          ],
        };
      case 'subscription-resumed':
        if (s.status !== 'ACTIVE') return undefined;
        return {
          subject: `${s.name} is running again`,
          text: [`${what} "${s.name}" is paid until ${day(s.periodEnd)} and starting again at https://${s.host}.`],
        };
      case 'subscription-terminated':
        if (s.status !== 'TERMINATED') return undefined;
        return {
          subject: `${s.name} has ended`,
          text: [`${what} "${s.name}" has ended, and its data is deleted.`, `Why: ${s.endReason ?? 'unknown'}`],
        };
    }
  }

  return {
    'subscriptions.reconcile': async ({ subscriptionId, trigger }: Payload<'subscriptions.reconcile'>) =>
      deps.reconciler.reconcile(subscriptionId, trigger),

    'subscriptions.reconcile-all': async () => deps.reconciler.reconcileAll(),

    'subscriptions.lifecycle': async () => deps.lifecycle.runPass(),

    'subscriptions.user-events': async () => deps.lifecycle.processUserEvents(),

    'subscriptions.notify': async ({ subscriptionId, mail, daysLeft }: Payload<'subscriptions.notify'>) => {
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
      } else if (mail !== 'provisioning-failed') {
        const lifecycle = await lifecycleMail(mail, subscription, what, daysLeft, plan?.priceMonthlyIdr);
        if (!lifecycle) return { sent: false, reason: `subscription ${subscription.status}` };
        message = lifecycle;
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
