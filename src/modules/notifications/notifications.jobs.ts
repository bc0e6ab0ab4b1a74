import { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { defineJob } from '../../platform/queue/job-catalog.js';
import { findAccount } from '../accounts/index.js';

export const notificationJobs = {
  'notifications.send-email': defineJob({
    queue: 'notifications',
    payload: z.object({
      to: z.email(),
      subject: z.string().min(1),
      text: z.string(),
      html: z.string().optional(),
    }),
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
  /** Enqueued by registration (job id `welcome-<userId>`, so once per user). */
  'notifications.welcome': defineJob({
    queue: 'notifications',
    payload: z.object({ userId: z.uuid() }),
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
  }),
};

export function notificationJobHandlers(deps: { mailer: Pick<Mailer, 'send'>; database: Pick<Database, 'db'> }) {
  return {
    'notifications.welcome': async ({
      userId,
    }: z.output<(typeof notificationJobs)['notifications.welcome']['payload']>) => {
      // Loaded now, not at enqueue time: a user who left in between gets no mail.
      const user = await findAccount(deps.database.db, userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      await deps.mailer.send(welcomeMail(user));
      return { sent: true };
    },
    'notifications.send-email': async (
      message: z.output<(typeof notificationJobs)['notifications.send-email']['payload']>,
    ) => deps.mailer.send(message),
  };
}

function welcomeMail(user: { email: string; name: string }) {
  return {
    to: user.email,
    subject: 'Welcome to Kapal',
    text: [
      `Hi ${user.name},`,
      '',
      'Your Kapal account is ready. Top up your credit, pick an app from the catalog, and it runs at its own',
      'address within seconds.',
      '',
      'If you did not create this account, reply to this mail and we will close it.',
      '',
      '— Kapal',
    ].join('\n'),
  };
}
