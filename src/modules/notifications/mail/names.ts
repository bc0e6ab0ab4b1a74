/**
 * Every mail Kapal sends, by template name. The templates themselves (`templates.tsx`, React Email) are
 * loaded on the first render, not at start: the API, the worker and the CLI start without them.
 */
export const MAIL_TEMPLATE_NAMES = [
  'welcome',
  'verify-email',
  'subscription-created',
  'service-ready',
  'subscription-expiring',
  'payment-failed',
  'subscription-suspended',
  'subscription-resumed',
  'subscription-terminated',
  'provisioning-failed',
  'topup-succeeded',
  'invoice',
  'maintenance',
] as const;

export type MailTemplateName = (typeof MAIL_TEMPLATE_NAMES)[number];

export const isMailTemplateName = (name: string): name is MailTemplateName =>
  (MAIL_TEMPLATE_NAMES as readonly string[]).includes(name);

/** The templates module, loaded once on first use. */
export const loadMailTemplates = () => import('./templates.js');
