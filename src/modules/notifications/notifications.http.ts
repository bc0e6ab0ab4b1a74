import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/listing.js';
import { LOCALES } from './mail/format.js';
import { MAIL_TEMPLATE_NAMES } from './mail/names.js';
import type { DeliveryRow } from './notifications.tables.js';

export const templateNameSchema = z.enum(MAIL_TEMPLATE_NAMES, {
  message: `must be one of ${MAIL_TEMPLATE_NAMES.join(', ')}`,
});
export const localeSchema = z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` });
const deliveryStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed'], {
  message: 'must be one of queued, sending, sent, failed',
});

/** A mail as its recipient sees it in their list. */
export const notificationView = z
  .object({
    id: z.uuid(),
    template: z.string(),
    locale: localeSchema,
    subject: z.string(),
    recipient: z.string(),
    status: deliveryStatusSchema.describe('queued, sending, sent, or failed (every attempt failed)'),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });

export const adminNotificationView = notificationView
  .extend({
    userId: z.uuid().nullable(),
    eventKey: z.string().describe('What caused the mail; one mail per event key'),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    smtpMessageId: z.string().nullable(),
    resendOf: z.uuid().nullable().describe('The delivery this one was resent from'),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminNotification' });

export const notificationPage = pageOf(notificationView).meta({ id: 'NotificationPage' });
export const adminNotificationPage = pageOf(adminNotificationView).meta({ id: 'AdminNotificationPage' });

export const notificationListQuery = z.object(pageQuery);
export const adminNotificationListQuery = z.object({
  ...pageQuery,
  userId: z.uuid({ message: 'must be a UUID' }).optional(),
  template: templateNameSchema.optional(),
  status: deliveryStatusSchema.optional(),
});

export const previewParams = z.object({ name: templateNameSchema });
export const previewQuery = z.object({ locale: localeSchema.default('id') });

export const toNotificationView = (row: DeliveryRow): z.infer<typeof notificationView> => ({
  id: row.id,
  template: row.template,
  locale: row.locale as z.infer<typeof localeSchema>,
  subject: row.subject,
  recipient: row.recipient,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

export const toAdminNotificationView = (row: DeliveryRow): z.infer<typeof adminNotificationView> => ({
  ...toNotificationView(row),
  userId: row.userId,
  eventKey: row.eventKey,
  attempts: row.attempts,
  lastError: row.lastError,
  smtpMessageId: row.smtpMessageId,
  resendOf: row.resendOf,
  updatedAt: row.updatedAt.toISOString(),
});
