import { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { defineJob } from '../../platform/queue/job-catalog.js';
import { findAccount } from '../accounts/index.js';
import { findPlanForPurchase } from '../catalog/index.js';
import type { Notifications, QueueMail, SubscriptionRef } from '../notifications/index.js';
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

type LifecycleMail = Exclude<
  Payload<'subscriptions.notify'>['mail'],
  'subscription-created' | 'service-ready' | 'provisioning-failed'
>;

export function subscriptionJobHandlers(deps: {
  reconciler: Pick<Reconciler, 'reconcile' | 'reconcileAll'>;
  lifecycle: Pick<Lifecycle, 'runPass' | 'processUserEvents'>;
  balanceOf: (userId: string) => Promise<number>;
  database: Pick<Database, 'db'>;
  notifications: () => Notifications;
  templates: TemplateRegistry;
  secrets: SecretStore;
}) {
  async function credentialsOf(subscriptionId: string, templateRef: string | undefined) {
    const template = templateRef ? deps.templates.get(templateRef) : undefined;
    const credentials: { name: string; value: string }[] = [];
    for (const name of Object.keys(template?.secrets ?? {}).sort()) {
      const value = await deps.secrets.getOrCreate(subscriptionId, name, () => {
        throw new Error(`generated secret ${name} of ${subscriptionId} is not made yet`);
      });
      credentials.push({ name, value });
    }
    return credentials;
  }

  /** The lifecycle mails; undefined when the subscription moved on since (a stale mail is not sent). */
  async function lifecycleMail(
    mail: LifecycleMail,
    s: SubscriptionRow,
    ref: SubscriptionRef,
    daysLeft: number | undefined,
    planPrice: number | undefined,
  ): Promise<Omit<QueueMail, 'eventKey' | 'userId'> | undefined> {
    const balanceIdr = await deps.balanceOf(s.userId);
    const priceIdr = planPrice ?? s.priceIdr;
    switch (mail) {
      case 'subscription-expiring':
        if (s.status !== 'ACTIVE' || !s.autoRenew) return undefined;
        return {
          template: 'subscription-expiring',
          data: { ...ref, renewsOn: s.periodEnd.toISOString(), priceIdr, balanceIdr, daysLeft: daysLeft ?? 1 },
        };
      case 'subscription-grace':
        if (s.status !== 'ACTIVE' || !s.graceStartedAt) return undefined;
        return {
          template: 'payment-failed',
          data: {
            ...ref,
            periodEnd: s.periodEnd.toISOString(),
            suspendsOn: new Date(s.graceStartedAt.getTime() + GRACE_MS).toISOString(),
            priceIdr,
            balanceIdr,
            daysLeft: daysLeft ?? 3,
          },
        };
      case 'subscription-suspended':
        if (s.status !== 'SUSPENDED') return undefined;
        return {
          template: 'subscription-suspended',
          data: {
            ...ref,
            unpaid: s.graceStartedAt !== null,
            priceIdr,
            deletedOn: s.graceStartedAt
              ? new Date((s.suspendedAt ?? new Date()).getTime() + SUSPENDED_BEFORE_TERMINATION_MS).toISOString()
              : null,
          },
        };
      case 'subscription-resumed':
        if (s.status !== 'ACTIVE') return undefined;
        return { template: 'subscription-resumed', data: { ...ref, paidUntil: s.periodEnd.toISOString() } };
      case 'subscription-terminated':
        if (s.status !== 'TERMINATED') return undefined;
        return { template: 'subscription-terminated', data: { ...ref, reason: s.endReason } };
    }
  }

  return {
    'subscriptions.reconcile': async ({ subscriptionId, trigger }: Payload<'subscriptions.reconcile'>) =>
      deps.reconciler.reconcile(subscriptionId, trigger),

    'subscriptions.reconcile-all': async () => deps.reconciler.reconcileAll(),

    'subscriptions.lifecycle': async () => deps.lifecycle.runPass(),

    'subscriptions.user-events': async () => deps.lifecycle.processUserEvents(),

    /**
     * Decides whether the mail still applies and gathers its data, then queues it through the
     * notifications port with the job's id as its event key (`subscriptions:<jobId>`): a retry of this
     * job queues nothing twice.
     */
    'subscriptions.notify': async (
      { subscriptionId, mail, daysLeft }: Payload<'subscriptions.notify'>,
      ctx: { jobId: string },
    ) => {
      const row = await repo.findWithPod(deps.database.db, subscriptionId);
      if (!row) return { sent: false, reason: 'deleted' };
      const { subscription } = row;
      const user = await findAccount(deps.database.db, subscription.userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      const plan = subscription.planId ? await findPlanForPurchase(deps.database.db, subscription.planId) : undefined;
      const ref: SubscriptionRef = {
        subscriptionId: subscription.id,
        name: subscription.name,
        serviceName: plan?.service.name ?? 'app',
        planName: plan?.name ?? null,
        appUrl: `https://${subscription.host}`,
      };
      let message: Omit<QueueMail, 'eventKey' | 'userId'>;
      if (mail === 'subscription-created') {
        message = {
          template: 'subscription-created',
          data: { ...ref, paidUntil: subscription.periodEnd.toISOString(), priceIdr: subscription.priceIdr },
        };
      } else if (mail === 'service-ready') {
        if (row.pod.status !== 'RUNNING' && row.pod.status !== 'DEGRADED')
          return { sent: false, reason: `pod ${row.pod.status}` };
        const credentials = await credentialsOf(subscription.id, plan?.service.templateRef);
        message = { template: 'service-ready', data: { ...ref, credentials } };
      } else if (mail !== 'provisioning-failed') {
        const lifecycle = await lifecycleMail(mail, subscription, ref, daysLeft, plan?.priceMonthlyIdr);
        if (!lifecycle) return { sent: false, reason: `subscription ${subscription.status}` };
        message = lifecycle;
      } else {
        if (subscription.status !== 'FAILED') return { sent: false, reason: `subscription ${subscription.status}` };
        message = {
          template: 'provisioning-failed',
          data: { ...ref, priceIdr: subscription.priceIdr, reason: subscription.endReason },
        };
      }
      const queued = await deps
        .notifications()
        .queue({ ...message, eventKey: `subscriptions:${ctx.jobId}`, userId: user.id } as QueueMail);
      return { sent: true, deliveryId: queued.deliveryId };
    },
  };
}
