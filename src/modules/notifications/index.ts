export { DEFAULT_LOCALE, formatRupiah, isLocale, LOCALES, type Locale } from './mail/format.js';
export type { MaintenanceApp } from './mail/maintenance-mail.js';
export { MAIL_TEMPLATE_NAMES, type MailTemplateName } from './mail/names.js';
export type { SubscriptionRef } from './mail/subscription-mails.js';
export { writeMailPreviews } from './mail-preview.js';
export { notificationsModule } from './notifications.module.js';
export type { Notifications, QueueMail } from './notifications.service.js';
