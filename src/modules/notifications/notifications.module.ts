import { defineModule } from '../module.js';
import { notificationJobHandlers, notificationJobs } from './notifications.jobs.js';

/** Mail to users, sent only from the queue (retries with backoff). */
export const notificationsModule = defineModule({
  name: 'notifications',
  jobs: notificationJobs,
  needs: ['emailVerification'],
  build: (deps, ports) => ({
    jobHandlers: notificationJobHandlers({
      ...deps,
      // Read when a mail goes out, not at build time, so the order of the module list does not matter here.
      emailVerification: { linkFor: (account) => ports.emailVerification.linkFor(account) },
    }),
  }),
});
