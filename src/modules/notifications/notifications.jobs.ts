import { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { defineJob } from '../../platform/queue/job-catalog.js';
import { type EmailVerification, findAccount } from '../accounts/index.js';
import type { Notifications, NotificationsService } from './notifications.service.js';

export const notificationJobs = {
  /**
   * Sends one delivery (a row of `deliveries`, queued by the notifications port): job id
   * `delivery-<id>`. Backoff 2 s, 4 s, ... 256 s: about eight and a half minutes of SMTP outage
   * before the delivery is marked failed (an administrator can resend it, or retry the job).
   */
  'notifications.deliver': defineJob({
    queue: 'notifications',
    payload: z.object({ deliveryId: z.uuid() }),
    attempts: 9,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
  /**
   * Scheduled: enqueues again the deliveries whose attempt is overdue (their job was lost with Redis's
   * data). On the queue of the repair passes, so the mail queue empties when there is no mail to send.
   */
  'notifications.requeue-overdue': defineJob({
    queue: 'reconciling',
    payload: z.object({}),
    attempts: 3,
    backoff: { type: 'exponential', delayMs: 5_000 },
  }),
  /** Enqueued by registration (job id `welcome-<userId>`, so once per user). */
  'notifications.welcome': defineJob({
    queue: 'notifications',
    payload: z.object({ userId: z.uuid() }),
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
  /**
   * Enqueued by registration (job id `verify-email-<userId>`) and by each resend (no job id). Carries no
   * token: the handler signs one for the account's email as it is when the mail is queued.
   */
  'notifications.verify-email': defineJob({
    queue: 'notifications',
    payload: z.object({ userId: z.uuid() }),
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
};

type Payload<N extends keyof typeof notificationJobs> = z.output<(typeof notificationJobs)[N]['payload']>;

export function notificationJobHandlers(deps: {
  service: Pick<NotificationsService, 'deliver' | 'requeueOverdue'>;
  notifications: Notifications;
  database: Pick<Database, 'db'>;
  emailVerification: Pick<EmailVerification, 'linkFor'>;
}) {
  return {
    'notifications.deliver': async ({ deliveryId }: Payload<'notifications.deliver'>, ctx: { attempt: number }) =>
      deps.service.deliver(deliveryId, ctx.attempt),

    'notifications.requeue-overdue': async () => ({ requeued: await deps.service.requeueOverdue() }),

    'notifications.welcome': async ({ userId }: Payload<'notifications.welcome'>) => {
      // Loaded now, not at enqueue time: a user who left in between gets no mail.
      const user = await findAccount(deps.database.db, userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      const queued = await deps.notifications.queue({
        template: 'welcome',
        data: {},
        eventKey: `welcome:${userId}`,
        userId,
      });
      return { sent: true, deliveryId: queued.deliveryId };
    },

    'notifications.verify-email': async ({ userId }: Payload<'notifications.verify-email'>, ctx: { jobId: string }) => {
      const user = await findAccount(deps.database.db, userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      // Safe to run twice: a second run after the click finds nothing left to verify.
      if (user.emailVerifiedAt) return { sent: false, reason: 'already-verified' };
      const link = deps.emailVerification.linkFor(user);
      // Each resend is a job of its own and a mail of its own; a retry of one job is the same mail.
      const queued = await deps.notifications.queue({
        template: 'verify-email',
        data: {
          url: link.url,
          validHours: Math.max(1, Math.round((link.expiresAt.getTime() - Date.now()) / 3_600_000)),
        },
        eventKey: `verify-email:${userId}:${ctx.jobId}`,
        userId,
      });
      return { sent: true, deliveryId: queued.deliveryId };
    },
  };
}
