import { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { defineJob } from '../../platform/queue/job-catalog.js';
import { type EmailVerification, findAccount } from '../accounts/index.js';

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
  /**
   * Enqueued by registration (job id `verify-email-<userId>`) and by each resend (no job id). Carries no
   * token: the handler signs one for the account's email as it is when the mail goes out.
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
  mailer: Pick<Mailer, 'send'>;
  database: Pick<Database, 'db'>;
  emailVerification: Pick<EmailVerification, 'linkFor'>;
}) {
  return {
    'notifications.welcome': async ({ userId }: Payload<'notifications.welcome'>) => {
      // Loaded now, not at enqueue time: a user who left in between gets no mail.
      const user = await findAccount(deps.database.db, userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      await deps.mailer.send(welcomeMail(user));
      return { sent: true };
    },
    'notifications.verify-email': async ({ userId }: Payload<'notifications.verify-email'>) => {
      const user = await findAccount(deps.database.db, userId);
      if (!user?.isActive) return { sent: false, reason: user ? 'inactive' : 'deleted' };
      // Safe to run twice: a second run after the click finds nothing left to verify.
      if (user.emailVerifiedAt) return { sent: false, reason: 'already-verified' };
      const link = deps.emailVerification.linkFor(user);
      await deps.mailer.send(verificationMail(user, link.url));
      return { sent: true };
    },
    'notifications.send-email': async (message: Payload<'notifications.send-email'>) => deps.mailer.send(message),
  };
}

/**
 * Nothing the registrant typed goes into the mail but the address it is sent to: a display name such as
 * `<a href=http://evil>Click</a>` would otherwise turn our mail into their phishing page.
 */
function welcomeMail(user: { email: string }) {
  return {
    to: user.email,
    subject: 'Welcome to Kapal',
    text: [
      'Hello,',
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

function verificationMail(user: { email: string }, url: string) {
  return {
    to: user.email,
    subject: 'Verify your email address for Kapal',
    text: [
      'Hello,',
      '',
      'Please confirm that this address belongs to your Kapal account by opening this link:',
      '',
      url,
      '',
      'The link works for 24 hours. Until the address is verified you can sign in and look around, but',
      'not top up credit or subscribe to an app.',
      '',
      'If you did not create a Kapal account, ignore this mail.',
      '',
      '— Kapal',
    ].join('\n'),
  };
}
