import { randomUUID } from 'node:crypto';
import type { Counter } from 'prom-client';
import type { AppJobCatalog } from '../../jobs.js';
import type { Clock } from '../../platform/clock.js';
import type { SecretBox } from '../../platform/crypto/secret-box.js';
import type { Database } from '../../platform/db/db.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { MailAttachment, Mailer } from '../../platform/mail/mailer.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';
import { findAccount } from '../accounts/index.js';
import type { Actor, AuditLog } from '../audit/index.js';
import type { MailContext } from './mail/catalogue.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from './mail/format.js';
import { loadMailTemplates, type MailTemplateName } from './mail/names.js';
import type { MailData } from './mail/templates.js';
import type { DeliveryFilters } from './notifications.repository.js';
import { notificationsRepository as repo } from './notifications.repository.js';
import type { DeliveryRow } from './notifications.tables.js';

/** One mail to queue: a template, its data, the user it goes to, and the event that causes it (once per key). */
export type QueueMail = {
  [N in MailTemplateName]: {
    template: N;
    data: MailData<N>;
    /** Unique per event, e.g. `service-ready:<subscriptionId>`: a second queue() with it sends nothing more. */
    eventKey: string;
    userId: string;
    attachments?: MailAttachment[];
  };
}[MailTemplateName];

export interface QueueResult {
  deliveryId?: string;
  queued: boolean;
  reason?: 'duplicate' | 'deleted' | 'inactive';
}

/** The `notifications` port: the one way any module sends a mail. */
export interface Notifications {
  queue(mail: QueueMail): Promise<QueueResult>;
}

/** What is sealed in `deliveries.content`: enough to send the same mail again. */
interface SealedContent {
  data: unknown;
  html: string;
  text: string;
  attachments: { filename: string; contentType: string; contentBase64: string }[];
}

/** A `sending` claim older than this belongs to an attempt that died (SMTP calls time out after 30 s). */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** A queued delivery untouched this long is overdue: longer than the deliver job's longest backoff (256 s). */
export const OVERDUE_QUEUED_MS = 5 * 60_000;
/** Overdue deliveries enqueued per pass. */
const OVERDUE_BATCH = 500;

export interface MailCounters {
  sent: Counter<'template'>;
  failed: Counter<'template'>;
}

const sealContext = (deliveryId: string) => `delivery:${deliveryId}`;

export function createNotificationsService(deps: {
  database: Pick<Database, 'db' | 'transaction'>;
  jobs: Pick<JobProducer<AppJobCatalog>, 'enqueue'>;
  mailer: Pick<Mailer, 'send'>;
  clock: Clock;
  logger: Logger;
  box: SecretBox;
  mail: { publicUrl: string; timeZone: string; from: string };
  counters: MailCounters;
  audit: () => Pick<AuditLog, 'record'>;
  /** Attempts of the deliver job (its catalog entry): the last failed one marks the delivery failed. */
  deliverAttempts: number;
}) {
  const { database, clock } = deps;
  const publicUrl = deps.mail.publicUrl.replace(/\/+$/, '');
  const messageIdDomain = /@([^>\s]+)>?\s*$/.exec(deps.mail.from)?.[1] ?? 'kapal.localhost';

  const contextFor = (locale: Locale): MailContext => ({ locale, publicUrl, timeZone: deps.mail.timeZone });

  async function enqueueDelivery(deliveryId: string) {
    await deps.jobs.enqueue('notifications.deliver', { deliveryId }, { jobId: `delivery-${deliveryId}` });
  }

  function seal(deliveryId: string, content: SealedContent) {
    return deps.box.seal(JSON.stringify(content), sealContext(deliveryId));
  }

  function open(row: DeliveryRow): SealedContent {
    return JSON.parse(deps.box.open(row.content, sealContext(row.id))) as SealedContent;
  }

  async function queue(mail: QueueMail): Promise<QueueResult> {
    const known = await repo.findByEventKey(database.db, mail.eventKey);
    if (known) {
      // A caller retried after its first queue() (or the enqueue after the insert failed): make sure the job exists.
      if (known.status === 'queued' || known.status === 'sending') await enqueueDelivery(known.id);
      return { deliveryId: known.id, queued: false, reason: 'duplicate' };
    }
    const account = await findAccount(database.db, mail.userId);
    if (!account) return { queued: false, reason: 'deleted' };
    if (!account.isActive) return { queued: false, reason: 'inactive' };
    const locale = isLocale(account.locale) ? account.locale : DEFAULT_LOCALE;
    const { renderMail } = await loadMailTemplates();
    const rendered = await renderMail(mail.template, mail.data as never, contextFor(locale));
    const id = randomUUID();
    const now = clock.now();
    const { row, created } = await repo.insertOnce(database.db, {
      id,
      eventKey: mail.eventKey,
      userId: account.id,
      recipient: account.email,
      template: mail.template,
      locale,
      subject: rendered.subject,
      content: seal(id, {
        data: mail.data,
        html: rendered.html,
        text: rendered.text,
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          contentBase64: a.content.toString('base64'),
        })),
      }),
      createdAt: now,
      updatedAt: now,
    });
    if (row.status === 'queued' || row.status === 'sending') await enqueueDelivery(row.id);
    return created ? { deliveryId: row.id, queued: true } : { deliveryId: row.id, queued: false, reason: 'duplicate' };
  }

  /** Records `sent` after the SMTP server accepted the mail, through a short database outage. */
  async function recordSent(id: string, messageId: string) {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await repo.markSent(database.db, id, messageId, clock.now());
        return;
      } catch (err) {
        lastError = err;
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      }
    }
    throw lastError;
  }

  return {
    queue,

    /**
     * Enqueues again the deliveries whose attempt is overdue (the `notifications.requeue-overdue` pass):
     * a delivery is a row first, so mails whose jobs Redis lost are still sent. The job id is the
     * delivery's, so a job that still exists is not doubled; the claim makes a second send impossible.
     */
    async requeueOverdue(): Promise<number> {
      const now = clock.now().getTime();
      const rows = await repo.overdue(
        database.db,
        new Date(now - OVERDUE_QUEUED_MS),
        new Date(now - CLAIM_LEASE_MS),
        OVERDUE_BATCH,
      );
      for (const row of rows) await enqueueDelivery(row.id);
      if (rows.length > 0) deps.logger.warn({ deliveries: rows.length }, 'enqueued overdue deliveries again');
      return rows.length;
    },

    /**
     * One attempt of one delivery (the `notifications.deliver` job). Claims the row (`sending`), sends,
     * records `sent`. A delivery already sent is never sent again; a fresh claim by another attempt
     * makes this one fail and retry later; a claim older than the lease (an attempt that died between
     * the SMTP server's answer and the database) is taken over and the mail sent again, with the same
     * Message-ID (the only way one event can reach a mailbox twice; docs/NOTIFICATIONS.md).
     */
    async deliver(deliveryId: string, attempt: number) {
      const row = await repo.claim(database.db, deliveryId, clock.now(), CLAIM_LEASE_MS);
      if (!row) {
        const current = await repo.findById(database.db, deliveryId);
        if (!current) return { sent: false, reason: 'no-delivery' };
        if (current.status === 'sent') return { sent: false, reason: 'already-sent' };
        throw new Error(`delivery ${deliveryId} is being sent by another attempt; trying again later`);
      }
      let messageId: string;
      try {
        // Inside the try: content that cannot be opened (ENCRYPTION_KEY changed) fails the attempt visibly.
        const content = open(row);
        ({ messageId } = await deps.mailer.send({
          to: row.recipient,
          subject: row.subject,
          html: content.html,
          text: content.text,
          attachments: content.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, 'base64'),
          })),
          messageId: `<${row.id}@${messageIdDomain}>`,
          headers: { 'X-Kapal-Template': row.template, 'X-Kapal-Delivery': row.id },
        }));
      } catch (err) {
        deps.counters.failed.inc({ template: row.template });
        const final = attempt >= deps.deliverAttempts;
        const message = err instanceof Error ? err.message : String(err);
        await repo.markAttemptFailed(database.db, row.id, message, final, clock.now());
        deps.logger.warn(
          { deliveryId: row.id, template: row.template, attempt, final, err: message },
          'mail not accepted by the SMTP server',
        );
        throw err;
      }
      deps.counters.sent.inc({ template: row.template });
      await recordSent(row.id, messageId);
      return { sent: true, messageId };
    },

    list: (filters: DeliveryFilters) => repo.list(database.db, filters),

    /**
     * Sends a delivery again as a new delivery (its own row, attempts and status; the old one stays as it
     * was): the same content, to the user's current address; event key `<old key>#resend-<n>`. Audited.
     */
    async resend(actor: Actor, id: string): Promise<DeliveryRow> {
      const original = await repo.findById(database.db, id);
      if (!original) throw notFound('Notification');
      const content = open(original);
      const account = original.userId ? await findAccount(database.db, original.userId) : undefined;
      const n = (await repo.countResendsOf(database.db, original.id)) + 1;
      const newId = randomUUID();
      const now = clock.now();
      let row: DeliveryRow;
      try {
        row = await database.transaction(async (tx) => {
          const { row: inserted, created } = await repo.insertOnce(tx, {
            id: newId,
            eventKey: `${original.eventKey}#resend-${n}`,
            userId: original.userId,
            recipient: account?.email ?? original.recipient,
            template: original.template,
            locale: original.locale,
            subject: original.subject,
            content: seal(newId, content),
            resendOf: original.id,
            createdAt: now,
            updatedAt: now,
          });
          if (!created) throw conflict('This notification is being resent already; reload and try again');
          await deps.audit().record(
            {
              actorId: actor.id,
              action: 'admin.notification.resent',
              targetType: 'delivery',
              targetId: original.id,
              ip: actor.ip,
              details: { resendId: inserted.id, template: original.template, recipient: inserted.recipient },
            },
            tx,
          );
          return inserted;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('This notification is being resent already; reload and try again');
        throw err;
      }
      await enqueueDelivery(row.id);
      return row;
    },

    /** A template rendered with its sample data (the admin preview route, `kapal mail preview`). */
    async preview(name: MailTemplateName, locale: Locale) {
      const { mailTemplates, renderMail } = await loadMailTemplates();
      return renderMail(name, mailTemplates[name].sample as never, contextFor(locale));
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
