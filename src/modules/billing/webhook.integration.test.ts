import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BillingBed, MIDTRANS_TEST_SERVER_KEY, startBillingBed } from '../../../test/helpers/billing.js';
import { midtransSignature } from '../../../test/helpers/midtrans-fake.js';

/** A notification body re-signed with the real server key: only the field under test is wrong. */
function signed(body: Record<string, unknown>) {
  return {
    ...body,
    signature_key: midtransSignature(
      String(body.order_id),
      String(body.status_code),
      String(body.gross_amount),
      MIDTRANS_TEST_SERVER_KEY,
    ),
  };
}

describe('POST /webhooks/midtrans', () => {
  let bed: BillingBed;
  beforeAll(async () => {
    bed = await startBillingBed();
  });
  afterAll(() => bed?.close());

  // biome-ignore lint/suspicious/noExplicitAny: answers are read as JSON of several shapes
  type Answer = { status: number; json(): Promise<any> };
  const post = (body: unknown): Promise<Answer> =>
    fetch(bed.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const statusOf = async (id: string) =>
    (await bed.t.runtime.database.pool.query('select status from transactions where id = $1', [id])).rows[0]?.status;
  const entriesOf = async (userId: string) =>
    Number(
      (await bed.t.runtime.database.pool.query('select count(*) from ledger_entries where user_id = $1', [userId]))
        .rows[0].count,
    );
  const verdicts = async (orderId: string) =>
    (
      await bed.t.runtime.database.pool.query(
        'select verdict from payment_notifications where order_id = $1 order by seq',
        [orderId],
      )
    ).rows.map((r) => r.verdict);

  describe('happy path', () => {
    it('the same signed settlement sent 100 times at once credits exactly once, and every copy is answered 200', async () => {
      const user = await bed.user();
      const id = await bed.startTopup(user, 150_000);
      bed.midtrans.setStatus(id, 'settlement', 'qris');
      const answers = await Promise.all(Array.from({ length: 100 }, () => bed.midtrans.notify(id, bed.webhookUrl)));
      expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
      expect(await bed.balance(user.id)).toBe(150_000);
      expect(await entriesOf(user.id)).toBe(1);
      expect(await statusOf(id)).toBe('SUCCESS');
      const seen = await verdicts(id);
      expect(seen).toHaveLength(100);
      expect(seen.filter((v) => v === 'applied')).toHaveLength(1);
      expect(seen.filter((v) => v === 'duplicate')).toHaveLength(99);

      const tx = await bed.t.app.inject({
        method: 'GET',
        url: `/api/v1/billing/transactions/${id}`,
        headers: user.headers,
      });
      expect(tx.json()).toMatchObject({ status: 'SUCCESS', amount: 150_000, paymentMethod: 'qris', payment: null });
    });

    it('a late "pending" after "settlement" changes nothing', async () => {
      const user = await bed.user();
      const id = await bed.startTopup(user, 20_000);
      const settlement = bed.midtrans.setStatus(id, 'settlement');
      expect((await post(settlement)).status).toBe(200);
      const pending = bed.midtrans.setStatus(id, 'pending');
      const res = await post(pending);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true, verdict: 'final' });
      expect(await statusOf(id)).toBe('SUCCESS');
      expect(await bed.balance(user.id)).toBe(20_000);
    });

    it('expire → EXPIRED; deny → FAILED; capture under challenge stays PENDING; none credits', async () => {
      const user = await bed.user();
      const expiring = await bed.startTopup(user, 10_000);
      bed.midtrans.setStatus(expiring, 'expire');
      expect((await bed.midtrans.notify(expiring, bed.webhookUrl)).status).toBe(200);
      expect(await statusOf(expiring)).toBe('EXPIRED');

      const denied = await bed.startTopup(user, 10_000);
      bed.midtrans.setStatus(denied, 'deny', 'credit_card');
      expect((await bed.midtrans.notify(denied, bed.webhookUrl)).status).toBe(200);
      expect(await statusOf(denied)).toBe('FAILED');

      const challenged = await bed.startTopup(user, 10_000);
      bed.midtrans.setStatus(challenged, 'capture', 'credit_card');
      const res = await bed.midtrans.notify(
        challenged,
        bed.webhookUrl,
        signed({
          ...bed.midtrans.notificationFor(challenged),
          fraud_status: 'challenge',
        }),
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ received: true, verdict: 'unchanged' });
      expect(await statusOf(challenged)).toBe('PENDING');

      expect(await bed.balance(user.id)).toBe(0);
      expect(await entriesOf(user.id)).toBe(0);
    });

    it('money that arrives for a cancelled top-up is credited, not dropped', async () => {
      const user = await bed.user();
      const id = await bed.startTopup(user, 30_000);
      const cancelled = await bed.t.app.inject({
        method: 'POST',
        url: `/api/v1/billing/transactions/${id}/cancel`,
        headers: user.headers,
      });
      expect(cancelled.json()).toMatchObject({ status: 'CANCELLED' });
      bed.midtrans.setStatus(id, 'settlement');
      const res = await bed.midtrans.notify(id, bed.webhookUrl);
      expect(JSON.parse(res.body)).toEqual({ received: true, verdict: 'applied-late' });
      expect(await statusOf(id)).toBe('SUCCESS');
      expect(await bed.balance(user.id)).toBe(30_000);
    });
  });

  describe('refused notifications credit nothing', () => {
    it('forged signature, wrong amount, wrong currency, unknown order: 4xx, recorded, no credit', async () => {
      const user = await bed.user();
      const id = await bed.startTopup(user, 50_000);
      const genuine = bed.midtrans.setStatus(id, 'settlement');

      const cases: [string, unknown, number, string][] = [
        ['forged signature', { ...genuine, signature_key: 'f'.repeat(128) }, 401, 'UNAUTHORIZED'],
        [
          'forged: amount changed but the signature kept',
          { ...genuine, gross_amount: '5000000.00' },
          401,
          'UNAUTHORIZED',
        ],
        ['wrong amount, validly signed', signed({ ...genuine, gross_amount: '5000000.00' }), 400, 'BAD_REQUEST'],
        ['wrong currency', signed({ ...genuine, currency: 'USD' }), 400, 'BAD_REQUEST'],
        ['unknown order', signed({ ...genuine, order_id: '00000000-0000-4000-8000-000000000000' }), 404, 'NOT_FOUND'],
      ];
      for (const [what, body, status, code] of cases) {
        const res = await post(body);
        expect(res.status, what).toBe(status);
        expect((await res.json()).error.code, what).toBe(code);
      }
      expect(await bed.balance(user.id)).toBe(0);
      expect(await entriesOf(user.id)).toBe(0);
      expect(await statusOf(id)).toBe('PENDING');
      expect(await verdicts(id)).toEqual(['forged', 'forged', 'amount-mismatch', 'currency-mismatch']);
      expect(await verdicts('00000000-0000-4000-8000-000000000000')).toEqual(['unknown-order']);

      // The genuine one still works afterwards.
      expect((await post(genuine)).status).toBe(200);
      expect(await bed.balance(user.id)).toBe(50_000);
    });

    it('malformed bodies are 400 naming the field, and recorded raw', async () => {
      const notJson = await post('{"order_id": ');
      expect(notJson.status).toBe(400);
      expect((await notJson.json()).error.message).toBe('body: must be a JSON object');

      const noSignature = await post({
        order_id: 'x',
        status_code: '200',
        gross_amount: '10000.00',
        transaction_status: 'settlement',
      });
      expect(noSignature.status).toBe(400);
      const body = await noSignature.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).toMatch(/^body\.signature_key: /);
      expect(body.error.details[0].path).toBe('body.signature_key');

      const { rows } = await bed.t.runtime.database.pool.query(
        "select raw_body from payment_notifications where verdict = 'malformed' order by seq",
      );
      expect(rows.map((r) => r.raw_body)).toContain('{"order_id": ');
    });
  });
});
