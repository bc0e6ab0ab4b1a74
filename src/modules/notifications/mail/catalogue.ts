import type { ReactNode } from 'react';
import type { Locale } from './format.js';

/** What every template is rendered with besides its data: the reader's locale and where links point. */
export interface MailContext {
  locale: Locale;
  /** PUBLIC_URL without a trailing slash: the dashboard's links start here. */
  publicUrl: string;
  /** Days and times in mails are shown in this zone (BILLING_TIME_ZONE). */
  timeZone: string;
}

/**
 * One mail: its data (`D`, JSON, stored with the delivery so it can be sent again) and its messages
 * (`M`): one dictionary per locale, each checked against the same type, so a locale missing a sentence
 * does not compile. Messages are plain strings or functions of the data returning strings; React
 * escapes them when the body is rendered (no HTML in a message).
 */
export interface MailTemplate<D, M> {
  name: string;
  messages: Record<Locale, M>;
  subject: (m: M, data: D, ctx: MailContext) => string;
  /** The line mail clients show beside the subject. */
  preview: (m: M, data: D, ctx: MailContext) => string;
  Body: (props: { m: M; data: D; ctx: MailContext }) => ReactNode;
  /** Data for previews (the admin route, `kapal mail preview`) and the render tests. */
  sample: D;
}

export function defineMailTemplate<D>() {
  return <M>(template: MailTemplate<D, M>): MailTemplate<D, M> => template;
}
