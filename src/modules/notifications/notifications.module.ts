import { Counter, type Registry } from 'prom-client';
import { createSecretBox } from '../../platform/crypto/secret-box.js';
import { defineModule } from '../module.js';
import { notificationJobHandlers, notificationJobs } from './notifications.jobs.js';
import { notificationsRoutes } from './notifications.routes.js';
import { createNotificationsService, type MailCounters, type Notifications } from './notifications.service.js';
import * as tables from './notifications.tables.js';

declare module '../module.js' {
  interface Ports {
    /** Mail to users: `queue({ template, data, eventKey, userId })`, sent once per event key by the worker. */
    notifications: Notifications;
  }
}

function templateCounter(registry: Registry, name: string, help: string): Counter<'template'> {
  const known = registry.getSingleMetric(name);
  if (known) return known as Counter<'template'>;
  return new Counter({ name, help, labelNames: ['template'] as const, registers: [registry] });
}

export function mailCounters(registry: Registry): MailCounters {
  return {
    sent: templateCounter(registry, 'kapal_mails_sent_total', 'Mails the SMTP server accepted, by template'),
    failed: templateCounter(
      registry,
      'kapal_mails_failed_total',
      'Mail attempts the SMTP server refused or that could not reach it, by template (one per failed attempt)',
    ),
  };
}

/**
 * Mail to users: templates (React Email, Indonesian and English), the `deliveries` log with one row per
 * event key, sending only from the queue (retries with backoff), /me/notifications and /admin/notifications.
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  tables,
  jobs: notificationJobs,
  schedules: [{ job: 'notifications.requeue-overdue', everyMs: 2 * 60_000, payload: {} }],
  needs: ['emailVerification', 'authGuard', 'audit'],
  provides: ['notifications'],
  build: (deps, ports) => {
    const service = createNotificationsService({
      database: deps.database,
      jobs: deps.jobs,
      mailer: deps.mailer,
      clock: deps.clock,
      logger: deps.logger.child({ module: 'notifications' }),
      box: createSecretBox(deps.config.encryptionKey),
      mail: {
        publicUrl: deps.config.http.publicUrl,
        timeZone: deps.config.billing.timeZone,
        from: deps.config.mail.from,
      },
      counters: mailCounters(deps.metrics.registry),
      audit: () => ports.audit,
      deliverAttempts: notificationJobs['notifications.deliver'].attempts,
    });
    const notifications: Notifications = { queue: service.queue };
    return {
      provides: { notifications },
      routes: (app) => notificationsRoutes(app, { service, guard: ports.authGuard }),
      jobHandlers: notificationJobHandlers({
        service,
        notifications,
        database: deps.database,
        // Read when a mail is queued, not at build time, so the order of the module list does not matter here.
        emailVerification: { linkFor: (account) => ports.emailVerification.linkFor(account) },
      }),
    };
  },
});
