import { render } from '@react-email/render';
import { verifyEmailMail, welcomeMail } from './account-mails.js';
import { invoiceMail, topupSucceededMail } from './billing-mails.js';
import type { MailContext, MailTemplate } from './catalogue.js';
import { MailLayout } from './layout.js';
import { maintenanceMail } from './maintenance-mail.js';
import { MAIL_TEMPLATE_NAMES, type MailTemplateName } from './names.js';
import {
  paymentFailedMail,
  provisioningFailedMail,
  serviceReadyMail,
  subscriptionCreatedMail,
  subscriptionExpiringMail,
  subscriptionResumedMail,
  subscriptionSuspendedMail,
  subscriptionTerminatedMail,
} from './subscription-mails.js';

/** Every mail Kapal sends, by template name (the names are in names.ts, loaded without the templates). */
export const mailTemplates = {
  welcome: welcomeMail,
  'verify-email': verifyEmailMail,
  'subscription-created': subscriptionCreatedMail,
  'service-ready': serviceReadyMail,
  'subscription-expiring': subscriptionExpiringMail,
  'payment-failed': paymentFailedMail,
  'subscription-suspended': subscriptionSuspendedMail,
  'subscription-resumed': subscriptionResumedMail,
  'subscription-terminated': subscriptionTerminatedMail,
  'provisioning-failed': provisioningFailedMail,
  'topup-succeeded': topupSucceededMail,
  invoice: invoiceMail,
  maintenance: maintenanceMail,
} as const satisfies Record<MailTemplateName, unknown>;

export type MailTemplates = typeof mailTemplates;
export type MailData<N extends MailTemplateName> = MailTemplates[N] extends MailTemplate<infer D, infer _M> ? D : never;
export { MAIL_TEMPLATE_NAMES, type MailTemplateName };

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Header-safe: a subscription name never carries a line break, but a subject must not either way. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();

/** The HTML and plain-text parts of one mail, from one React tree (the text is derived from the HTML). */
export async function renderMail<N extends MailTemplateName>(
  name: N,
  data: MailData<N>,
  ctx: MailContext,
): Promise<RenderedMail> {
  const template = mailTemplates[name] as unknown as MailTemplate<MailData<N>, unknown>;
  const m = template.messages[ctx.locale];
  const { Body } = template;
  const element = (
    <MailLayout ctx={ctx} preview={template.preview(m, data, ctx)}>
      <Body m={m} data={data} ctx={ctx} />
    </MailLayout>
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: oneLine(template.subject(m, data, ctx)), html, text };
}
