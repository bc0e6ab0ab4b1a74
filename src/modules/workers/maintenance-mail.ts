import type { MaintenanceApp, QueueMail } from '../notifications/index.js';

export type { MaintenanceApp };

/**
 * The `maintenance` mail (the notifications module's template: which apps, which worker, that they move
 * and may be briefly unavailable) to one customer about one drain, once per `eventKey`.
 */
export function maintenanceMail(input: {
  userId: string;
  worker: string;
  apps: MaintenanceApp[];
  eventKey: string;
}): QueueMail {
  return {
    template: 'maintenance',
    data: { worker: input.worker, apps: input.apps },
    eventKey: input.eventKey,
    userId: input.userId,
  };
}
