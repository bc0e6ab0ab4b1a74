import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../../test/helpers/auth.js';
import { type BillingBed, startBillingBed } from '../../../test/helpers/billing.js';
import { pdfText } from '../../../test/helpers/pdf.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { WorkerRunner } from '../../platform/queue/worker-runner.js';
import { createWorker } from '../../worker.js';
import type { Notifications } from './notifications.service.js';
import { deliveries } from './notifications.tables.js';

/**
 * Mails through the real queue, worker, PostgreSQL and an SMTP server (the sink), with top-ups through
 * the fake Midtrans: what arrives, once per event key, through an SMTP outage, and the routes.
 */
describe('deliveries: templates to the SMTP sink, once per event key, through outages', { timeout: 180_000 }, () => {
  let smtp: SmtpSink;
  let bed: BillingBed;
  let worker: WorkerRunner;
  let notifications: Notifications;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    bed = await startBillingBed({
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://kapal.example.test',
        MAIL_FROM: 'Kapal <mail@kapal.example.test>',
      },
    });
    notifications = bed.t.runtime.modules.ports.notifications!;
    worker = createWorker(bed.t.runtime);
    await worker.start();
  });
  afterAll(async () => {
    await worker?.close();
    await bed?.close();
    await smtp?.close();
  });

  const db = () => bed.t.runtime.database.db;
  const deliveryOf = async (id: string) => (await db().select().from(deliveries).where(eq(deliveries.id, id)))[0]!;
  const mailsTo = (user: { email: string }, template: string) =>
    smtp.messages.filter((m) => m.to.includes(user.email) && m.template === template);
  const waitForSent = (id: string) =>
    waitFor(async () => (await deliveryOf(id)).status === 'sent', { timeoutMs: 60_000, what: `delivery ${id} sent` });
  const metric = async (name: string, template: string) => {
    const values = (await bed.t.runtime.metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
    return values.find((v) => v.labels.template === template)?.value ?? 0;
  };
  const get = (url: string, user: TestUser) => bed.t.app.inject({ method: 'GET', url, headers: user.headers });

  it('a top-up mails its receipt and its invoice, with the PDF attached', async () => {
    const user = await bed.user();
    const topup = await bed.startTopup(user, 150_000);
    bed.midtrans.setStatus(topup, 'settlement', 'bank_transfer');
    expect((await bed.midtrans.notify(topup, bed.webhookUrl)).status).toBe(200);

    const receipt = await smtp.waitForMessage(
      (m) => m.to.includes(user.email) && m.template === 'topup-succeeded',
      60_000,
    );
    expect(receipt.to).toEqual([user.email]);
    expect(receipt.subject).toBe('Isi saldo diterima: Rp 150.000');
    expect(receipt.text).toContain(`Transaksi: ${topup}`);
    expect(receipt.text).toContain('Saldo Anda: Rp 150.000.');
    expect(receipt.html).toContain('href="https://kapal.example.test/billing"');

    const invoiceMail = await smtp.waitForMessage((m) => m.to.includes(user.email) && m.template === 'invoice', 60_000);
    const number = /^Faktur (INV-\d{6}-\d{6}) dari Kapal$/.exec(invoiceMail.subject)?.[1];
    expect(number, invoiceMail.subject).toBeDefined();
    expect(invoiceMail.text).toContain('Total: Rp 150.000.');
    expect(invoiceMail.attachments).toHaveLength(1);
    const [pdf] = invoiceMail.attachments;
    expect(pdf).toMatchObject({ filename: `${number}.pdf`, contentType: 'application/pdf' });
    expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(new Uint8Array(pdf!.content));
    expect(text).toContain(number!);
    expect(text).toContain('150.000');
  });

  it('service-ready carries the app’s URL and its first credentials, escaped in HTML', async () => {
    const user = await bed.user();
    const queued = await notifications.queue({
      template: 'service-ready',
      data: {
        subscriptionId: '00000000-0000-4000-8000-000000000011',
        name: 'my-n8n',
        serviceName: 'n8n <b>"&',
        planName: 'Starter',
        appUrl: 'https://my-n8n.apps.kapal.test',
        credentials: [{ name: 'admin-password', value: 'p<a>ss"&word' }],
      },
      eventKey: `test-ready:${user.id}`,
      userId: user.id,
    });
    expect(queued.queued).toBe(true);
    const mail = await smtp.waitForMessage((m) => m.to.includes(user.email) && m.template === 'service-ready', 60_000);
    expect(mail.subject).toBe('my-n8n sudah siap');
    expect(mail.text).toContain('https://my-n8n.apps.kapal.test');
    expect(mail.text).toContain('admin-password: p<a>ss"&word');
    expect(mail.html).toContain('href="https://my-n8n.apps.kapal.test"');
    expect(mail.html).toContain('admin-password<!-- -->: <!-- -->p&lt;a&gt;ss&quot;&amp;word');
    expect(mail.html).not.toContain('<b>');
    // The stored row keeps the credentials sealed, not readable.
    const row = await deliveryOf(queued.deliveryId!);
    expect(row.content).not.toContain('ss"&word');
    expect(row.content).toMatch(/^v1\./);
  });

  it('the same event key twice sends once; a deliver job run again after the SMTP server accepted sends nothing', async () => {
    const user = await bed.user();
    const mail = { template: 'welcome', data: {}, eventKey: `test-twice:${user.id}`, userId: user.id } as const;
    const [first, second] = await Promise.all([notifications.queue(mail), notifications.queue(mail)]);
    expect(new Set([first.deliveryId, second.deliveryId]).size).toBe(1);
    expect([first.queued, second.queued].sort()).toEqual([false, true]);
    await waitForSent(first.deliveryId!);
    // The event comes again later (its job retried): still one mail.
    expect((await notifications.queue(mail)).reason).toBe('duplicate');

    // A second deliver job for the same delivery, as when a job is retried after SMTP accepted the mail.
    const queue = bed.t.runtime.jobs.queues().get('notifications')!;
    const { id } = await bed.t.runtime.jobs.enqueue('notifications.deliver', { deliveryId: first.deliveryId! });
    await waitFor(async () => (await queue.getJobState(id)) === 'completed', {
      timeoutMs: 60_000,
      what: 'the repeated deliver job',
    });
    expect((await queue.getJob(id))?.returnvalue).toEqual({ sent: false, reason: 'already-sent' });
    expect(mailsTo(user, 'welcome')).toHaveLength(1);
    expect(await deliveryOf(first.deliveryId!)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a delivery whose job Redis lost is enqueued again by the overdue pass and sent once', async () => {
    const user = await bed.user();
    const queue = bed.t.runtime.jobs.queues().get('notifications')!;
    // The job vanishes before any worker takes it, as when Redis restarts without its data.
    await queue.pause();
    const queued = await notifications.queue({
      template: 'welcome',
      data: {},
      eventKey: `lost:${user.id}`,
      userId: user.id,
    });
    await queue.remove(`delivery-${queued.deliveryId}`);
    await queue.resume();
    // Longer ago than any backoff: overdue.
    await db()
      .update(deliveries)
      .set({ updatedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(deliveries.id, queued.deliveryId!));

    await bed.t.runtime.jobs.enqueue('notifications.requeue-overdue', {});
    await waitForSent(queued.deliveryId!);
    // The pass again: a sent delivery is not overdue, so nothing more goes out.
    const again = await bed.t.runtime.jobs.enqueue('notifications.requeue-overdue', {});
    const passes = bed.t.runtime.jobs.queues().get('reconciling')!;
    await waitFor(async () => (await passes.getJobState(again.id)) === 'completed', { what: 'the second pass' });
    expect(mailsTo(user, 'welcome')).toHaveLength(1);
  });

  it('an SMTP outage: attempts fail and back off, then the mail goes out once when the server is back', async () => {
    const user = await bed.user();
    const failedBefore = await metric('kapal_mails_failed_total', 'topup-succeeded');
    const sentBefore = await metric('kapal_mails_sent_total', 'topup-succeeded');
    smtp.refuse(true);
    let queued: Awaited<ReturnType<Notifications['queue']>>;
    try {
      queued = await notifications.queue({
        template: 'topup-succeeded',
        data: { transactionId: '00000000-0000-4000-8000-000000000012', amountIdr: 50_000, balanceIdr: 50_000 },
        eventKey: `test-outage:${user.id}`,
        userId: user.id,
      });
      await waitFor(
        async () => {
          const row = await deliveryOf(queued.deliveryId!);
          return row.attempts >= 2 && row.status === 'queued' && row.lastError !== null;
        },
        { timeoutMs: 60_000, what: 'two refused attempts' },
      );
    } finally {
      smtp.refuse(false);
    }
    expect((await deliveryOf(queued.deliveryId!)).lastError).toMatch(/451|Try again later/);
    expect(await metric('kapal_mails_failed_total', 'topup-succeeded')).toBeGreaterThanOrEqual(failedBefore + 2);
    await waitForSent(queued.deliveryId!);
    const row = await deliveryOf(queued.deliveryId!);
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    expect(row.smtpMessageId).toBe(`<${row.id}@kapal.example.test>`);
    expect(mailsTo(user, 'topup-succeeded')).toHaveLength(1);
    expect(await metric('kapal_mails_sent_total', 'topup-succeeded')).toBe(sentBefore + 1);
  });

  it('an attempt that died after claiming the delivery: taken over after the lease, with the same Message-ID', async () => {
    const user = await bed.user();
    smtp.refuse(true);
    let deliveryId: string;
    try {
      ({ deliveryId } = (await notifications.queue({
        template: 'welcome',
        data: {},
        eventKey: `test-crash:${user.id}`,
        userId: user.id,
      })) as { deliveryId: string });
      await waitFor(async () => (await deliveryOf(deliveryId)).attempts >= 1, {
        timeoutMs: 60_000,
        what: 'a first attempt',
      });
      // As if the last attempt's process died while talking to SMTP: claimed 3 minutes ago, never finished.
      await db()
        .update(deliveries)
        .set({ status: 'sending', claimedAt: new Date(Date.now() - 3 * 60_000) })
        .where(eq(deliveries.id, deliveryId));
    } finally {
      smtp.refuse(false);
    }
    await waitForSent(deliveryId);
    const sent = mailsTo(user, 'welcome');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.messageId).toBe(`<${deliveryId}@kapal.example.test>`);
  });

  it('GET /me/notifications lists the caller’s own mails only, in pages', async () => {
    const [user, other] = [await bed.user(), await bed.user()];
    for (const n of [1, 2, 3]) {
      await notifications.queue({
        template: 'welcome',
        data: {},
        eventKey: `test-list:${user.id}:${n}`,
        userId: user.id,
      });
    }
    await notifications.queue({ template: 'welcome', data: {}, eventKey: `test-list:${other.id}`, userId: other.id });
    const page = (await get('/api/v1/me/notifications?pageSize=2', user)).json();
    expect(page).toMatchObject({ page: 1, pageSize: 2, total: 3, totalPages: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toEqual({
      id: expect.any(String),
      template: 'welcome',
      locale: 'id',
      subject: 'Selamat datang di Kapal',
      recipient: user.email,
      status: expect.stringMatching(/^(queued|sending|sent)$/),
      createdAt: expect.any(String),
      sentAt: page.items[0].status === 'sent' ? expect.any(String) : null,
    });
    const second = (await get('/api/v1/me/notifications?pageSize=2&page=2', user)).json();
    expect(second.items).toHaveLength(1);
    const ids = [...page.items, ...second.items].map((i: { id: string }) => i.id);
    const otherIds = (await get('/api/v1/me/notifications', other)).json().items.map((i: { id: string }) => i.id);
    expect(otherIds).toHaveLength(1);
    expect(ids).not.toContain(otherIds[0]);
    expect((await get('/api/v1/me/notifications?pageSize=500', user)).statusCode).toBe(400);
  });

  it('admins list every mail with filters, and resend one as a new delivery (audited)', async () => {
    const admin = await bed.user({ role: 'ADMINISTRATOR' });
    const user = await bed.user();
    const { deliveryId } = await notifications.queue({
      template: 'welcome',
      data: {},
      eventKey: `test-admin:${user.id}`,
      userId: user.id,
    });
    await waitForSent(deliveryId!);

    const list = (
      await get(`/api/v1/admin/notifications?userId=${user.id}&template=welcome&status=sent`, admin)
    ).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: deliveryId,
      userId: user.id,
      eventKey: `test-admin:${user.id}`,
      status: 'sent',
      attempts: 1,
      lastError: null,
      smtpMessageId: `<${deliveryId}@kapal.example.test>`,
      resendOf: null,
    });
    expect((await get(`/api/v1/admin/notifications?userId=${user.id}&status=failed`, admin)).json().total).toBe(0);
    for (const bad of ['status=lost', 'template=nope', 'userId=me', 'page=0']) {
      const res = await get(`/api/v1/admin/notifications?${bad}`, admin);
      expect(res.statusCode, bad).toBe(400);
    }

    const resend = await bed.t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/notifications/${deliveryId}/resend`,
      headers: admin.headers,
    });
    expect(resend.statusCode, resend.body).toBe(202);
    const again = resend.json();
    expect(again).toMatchObject({ resendOf: deliveryId, eventKey: `test-admin:${user.id}#resend-1`, status: 'queued' });
    await waitForSent(again.id);
    await waitFor(() => mailsTo(user, 'welcome').length === 2, { timeoutMs: 60_000, what: 'the resent mail' });
    const { rows } = await bed.t.runtime.database.pool.query(
      `select action, actor_id, details from audit_log where target_type = 'delivery' and target_id = $1`,
      [deliveryId],
    );
    expect(rows).toEqual([
      {
        action: 'admin.notification.resent',
        actor_id: admin.id,
        details: { resendId: again.id, template: 'welcome', recipient: user.email },
      },
    ]);
    const missing = await bed.t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/notifications/00000000-0000-4000-8000-000000000000/resend',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('previews every template as HTML for admins, in either language; unknown names and locales are 400', async () => {
    const admin = await bed.user({ role: 'ADMINISTRATOR' });
    const en = await get('/api/v1/admin/notifications/templates/service-ready/preview?locale=en', admin);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toMatch(/^text\/html/);
    expect(en.body).toMatch(/^<!DOCTYPE html/);
    expect(en.body).toContain('is running at');
    const id = await get('/api/v1/admin/notifications/templates/invoice/preview', admin);
    expect(id.body).toContain('Terlampir faktur');
    expect((await get('/api/v1/admin/notifications/templates/nope/preview', admin)).statusCode).toBe(400);
    expect((await get('/api/v1/admin/notifications/templates/welcome/preview?locale=fr', admin)).statusCode).toBe(400);
  });

  it('PATCH /me sets the locale (id or en, nothing else), GET /me shows it, and mails follow it', async () => {
    const user = await bed.user();
    const patch = (payload: unknown) =>
      bed.t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: user.headers, payload: payload as object });
    expect((await get('/api/v1/me', user)).json().locale).toBe('id');
    for (const bad of ['fr', 'EN', '', null, 1]) {
      const res = await patch({ locale: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.locale');
    }
    expect((await get('/api/v1/me', user)).json().locale).toBe('id');
    const ok = await patch({ locale: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('en');
    expect((await get('/api/v1/me', user)).json().locale).toBe('en');
    await notifications.queue({ template: 'welcome', data: {}, eventKey: `test-locale:${user.id}`, userId: user.id });
    const mail: ReceivedMail = await smtp.waitForMessage(
      (m) => m.to.includes(user.email) && m.template === 'welcome',
      60_000,
    );
    expect(mail.subject).toBe('Welcome to Kapal');
    expect(mail.html).toContain('lang="en"');
  });
});
