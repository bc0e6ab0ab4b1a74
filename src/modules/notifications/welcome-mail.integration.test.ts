import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../../../test/helpers/accounts.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { WorkerRunner } from '../../platform/queue/worker-runner.js';
import { createWorker } from '../../worker.js';
import { deliveries } from './notifications.tables.js';

describe('welcome mail: registration → notifications.welcome → a delivery → worker → SMTP', {
  timeout: 120_000,
}, () => {
  let smtp: SmtpSink;
  let t: TestRuntime;
  let worker: WorkerRunner;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestRuntime({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://kapal.example.test' } });
    worker = createWorker(t.runtime);
    await worker.start();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('sends one welcome mail (Indonesian by default, HTML and text) without the name they typed', async () => {
    const user = await registerUser(t, { name: '<a href=http://evil>Click</a>' });
    const mail = await smtp.waitForMessage((m) => m.to.includes(user.email) && m.template === 'welcome', 60_000);
    expect(mail.subject).toBe('Selamat datang di Kapal');
    expect(mail.text).toContain('Akun Kapal Anda sudah siap');
    expect(mail.html).toContain('Akun Kapal Anda sudah siap');
    expect(mail.html).toContain('href="https://kapal.example.test/services"');
    // Nothing of the name, in any part: no host, no word of it.
    for (const piece of ['evil', 'Click']) {
      expect(mail.raw).not.toContain(piece);
      expect(mail.html).not.toContain(piece);
    }
    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobState(`welcome-${user.id}`)) === 'completed', {
      what: 'the welcome job to complete',
    });
    // The user's welcome delivery (a verification mail may be recorded for them too, in either order).
    const [row] = await t.runtime.database.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.userId, user.id), eq(deliveries.template, 'welcome')));
    await waitFor(
      async () =>
        (await t.runtime.database.db.select().from(deliveries).where(eq(deliveries.id, row!.id)))[0]?.status === 'sent',
      { timeoutMs: 60_000, what: 'the delivery recorded as sent' },
    );
    const [sent] = await t.runtime.database.db.select().from(deliveries).where(eq(deliveries.id, row!.id));
    expect(sent).toMatchObject({
      eventKey: `welcome:${user.id}`,
      recipient: user.email,
      template: 'welcome',
      locale: 'id',
      status: 'sent',
      attempts: 1,
      lastError: null,
    });
    expect(mail.messageId).toBe(sent!.smtpMessageId);
    expect(smtp.messages.filter((m) => m.to.includes(user.email) && m.template === 'welcome')).toHaveLength(1);
  });

  it('writes in English for a user who chose it', async () => {
    const user = await registerUser(t);
    // The welcome job may already be queued in Indonesian; the next mail follows the profile.
    const patched = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: user.headers,
      payload: { locale: 'en' },
    });
    expect(patched.statusCode).toBe(200);
    await t.runtime.modules.ports.notifications!.queue({
      template: 'topup-succeeded',
      data: { transactionId: '00000000-0000-4000-8000-000000000009', amountIdr: 150_000, balanceIdr: 150_000 },
      eventKey: `test-topup:${user.id}`,
      userId: user.id,
    });
    const mail = await smtp.waitForMessage(
      (m) => m.to.includes(user.email) && m.template === 'topup-succeeded',
      60_000,
    );
    expect(mail.subject).toBe('Top-up received: Rp 150.000');
    expect(mail.text).toContain('Your balance: Rp 150.000.');
  });

  it('sends nothing to a user who is gone by the time the job runs', async () => {
    const missing = '00000000-0000-4000-8000-00000000beef';
    const { id } = await t.runtime.jobs.enqueue('notifications.welcome', { userId: missing });
    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobState(id)) === 'completed', {
      timeoutMs: 60_000,
      what: 'the job to complete',
    });
    expect((await queue.getJob(id))?.returnvalue).toEqual({ sent: false, reason: 'deleted' });
  });
});
