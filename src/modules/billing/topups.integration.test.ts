import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../../test/helpers/auth.js';
import { type BillingBed, startBillingBed } from '../../../test/helpers/billing.js';

describe('/billing: balance, transactions and Midtrans top-ups', () => {
  let bed: BillingBed;
  let user: TestUser;
  beforeAll(async () => {
    bed = await startBillingBed();
    user = await bed.user({ name: 'Made Sari' });
  });
  afterAll(() => bed?.close());

  const call = (
    method: 'GET' | 'POST',
    url: string,
    options: { as?: TestUser; payload?: unknown; headers?: Record<string, string> } = {},
  ) =>
    bed.t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(options.as ?? user).headers, ...options.headers },
      ...(options.payload === undefined ? {} : { payload: options.payload as Record<string, unknown> }),
    });
  const rowsOf = async (userId: string) =>
    (await bed.t.runtime.database.pool.query('select * from transactions where user_id = $1', [userId])).rows;

  describe('happy path', () => {
    it('starts a top-up: a PENDING transaction whose id is the Midtrans order, and its Snap page', async () => {
      const res = await call('POST', '/billing/topups', { payload: { amount: 75_000 } });
      expect(res.statusCode).toBe(201);
      const { transaction, payment } = res.json();
      expect(transaction).toMatchObject({ type: 'TOPUP', status: 'PENDING', amount: 75_000, currency: 'IDR' });
      const snap = bed.midtrans.transactions.get(transaction.id)!;
      expect(snap).toBeDefined();
      expect(payment).toEqual({
        token: snap.token,
        redirectUrl: `${bed.midtrans.url}/snap/v4/redirection/${snap.token}`,
        expiresAt: expect.any(String),
      });
      expect(snap.grossAmount).toBe(75_000);
      expect(snap.request).toMatchObject({
        transaction_details: { order_id: transaction.id, gross_amount: 75_000 },
        customer_details: { first_name: 'Made Sari', email: user.email },
        enabled_payments: expect.arrayContaining(['qris', 'bca_va', 'gopay', 'credit_card']),
        expiry: { unit: 'minutes', duration: 24 * 60 },
      });
      const [row] = (await rowsOf(user.id)).filter((r) => r.id === transaction.id);
      expect(row).toMatchObject({
        status: 'PENDING',
        amount: '75000', // bigint, as node-postgres reads it
        midtrans_order_id: transaction.id,
        snap_token: snap.token,
      });
      expect(await bed.balance(user.id)).toBe(0);

      // Midtrans settles it: the balance and the list show it.
      bed.midtrans.setStatus(transaction.id, 'settlement', 'bank_transfer');
      expect((await bed.midtrans.notify(transaction.id, bed.webhookUrl)).status).toBe(200);
      expect((await call('GET', '/billing/balance')).json()).toMatchObject({ balance: 75_000, currency: 'IDR' });
      expect((await call('GET', `/billing/transactions/${transaction.id}`)).json()).toMatchObject({
        status: 'SUCCESS',
        paymentMethod: 'bank_transfer',
        completedAt: expect.any(String),
        payment: null,
      });
    });

    it('an Idempotency-Key makes a retried top-up the same top-up', async () => {
      const key = randomUUID();
      const first = await call('POST', '/billing/topups', {
        payload: { amount: 20_000 },
        headers: { 'idempotency-key': key },
      });
      const again = await call('POST', '/billing/topups', {
        payload: { amount: 20_000 },
        headers: { 'idempotency-key': key },
      });
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(200);
      expect(again.json().transaction.id).toBe(first.json().transaction.id);
      expect(again.json().payment.token).toBe(first.json().payment.token);
      const other = await call('POST', '/billing/topups', {
        payload: { amount: 30_000 },
        headers: { 'idempotency-key': key },
      });
      expect(other.statusCode).toBe(409);
      expect((await rowsOf(user.id)).filter((r) => r.idempotency_key.endsWith(key))).toHaveLength(1);
    });

    it('lists transactions newest first with type, status and date filters, and pages', async () => {
      const other = await bed.user();
      const ids: string[] = [];
      for (const amount of [10_000, 11_000, 12_000]) ids.push(await bed.startTopup(other, amount));
      bed.midtrans.setStatus(ids[0]!, 'settlement');
      await bed.midtrans.notify(ids[0]!, bed.webhookUrl);

      const all = await call('GET', '/billing/transactions?pageSize=2', { as: other });
      expect(all.json()).toMatchObject({ total: 3, page: 1, pageSize: 2, totalPages: 2 });
      expect(all.json().items.map((t: { amount: number }) => t.amount)).toEqual([12_000, 11_000]);
      const pending = await call('GET', '/billing/transactions?status=PENDING&type=TOPUP', { as: other });
      expect(
        pending
          .json()
          .items.map((t: { id: string }) => t.id)
          .sort(),
      ).toEqual([ids[1], ids[2]].sort());
      const success = await call('GET', '/billing/transactions?status=SUCCESS', { as: other });
      expect(success.json().items.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
      const future = new Date(Date.now() + 3600_000).toISOString();
      expect((await call('GET', `/billing/transactions?from=${future}`, { as: other })).json().total).toBe(0);
      expect((await call('GET', `/billing/transactions?to=${future}`, { as: other })).json().total).toBe(3);
      // Nobody sees anyone else's.
      const mine = await call('GET', '/billing/transactions?pageSize=100');
      expect(mine.json().items.some((t: { id: string }) => ids.includes(t.id))).toBe(false);
    });

    it('pay returns the current page while it is valid, and a fresh Snap order once it expired', async () => {
      const id = await bed.startTopup(user, 40_000);
      const first = await call('POST', `/billing/transactions/${id}/pay`);
      expect(first.statusCode).toBe(200);
      expect(first.json().payment.token).toBe(bed.midtrans.transactions.get(id)!.token);

      // The page expired (moved in the database: advancing the clock a day would also expire the access token).
      await bed.t.runtime.database.pool.query(
        "update transactions set payment_expires_at = now() - interval '1 minute' where id = $1",
        [id],
      );
      {
        const fresh = await call('POST', `/billing/transactions/${id}/pay`);
        expect(fresh.statusCode).toBe(200);
        const second = bed.midtrans.transactions.get(`${id}-2`)!;
        expect(second).toBeDefined();
        expect(fresh.json().payment.token).toBe(second.token);
        expect(fresh.json().transaction).toMatchObject({ id, status: 'PENDING' });
        expect(new Date(fresh.json().payment.expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

        // The old page expiring says nothing about the new one; the new one paid credits the top-up.
        bed.midtrans.setStatus(id, 'expire');
        expect(JSON.parse((await bed.midtrans.notify(id, bed.webhookUrl)).body).verdict).toBe('stale-attempt');
        bed.midtrans.setStatus(`${id}-2`, 'settlement', 'qris');
        expect(JSON.parse((await bed.midtrans.notify(`${id}-2`, bed.webhookUrl)).body).verdict).toBe('applied');
        expect((await call('GET', `/billing/transactions/${id}`)).json()).toMatchObject({
          status: 'SUCCESS',
          amount: 40_000,
        });
        expect((await call('POST', `/billing/transactions/${id}/pay`)).statusCode).toBe(409);
      }
    });

    it('cancels a pending top-up once', async () => {
      const id = await bed.startTopup(user, 10_000);
      const res = await call('POST', `/billing/transactions/${id}/cancel`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id, status: 'CANCELLED', payment: null, completedAt: expect.any(String) });
      expect((await call('POST', `/billing/transactions/${id}/cancel`)).statusCode).toBe(409);
      expect((await call('POST', `/billing/transactions/${id}/pay`)).statusCode).toBe(409);
      const [row] = (await rowsOf(user.id)).filter((r) => r.id === id);
      expect(row.status).toBe('CANCELLED');
    });
  });

  describe('errors', () => {
    it('a top-up amount outside 10,000 to 10,000,000 IDR is 400 naming the field and the limits; nothing is written', async () => {
      const fresh = await bed.user();
      for (const amount of [9_999, 10_000_001, 15_000.5, '50000', -10_000, null]) {
        const res = await call('POST', '/billing/topups', { as: fresh, payload: { amount } });
        expect(res.statusCode, String(amount)).toBe(400);
        expect(res.json().error.message, String(amount)).toContain('body.amount: ');
        expect(res.json().error.message, String(amount)).toContain('between 10000 and 10000000 IDR');
      }
      const missing = await call('POST', '/billing/topups', { as: fresh, payload: {} });
      expect(missing.json().error.details[0].path).toBe('body.amount');
      const badKey = await call('POST', '/billing/topups', {
        as: fresh,
        payload: { amount: 10_000 },
        headers: { 'idempotency-key': 'spaces are not allowed' },
      });
      expect(badKey.statusCode).toBe(400);
      expect(badKey.json().error.message).toMatch(/^headers\.idempotency-key: /);
      expect(await rowsOf(fresh.id)).toEqual([]);
      expect(bed.midtrans.requests.filter((r) => r.path === '/snap/v1/transactions')).toHaveLength(
        bed.midtrans.transactions.size,
      );
    });

    it('a malformed id is 400; an unknown or another user’s transaction is 404, for reading, paying and cancelling', async () => {
      const stranger = await bed.user();
      const theirs = await bed.startTopup(stranger, 10_000);
      const unknown = randomUUID();
      for (const [method, suffix] of [
        ['GET', ''],
        ['POST', '/pay'],
        ['POST', '/cancel'],
      ] as const) {
        const malformed = await call(method, `/billing/transactions/not-a-uuid${suffix}`);
        expect(malformed.statusCode, `${method} malformed${suffix}`).toBe(400);
        expect(malformed.json().error.message).toBe('params.id: must be a UUID');
        for (const id of [unknown, theirs]) {
          const res = await call(method, `/billing/transactions/${id}${suffix}`);
          expect(res.statusCode, `${method} ${id}${suffix}`).toBe(404);
          expect(res.json().error.message).toBe('Transaction not found');
        }
      }
      const [row] = await rowsOf(stranger.id);
      expect(row.status).toBe('PENDING');
    });

    it('bad filters are 400 naming the query field', async () => {
      const cases: [string, string][] = [
        ['type=GIFT', 'querystring.type'],
        ['status=DONE', 'querystring.status'],
        ['from=yesterday', 'querystring.from'],
        ['from=2026-02-01&to=2026-01-01', 'querystring.from'],
        ['pageSize=101', 'querystring.pageSize'],
      ];
      for (const [query, field] of cases) {
        const res = await call('GET', `/billing/transactions?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error.message, query).toContain(`${field}: `);
      }
    });
  });
});

describe('/billing/topups when Midtrans cannot be reached, and with REQUIRE_EMAIL_VERIFICATION', () => {
  let bed: BillingBed;
  beforeAll(async () => {
    // Port 9 on loopback: nothing listens, the connection is refused at once.
    bed = await startBillingBed({
      env: { MIDTRANS_SNAP_URL: 'http://127.0.0.1:9', REQUIRE_EMAIL_VERIFICATION: 'true' },
    });
  });
  afterAll(() => bed?.close());

  it('503 DEPENDENCY_UNAVAILABLE without Midtrans’ words, and the top-up is FAILED, not left pending', async () => {
    const user = await bed.user();
    await bed.t.runtime.database.pool.query('update users set email_verified_at = now() where id = $1', [user.id]);
    const res = await bed.t.app.inject({
      method: 'POST',
      url: '/api/v1/billing/topups',
      headers: user.headers,
      payload: { amount: 10_000 },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      message: 'The payment gateway did not answer; try again in a moment',
    });
    const { rows } = await bed.t.runtime.database.pool.query('select status from transactions where user_id = $1', [
      user.id,
    ]);
    expect(rows).toEqual([{ status: 'FAILED' }]);
  });

  it('an unverified email may read its balance but not start a top-up (403 EMAIL_NOT_VERIFIED)', async () => {
    const user = await bed.user();
    const res = await bed.t.app.inject({
      method: 'POST',
      url: '/api/v1/billing/topups',
      headers: user.headers,
      payload: { amount: 10_000 },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('EMAIL_NOT_VERIFIED');
    expect(
      (await bed.t.app.inject({ method: 'GET', url: '/api/v1/billing/balance', headers: user.headers })).statusCode,
    ).toBe(200);
    const { rows } = await bed.t.runtime.database.pool.query('select count(*) from transactions where user_id = $1', [
      user.id,
    ]);
    expect(rows[0].count).toBe('0');
  });
});
