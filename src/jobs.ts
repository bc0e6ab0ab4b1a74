// The application's job catalog: every module's jobs, and the handlers that run them.
import type { AppDeps } from './deps.js';
import { notificationJobHandlers, notificationJobs } from './modules/notifications/index.js';
import type { JobHandlers } from './platform/queue/job-catalog.js';

export const jobCatalog = {
  ...notificationJobs,
};

export type AppJobCatalog = typeof jobCatalog;

export function createJobHandlers(deps: Pick<AppDeps, 'mailer' | 'database'>): JobHandlers<AppJobCatalog> {
  return {
    ...notificationJobHandlers(deps),
  };
}
