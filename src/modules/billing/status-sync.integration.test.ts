import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BillingBed, startBillingBed } from '../../../test/helpers/billing.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { WorkerRunner } from '../../platform/queue/worker-runner.js';
import { createWorker } from '../../worker.js';

describe('billing jobs: the status sync (scheduled) and the topup-succeeded mail, through the worker', () => {
  let smtp: SmtpSink;
  let bed: BillingBed;
  let worker: WorkerRunner;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    bed = await startBillingBed({ env: { SMTP_URL: smtp.url } });
    worker = createWorker(bed.t.runtime);
    await worker.start();
  });
  afterEach(() => bed.clock.reset());
  afterAll(async () => {
    await worker?.close();
    await bed?.close();
    await smtp?.close();
  });

  const statusOf = async (id: string) =>
    (await bed.t.runtime.database.pool.query('select status from transactions where id = $1', [id])).rows[0]?.status;
  const statusCallsFor = (orderId: string) =>
    bed.midtrans.requests.filter((r) => r.method === 'GET' && r.path === `/v2/${orderId}/status`).length;

  /** Runs the sync job once through the queue, as the scheduler would, and returns its summary. */
  async function runSync() {
    const queue = bed.t.runtime.jobs.queues().get('billing')!;
    const { id } = await bed.t.runtime.jobs.enqueue('billing.sync-pending-topups', {});
    await waitFor(async () => (await queue.getJobState(id)) === 'completed', { what: 'the sync job to complete' });
    return (await queue.getJob(id))!.returnvalue;
  }

  it('the worker schedules the sync job', async () => {
    const schedulers = await bed.t.runtime.jobs.queues().get('billing')!.getJobSchedulers();
    expect(schedulers.map((s) => [s.name, s.every])).toContainEqual(['billing.sync-pending-topups', 300_000]);
  });

  it('settles a top-up whose notification never arrived, once it has been pending 15 minutes, and mails the user', async () => {
    const user = await bed.user();
    const lost = await bed.startTopup(user, 60_000);
    const recent = await bed.startTopup(user, 10_000);
    bed.midtrans.setStatus(lost, 'settlement', 'gopay'); // paid; Midtrans' notification is lost

    // Not yet 15 minutes: nothing is asked.
    expect(await runSync()).toMatchObject({ checked: 0 });
    expect(statusCallsFor(lost)).toBe(0);

    bed.clock.advance(16 * 60_000);
    const summary = await runSync();
    expect(summary).toMatchObject({ applied: 1, errors: 0 });
    expect(await statusOf(lost)).toBe('SUCCESS');
    expect(await statusOf(recent)).toBe('PENDING'); // Midtrans still says pending, and its page has not expired
    expect(await bed.balance(user.id)).toBe(60_000);
    const { rows } = await bed.t.runtime.database.pool.query(
      "select verdict from payment_notifications where order_id = $1 and source = 'status-sync'",
      [lost],
    );
    expect(rows).toEqual([{ verdict: 'applied' }]);

    const receipt = (m: { to: string[]; template?: string }) =>
      m.to.includes(user.email) && m.template === 'topup-succeeded';
    const mail = await smtp.waitForMessage(receipt);
    expect(mail.subject).toBe('Isi saldo diterima: Rp 60.000'); // the default locale: Indonesian
    expect(mail.text).toContain(`Transaksi: ${lost}`);
    expect(mail.text).toContain('Saldo Anda: Rp 60.000.');

    // Run again: nothing more to do, no second credit, no second mail.
    await runSync();
    expect(await bed.balance(user.id)).toBe(60_000);
    const mails = bed.t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await mails.getJobState(`topup-succeeded-${lost}`)) === 'completed', {
      what: 'the mail job to complete',
    });
    expect(smtp.messages.filter(receipt)).toHaveLength(1);
  });

  it('expires a top-up whose payment page expired without a payment', async () => {
    const user = await bed.user();
    const id = await bed.startTopup(user, 15_000); // the fake keeps reporting "pending"
    bed.clock.advance(24 * 3600_000 + 60_000);
    await runSync();
    expect(await statusOf(id)).toBe('EXPIRED');
    expect(await bed.balance(user.id)).toBe(0);
    const { rows } = await bed.t.runtime.database.pool.query(
      'select verdict from payment_notifications where transaction_id = $1 order by seq',
      [id],
    );
    expect(rows.map((r) => r.verdict)).toEqual(['unchanged', 'expired-locally']);

    // A settlement that still comes afterwards is money received: credited, not dropped.
    bed.midtrans.setStatus(id, 'settlement');
    expect(JSON.parse((await bed.midtrans.notify(id, bed.webhookUrl)).body).verdict).toBe('applied-late');
    expect(await bed.balance(user.id)).toBe(15_000);
  });
});
