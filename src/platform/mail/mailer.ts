import nodemailer from 'nodemailer';
import type { Logger } from '../logger.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /**
   * The Message-ID header (`<...@...>`). A mail sent again for the same delivery carries the same one,
   * so a receiving system that folds duplicates by Message-ID shows it once (docs/NOTIFICATIONS.md).
   */
  messageId?: string;
  /** Extra headers (X-Kapal-Template, X-Kapal-Delivery). */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

/** SMTP answers within this long or the attempt fails (and the job retries), rather than hanging a worker. */
const SMTP_TIMEOUT_MS = 30_000;

/** SMTP through nodemailer; `smtpUrl` is `smtp://user:pass@host:port` (or smtps://). */
export function createSmtpMailer(options: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(
    {
      url: options.smtpUrl,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    },
    { from: options.from },
  );
  return {
    async send(message) {
      const info = await transport.sendMail({ from: options.from, ...message });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/**
 * Development without an SMTP server (SMTP_URL unset): each mail is written to the log instead, its
 * plain-text part in full (links to click included); attachments by name and size.
 */
export function createLogMailer(options: { logger: Logger; from: string }): Mailer {
  let sent = 0;
  return {
    async send(message) {
      sent += 1;
      const messageId = message.messageId ?? `<log-${Date.now()}-${sent}@kapal.localhost>`;
      options.logger.info(
        {
          mail: {
            from: options.from,
            to: message.to,
            subject: message.subject,
            messageId,
            headers: message.headers,
            attachments: message.attachments?.map((a) => ({ filename: a.filename, bytes: a.content.length })),
          },
        },
        `mail (not sent: SMTP_URL is unset)\n${message.text}`,
      );
      return { messageId };
    },
    close: () => {},
  };
}
