export { notificationJobHandlers, notificationJobs } from './notifications.jobs.js';
