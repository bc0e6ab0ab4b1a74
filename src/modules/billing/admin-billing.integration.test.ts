import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../../test/helpers/auth.js';
import { type BillingBed, startBillingBed } from '../../../test/helpers/billing.js';
import { dayKey } from './billing-calendar.js';
import type { BillingPort } from './ledger.js';

describe('administrators and money', () => {
  let bed: BillingBed;
  let billing: BillingPort;
  let admin: TestUser;
  beforeAll(async () => {
    bed = await startBillingBed();
    billing = bed.t.runtime.modules.ports.billing!;
    admin = await bed.user({ role: 'ADMINISTRATOR' });
  });
  afterAll(() => bed?.close());

  const pool = () => bed.t.runtime.database.pool;
  const get = (url: string, headers = admin.headers) =>
    bed.t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  /** `key: null` sends no Idempotency-Key. */
  const adjust = (userId: string, body: unknown, key: string | null = randomUUID(), headers = admin.headers) =>
    bed.t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${userId}/adjustments`,
      headers: { ...headers, ...(key === null ? {} : { 'idempotency-key': key }) },
      payload: body as object,
    });
  const inTx = <T>(fn: Parameters<typeof bed.t.runtime.database.transaction<T>>[0]) =>
    bed.t.runtime.database.transaction(fn);
  async function paidTopup(user: TestUser, amount: number) {
    const id = await bed.startTopup(user, amount);
    bed.midtrans.setStatus(id, 'settlement');
    expect((await bed.midtrans.notify(id, bed.webhookUrl)).status).toBe(200);
    return id;
  }
  const count = async (sql: string, params: unknown[]) => Number((await pool().query(sql, params)).rows[0].n);

  describe('GET /admin/transactions', () => {
    it("lists every user's transactions with filters, newest first, and totals over the whole filtered set", async () => {
      const user = await bed.user({ name: 'Dewi' });
      await paidTopup(user, 100_000);
      const pending = await bed.startTopup(user, 30_000);
      await inTx((tx) =>
        billing.charge(tx, { userId: user.id, amount: 40_000, reference: 'sub', idempotencyKey: randomUUID() }),
      );

      const all = await get(`/admin/transactions?userId=${user.id}&pageSize=2`);
      expect(all.statusCode, all.body).toBe(200);
      const page = all.json();
      expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2, totalPages: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.items[0]).toMatchObject({ type: 'SUBSCRIPTION_CHARGE', amount: -40_000, userId: user.id });
      expect(page.items[0].user).toEqual({ email: user.email, name: 'Dewi' });
      expect(page.totals).toMatchObject({
        count: 3,
        net: 60_000,
        byType: {
          TOPUP: { count: 2, amount: 100_000 },
          SUBSCRIPTION_CHARGE: { count: 1, amount: -40_000 },
          REFUND: { count: 0, amount: 0 },
        },
        byStatus: { SUCCESS: { count: 2, amount: 60_000 }, PENDING: { count: 1, amount: 30_000 } },
      });

      const pendingOnly = (await get(`/admin/transactions?userId=${user.id}&status=PENDING`)).json();
      expect(pendingOnly.items.map((t: { id: string }) => t.id)).toEqual([pending]);
      const topups = (await get(`/admin/transactions?userId=${user.id}&type=TOPUP&status=SUCCESS`)).json();
      expect(topups.totals).toMatchObject({ count: 1, net: 100_000 });
      const future = new Date(bed.clock.now().getTime() + 86_400_000).toISOString();
      expect((await get(`/admin/transactions?userId=${user.id}&from=${future}`)).json().total).toBe(0);
    });

    it('bad filters are 400 naming the field; a user gets 404 as if the route did not exist', async () => {
      for (const query of ['type=GIFT', 'status=DONE', 'userId=nope', 'from=2026-12-01&to=2026-11-01', 'page=0']) {
        const res = await get(`/admin/transactions?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION_FAILED');
      }
      const user = await bed.user();
      expect((await get('/admin/transactions', user.headers)).statusCode).toBe(404);
    });
  });

  describe('GET /admin/transactions/pending-topups', () => {
    it('lists top-ups waiting for payment, oldest first, with their count and amount', async () => {
      const user = await bed.user();
      const first = await bed.startTopup(user, 11_000);
      const second = await bed.startTopup(user, 12_000);
      await paidTopup(user, 13_000);
      const res = await get('/admin/transactions/pending-topups?pageSize=100');
      expect(res.statusCode).toBe(200);
      const ids = res.json().items.map((t: { id: string }) => t.id);
      expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(second)).toBeGreaterThan(ids.indexOf(first));
      expect(res.json().items.every((t: { status: string; type: string }) => t.status === 'PENDING')).toBe(true);
      const all = await count(`select count(*) as n from transactions where type = 'TOPUP' and status = 'PENDING'`, []);
      expect(res.json().totals.count).toBe(all);
      // None of them is an hour old yet.
      expect((await get('/admin/transactions/pending-topups?olderThanMinutes=60')).json().total).toBe(0);
    });
  });

  describe('GET /admin/transactions/revenue', () => {
    it('per day: top-ups, charges, refunds, revenue; per service: charges by the service they were for', async () => {
      const before = (await get('/admin/transactions/revenue')).json();
      const user = await bed.user();
      await paidTopup(user, 500_000);
      const n8n = randomUUID();
      const ghost = randomUUID();
      const charge = await inTx((tx) =>
        billing.charge(tx, {
          userId: user.id,
          amount: 100_000,
          reference: 'sub-a',
          serviceId: n8n,
          idempotencyKey: randomUUID(),
        }),
      );
      await inTx((tx) =>
        billing.charge(tx, {
          userId: user.id,
          amount: 60_000,
          reference: 'sub-b',
          serviceId: ghost,
          idempotencyKey: randomUUID(),
        }),
      );
      await inTx((tx) =>
        billing.refund(tx, {
          userId: user.id,
          amount: 25_000,
          reference: 'sub-a',
          chargeTransactionId: charge.transaction.id,
          idempotencyKey: randomUUID(),
        }),
      );

      const res = await get('/admin/transactions/revenue');
      expect(res.statusCode, res.body).toBe(200);
      const revenue = res.json();
      const today = dayKey('Asia/Jakarta', bed.clock.now());
      expect(revenue).toMatchObject({ to: today, timeZone: 'Asia/Jakarta' });
      expect(revenue.days).toHaveLength(30);
      const todayBefore = before.days.at(-1);
      const todayNow = revenue.days.at(-1);
      expect(todayNow.date).toBe(today);
      expect(todayNow.topups - todayBefore.topups).toBe(500_000);
      expect(todayNow.charges - todayBefore.charges).toBe(160_000);
      expect(todayNow.refunds - todayBefore.refunds).toBe(25_000);
      expect(todayNow.revenue - todayBefore.revenue).toBe(135_000);
      expect(revenue.totals.revenue).toBe(revenue.totals.charges - revenue.totals.refunds);
      const byService = new Map(revenue.services.map((s: { serviceId: string }) => [s.serviceId, s]));
      expect(byService.get(n8n)).toEqual({
        serviceId: n8n,
        charges: 100_000,
        chargeCount: 1,
        refunds: 25_000,
        revenue: 75_000,
      });
      expect(byService.get(ghost)).toMatchObject({ charges: 60_000, refunds: 0, revenue: 60_000 });

      const oneDay = (await get(`/admin/transactions/revenue?from=${today}&to=${today}`)).json();
      expect(oneDay.days).toEqual([todayNow]);
    });

    it('a range over 366 days, reversed, or not a date is 400', async () => {
      for (const query of ['from=2024-01-01&to=2026-01-01', 'from=2026-02-01&to=2026-01-01', 'from=yesterday']) {
        const res = await get(`/admin/transactions/revenue?${query}`);
        expect(res.statusCode, query).toBe(400);
      }
    });
  });

  describe('POST /admin/users/{id}/adjustments', () => {
    const ledgerEntries = (userId: string) =>
      count('select count(*) as n from ledger_entries where user_id = $1', [userId]);
    const audits = (userId: string) =>
      count(`select count(*) as n from audit_log where action = 'admin.billing.adjusted' and target_id = $1`, [userId]);

    it('credits with a reason, in the ledger, audited in the same transaction; the same key again is the same adjustment', async () => {
      const user = await bed.user();
      const key = randomUUID();
      const first = await adjust(user.id, { amount: 75_000, reason: 'Goodwill for the outage of 3 Nov' }, key);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({
        balance: 75_000,
        replayed: false,
        transaction: {
          type: 'ADJUSTMENT',
          status: 'SUCCESS',
          amount: 75_000,
          reason: 'Goodwill for the outage of 3 Nov',
          actorId: admin.id,
          userId: user.id,
        },
      });
      const again = await adjust(user.id, { amount: 75_000, reason: 'Goodwill for the outage of 3 Nov' }, key);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ replayed: true, transaction: { id: first.json().transaction.id } });
      expect(await bed.balance(user.id)).toBe(75_000);
      expect(await ledgerEntries(user.id)).toBe(1);
      expect(await audits(user.id)).toBe(1);
      const { rows } = await pool().query(
        `select actor_id, details from audit_log where action = 'admin.billing.adjusted' and target_id = $1`,
        [user.id],
      );
      expect(rows[0]).toMatchObject({
        actor_id: admin.id,
        details: { amount: 75_000, reason: 'Goodwill for the outage of 3 Nov', balanceAfter: 75_000 },
      });
    });

    it('ten concurrent requests with one key make one adjustment', async () => {
      const user = await bed.user();
      const key = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => adjust(user.id, { amount: 5_000, reason: 'retry storm' }, key)),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.json().transaction.id)).size).toBe(1);
      expect(await bed.balance(user.id)).toBe(5_000);
      expect(await ledgerEntries(user.id)).toBe(1);
      expect(await audits(user.id)).toBe(1);
    });

    it('a debit may not take the balance below zero: 402 with required and available, nothing written', async () => {
      const user = await bed.user();
      expect((await adjust(user.id, { amount: 20_000, reason: 'credit' })).statusCode).toBe(201);
      const res = await adjust(user.id, { amount: -20_001, reason: 'claw back' });
      expect(res.statusCode).toBe(402);
      expect(res.json().error).toMatchObject({ code: 'INSUFFICIENT_CREDIT', required: 20_001, available: 20_000 });
      expect(await bed.balance(user.id)).toBe(20_000);
      expect(await ledgerEntries(user.id)).toBe(1);
      expect(await audits(user.id)).toBe(1);
      const exact = await adjust(user.id, { amount: -20_000, reason: 'claw back all' });
      expect(exact.statusCode).toBe(201);
      expect(exact.json().balance).toBe(0);
    });

    it('refuses what is wrong with a 400 naming it, an unknown user with a 404, a reused key with a 409', async () => {
      const user = await bed.user();
      const cases: [unknown, string | null, RegExp][] = [
        [{ amount: 1000, reason: 'ok reason' }, null, /idempotency-key/],
        [{ amount: 0, reason: 'zero' }, randomUUID(), /amount/],
        [{ amount: 10.5, reason: 'fraction' }, randomUUID(), /amount/],
        [{ amount: 1000 }, randomUUID(), /reason/],
        [{ amount: 1000, reason: '  ' }, randomUUID(), /reason/],
        [{ amount: 100_000_001, reason: 'too much' }, randomUUID(), /amount/],
        [{ amount: 1000, reason: 'bad key' }, 'not a key!', /idempotency-key/],
      ];
      for (const [body, key, message] of cases) {
        const res = await adjust(user.id, body, key);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(JSON.stringify(res.json().error)).toMatch(message);
      }
      expect(await ledgerEntries(user.id)).toBe(0);
      expect((await adjust(randomUUID(), { amount: 1000, reason: 'nobody' })).statusCode).toBe(404);
      const key = randomUUID();
      expect((await adjust(user.id, { amount: 1000, reason: 'first' }, key)).statusCode).toBe(201);
      const reused = await adjust(user.id, { amount: 2000, reason: 'another amount' }, key);
      expect(reused.statusCode).toBe(409);
      expect(await bed.balance(user.id)).toBe(1000);
    });

    it('a user cannot adjust anything (404, as if the route did not exist)', async () => {
      const user = await bed.user();
      const res = await adjust(user.id, { amount: 1_000_000, reason: 'free money' }, randomUUID(), user.headers);
      expect(res.statusCode).toBe(404);
      expect(await bed.balance(user.id)).toBe(0);
    });
  });
});
