import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BillingBed, startBillingBed } from '../../../test/helpers/billing.js';
import { anInvoiceOf } from '../../../test/helpers/invoices.js';
import { pdfText } from '../../../test/helpers/pdf.js';
import { transactions } from './billing.tables.js';
import { monthKey } from './billing-calendar.js';
import { createPdfInvoiceRenderer } from './invoices.pdf.js';
import { createInvoiceService } from './invoices.service.js';
import type { BillingPort } from './ledger.js';

const SELLER = {
  SELLER_NAME: 'PT Kapal Awan Nusantara',
  SELLER_ADDRESS: 'Jl. Jend. Sudirman Kav. 1, Jakarta 10220',
  SELLER_EMAIL: 'billing@kapal.test',
  SELLER_TAX_ID: '01.234.567.8-901.000',
};

describe('invoices', () => {
  let bed: BillingBed;
  let billing: BillingPort;
  beforeAll(async () => {
    bed = await startBillingBed({ env: SELLER });
    billing = bed.t.runtime.modules.ports.billing!;
  });
  afterAll(() => bed?.close());

  const pool = () => bed.t.runtime.database.pool;
  const get = (url: string, headers: Record<string, string>) =>
    bed.t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const invoiceOf = async (transactionId: string) =>
    (await pool().query('select * from invoices where transaction_id = $1', [transactionId])).rows[0];
  const credit = (userId: string, amount: number) =>
    bed.t.runtime.database.transaction((tx) =>
      billing.adjust(tx, { userId, amount, reason: 'test credit', actorId: userId, idempotencyKey: randomUUID() }),
    );
  /** A top-up paid through the fake Midtrans and its signed notification. */
  async function paidTopup(user: Awaited<ReturnType<BillingBed['user']>>, amount: number, method = 'qris') {
    const id = await bed.startTopup(user, amount);
    bed.midtrans.setStatus(id, 'settlement', method);
    const answer = await bed.midtrans.notify(id, bed.webhookUrl);
    expect(answer.status).toBe(200);
    return id;
  }
  /** Every invoice number of `month`, as sequence numbers, sorted. */
  async function sequencesOf(month: string): Promise<number[]> {
    const { rows } = await pool().query<{ number: string }>('select number from invoices where number like $1', [
      `INV-${month}-%`,
    ]);
    return rows.map((r) => Number(r.number.slice(-6))).sort((a, b) => a - b);
  }
  const invoiceService = () => {
    const { database, clock, config } = bed.t.runtime;
    return createInvoiceService({
      database,
      clock,
      seller: config.billing.seller,
      timeZone: config.billing.timeZone,
      renderer: createPdfInvoiceRenderer({ timeZone: config.billing.timeZone }),
    });
  };
  const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  describe('happy path', () => {
    it('a top-up settled through the webhook gets an invoice: number, seller and buyer snapshots, line, total, method', async () => {
      const user = await bed.user({ name: 'Siti Rahayu' });
      const id = await paidTopup(user, 150_000, 'bank_transfer');
      const row = await invoiceOf(id);
      const month = monthKey('Asia/Jakarta', bed.clock.now());
      expect(row.number).toMatch(new RegExp(`^INV-${month}-\\d{6}$`));
      expect(row).toMatchObject({
        user_id: user.id,
        currency: 'IDR',
        subtotal: '150000',
        tax: '0',
        total: '150000',
        payment_method: 'bank_transfer',
        seller: {
          name: SELLER.SELLER_NAME,
          address: SELLER.SELLER_ADDRESS,
          email: SELLER.SELLER_EMAIL,
          taxId: SELLER.SELLER_TAX_ID,
        },
        buyer: { name: 'Siti Rahayu', email: user.email },
        lines: [{ description: 'Kapal credit top-up', quantity: 1, unitPrice: 150_000, amount: 150_000 }],
      });

      const list = await get('/billing/invoices', user.headers);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ total: 1, page: 1, totalPages: 1 });
      const [view] = list.json().items;
      expect(view).toMatchObject({
        id: row.id,
        number: row.number,
        transactionId: id,
        total: 150_000,
        buyer: { name: 'Siti Rahayu', email: user.email },
        pdfUrl: `/billing/invoices/${row.id}/pdf`,
      });
      const one = await get(`/billing/invoices/${row.id}`, user.headers);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual(view);
      // A transaction's invoice, by the transaction's id: only the owner's.
      const byTransaction = await get(`/billing/invoices?transactionId=${id}`, user.headers);
      expect(byTransaction.json()).toMatchObject({ total: 1, items: [{ id: row.id }] });
      const other = await bed.user();
      expect((await get(`/billing/invoices?transactionId=${id}`, other.headers)).json()).toMatchObject({ total: 0 });
      const badId = await get('/billing/invoices?transactionId=nope', user.headers);
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.details).toEqual([{ path: 'querystring.transactionId', message: 'must be a UUID' }]);
    });

    it('the PDF is a valid PDF named after the number, and its text holds the number, buyer and total', async () => {
      const user = await bed.user({ name: 'Budi Santoso' });
      const id = await paidTopup(user, 1_250_000);
      const invoice = await invoiceOf(id);
      const res = await get(`/billing/invoices/${invoice.id}/pdf`, user.headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${invoice.number}.pdf"`);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const { pages, text } = await pdfText(res.rawPayload);
      expect(pages).toBe(1);
      expect(text).toContain(invoice.number);
      expect(text).toContain('Budi Santoso');
      expect(text).toContain(user.email);
      expect(text).toContain('Rp 1.250.000');
      expect(text).toContain(SELLER.SELLER_NAME);
      expect(text).toContain(`NPWP ${SELLER.SELLER_TAX_ID}`);
    });

    it('the buyer is a snapshot: renaming the account later does not change an issued invoice', async () => {
      const user = await bed.user({ name: 'Old Name' });
      const id = await paidTopup(user, 20_000);
      await pool().query('update users set name = $1 where id = $2', ['New Name', user.id]);
      expect((await invoiceOf(id)).buyer.name).toBe('Old Name');
    });

    it('a subscription charge gets an invoice paid with credit; a refund and an adjustment get none', async () => {
      const user = await bed.user();
      await credit(user.id, 100_000);
      const charge = await bed.t.runtime.database.transaction((tx) =>
        billing.charge(tx, {
          userId: user.id,
          amount: 45_000,
          reference: `subscription:${randomUUID()}:2026-11`,
          description: 'n8n Starter, 30 days',
          idempotencyKey: randomUUID(),
        }),
      );
      const invoice = await invoiceOf(charge.transaction.id);
      expect(invoice).toMatchObject({
        total: '45000',
        payment_method: 'credit',
        lines: [{ description: 'n8n Starter, 30 days', quantity: 1, unitPrice: 45_000, amount: 45_000 }],
      });
      const refund = await bed.t.runtime.database.transaction((tx) =>
        billing.refund(tx, {
          userId: user.id,
          amount: 5_000,
          reference: 'r',
          chargeTransactionId: charge.transaction.id,
          idempotencyKey: randomUUID(),
        }),
      );
      expect(await invoiceOf(refund.transaction.id)).toBeUndefined();
      const { rows } = await pool().query('select count(*)::int as n from invoices where user_id = $1', [user.id]);
      expect(rows[0].n).toBe(1);
    });

    it('chargeMany issues one invoice per charge it made, none for those it skipped', async () => {
      const rich = await bed.user();
      const poor = await bed.user();
      await credit(rich.id, 50_000);
      await credit(poor.id, 1_000);
      const items = [rich, rich, poor].map((u, i) => ({
        userId: u.id,
        amount: 20_000,
        reference: `renewal-${i}`,
        idempotencyKey: randomUUID(),
      }));
      const result = await bed.t.runtime.database.transaction((tx) => billing.chargeMany(tx, items));
      expect(result.charged).toHaveLength(2);
      for (const c of result.charged) expect((await invoiceOf(c.transactionId))?.total).toBe('20000');
      const { rows } = await pool().query('select count(*)::int as n from invoices where user_id = $1', [poor.id]);
      expect(rows[0].n).toBe(0);
    });

    it('issuing twice for one transaction returns the same invoice', async () => {
      const user = await bed.user();
      const invoiceId = await anInvoiceOf(bed.t, user.id);
      const { rows } = await pool().query('select transaction_id from invoices where id = $1', [invoiceId]);
      const again = await bed.t.runtime.database.transaction((tx) =>
        invoiceService().issueInvoice(tx, { transactionId: rows[0].transaction_id }),
      );
      expect(again.id).toBe(invoiceId);
    });
  });

  describe('numbers', () => {
    it('50 concurrent successful top-ups take the next 50 numbers of the month: no gap, no duplicate', async () => {
      const month = monthKey('Asia/Jakarta', bed.clock.now());
      const before = await sequencesOf(month);
      expect(before).toEqual(oneToN(before.length));
      const users = await Promise.all(Array.from({ length: 10 }, () => bed.user()));
      const ids = await Promise.all(
        Array.from({ length: 50 }, (_, i) => bed.startTopup(users[i % users.length]!, 10_000 + i)),
      );
      for (const id of ids) bed.midtrans.setStatus(id, 'settlement');
      const answers = await Promise.all(ids.map((id) => bed.midtrans.notify(id, bed.webhookUrl)));
      expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
      const after = await sequencesOf(month);
      expect(after).toEqual(oneToN(before.length + 50));
      const { rows } = await pool().query('select last_number from invoice_counters where month = $1', [month]);
      expect(rows[0].last_number).toBe(before.length + 50);
      // Each top-up has exactly one invoice, for its own amount.
      const { rows: own } = await pool().query(
        'select t.amount, i.total from transactions t join invoices i on i.transaction_id = t.id where t.id = any($1)',
        [ids],
      );
      expect(own).toHaveLength(50);
      for (const r of own) expect(r.total).toBe(r.amount);
    });

    it('a transaction that rolls back gives its number back: the next invoice takes it', async () => {
      const month = monthKey('Asia/Jakarta', bed.clock.now());
      const before = await sequencesOf(month);
      const user = await bed.user();
      await expect(
        bed.t.runtime.database.transaction(async (tx) => {
          const [topup] = await tx
            .insert(transactions)
            .values({
              userId: user.id,
              type: 'TOPUP',
              status: 'SUCCESS',
              amount: 10_000,
              idempotencyKey: randomUUID(),
              completedAt: bed.clock.now(),
            })
            .returning({ id: transactions.id });
          await invoiceService().issueInvoice(tx, { transactionId: topup!.id });
          throw new Error('the caller fails after issuing');
        }),
      ).rejects.toThrow('the caller fails after issuing');
      await anInvoiceOf(bed.t, user.id);
      expect(await sequencesOf(month)).toEqual(oneToN(before.length + 1));
    });
  });

  describe('immutability', () => {
    it('the database refuses to change or delete an issued invoice', async () => {
      const user = await bed.user();
      const id = await anInvoiceOf(bed.t, user.id);
      await expect(pool().query('update invoices set total = 1 where id = $1', [id])).rejects.toThrow(/append-only/);
      await expect(pool().query('delete from invoices where id = $1', [id])).rejects.toThrow(/append-only/);
      await expect(
        pool().query(`update invoices set buyer = '{"name":"x"}'::jsonb where id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
    });
  });

  describe('errors and security', () => {
    it("another user's invoice and its PDF are 404, as is an unknown id; a malformed id is 400", async () => {
      const owner = await bed.user();
      const other = await bed.user();
      const id = await anInvoiceOf(bed.t, owner.id);
      for (const url of [`/billing/invoices/${id}`, `/billing/invoices/${id}/pdf`]) {
        const res = await get(url, other.headers);
        expect(res.statusCode).toBe(404);
        expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Invoice not found' });
        expect((await get(url.replace(id, randomUUID()), owner.headers)).statusCode).toBe(404);
        const malformed = await get(url.replace(id, 'not-a-uuid'), owner.headers);
        expect(malformed.statusCode).toBe(400);
        expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
      }
      const list = await get('/billing/invoices', other.headers);
      expect(list.json().items).toEqual([]);
      expect((await get('/billing/invoices', {})).statusCode).toBe(401);
    });

    it('bad list parameters are 400 naming the field', async () => {
      const user = await bed.user();
      const res = await get('/billing/invoices?pageSize=1000&from=yesterday', user.headers);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/pageSize|from/);
    });
  });

  // Last: it moves the shared clock into the next month.
  describe('months', () => {
    it('a new month starts its own series at 000001', async () => {
      const thisMonth = monthKey('Asia/Jakarta', bed.clock.now());
      bed.clock.advance(32 * 86_400_000);
      const nextMonth = monthKey('Asia/Jakarta', bed.clock.now());
      expect(nextMonth).not.toBe(thisMonth);
      const user = await bed.user();
      const ids = [await anInvoiceOf(bed.t, user.id), await anInvoiceOf(bed.t, user.id)];
      const { rows } = await pool().query('select number from invoices where id = any($1) order by number', [ids]);
      expect(rows.map((r) => r.number)).toEqual([`INV-${nextMonth}-000001`, `INV-${nextMonth}-000002`]);
    });
  });
});
