import { defineModule } from '../module.js';
import { notificationJobHandlers, notificationJobs } from './notifications.jobs.js';

/** Mail to users, sent only from the queue (retries with backoff). */
export const notificationsModule = defineModule({
  name: 'notifications',
  jobs: notificationJobs,
  build: (deps) => ({ jobHandlers: notificationJobHandlers(deps) }),
});
