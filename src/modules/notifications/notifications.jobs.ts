import { z } from 'zod';
import type { Mailer } from '../../platform/mail/mailer.js';
import { defineJob } from '../../platform/queue/job-catalog.js';

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
};

export function notificationJobHandlers(deps: { mailer: Pick<Mailer, 'send'> }) {
  return {
    'notifications.send-email': async (
      message: z.output<(typeof notificationJobs)['notifications.send-email']['payload']>,
    ) => deps.mailer.send(message),
  };
}
