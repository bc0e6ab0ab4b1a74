import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../../test/helpers/auth.js';
import { type BillingBed, startBillingBed } from '../../../test/helpers/billing.js';
import type { BillingPort } from './ledger.js';
import { createOverviewService } from './overview.service.js';
import { noSubscriptionSpendYet } from './subscription-spend.js';

describe('GET /billing/overview', () => {
  let bed: BillingBed;
  let billing: BillingPort;
  beforeAll(async () => {
    bed = await startBillingBed();
    billing = bed.t.runtime.modules.ports.billing!;
  });
  afterAll(() => bed?.close());

  const overviewOf = async (user: TestUser) => {
    const res = await bed.t.app.inject({ method: 'GET', url: '/api/v1/billing/overview', headers: user.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const inTx = <T>(fn: Parameters<typeof bed.t.runtime.database.transaction<T>>[0]) =>
    bed.t.runtime.database.transaction(fn);
  async function paidTopup(user: TestUser, amount: number) {
    const id = await bed.startTopup(user, amount);
    bed.midtrans.setStatus(id, 'settlement');
    expect((await bed.midtrans.notify(id, bed.webhookUrl)).status).toBe(200);
  }

  it('a new user: nothing anywhere, and no runway figure because nothing burns', async () => {
    const user = await bed.user();
    const overview = await overviewOf(user);
    expect(overview).toMatchObject({
      balance: 0,
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
      thisMonth: { spend: 0, topups: { count: 0, amount: 0 } },
      lastMonth: { spend: 0, topups: { count: 0, amount: 0 } },
      pendingTopups: { count: 0, amount: 0 },
      upcomingRenewals: { total: 0, shortfall: 0, items: [] },
      burn: { monthly: 0, daily: 0 },
      runway: { days: null, until: null },
    });
    // The months are Jakarta's: they start at 17:00 UTC of the day before.
    expect(overview.thisMonth.from).toMatch(/T17:00:00\.000Z$/);
    expect(overview.lastMonth.to).toBe(overview.thisMonth.from);
  });

  it('this month: top-ups received, spend as charges less refunds, pending top-ups; others see none of it', async () => {
    const user = await bed.user();
    const other = await bed.user();
    await paidTopup(user, 200_000);
    await paidTopup(user, 50_000);
    await bed.startTopup(user, 30_000); // left pending
    const charge = await inTx((tx) =>
      billing.charge(tx, { userId: user.id, amount: 80_000, reference: 'sub', idempotencyKey: randomUUID() }),
    );
    await inTx((tx) =>
      billing.refund(tx, {
        userId: user.id,
        amount: 10_000,
        reference: 'sub',
        chargeTransactionId: charge.transaction.id,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(await overviewOf(user)).toMatchObject({
      balance: 180_000,
      thisMonth: { spend: 70_000, topups: { count: 2, amount: 250_000 } },
      lastMonth: { spend: 0, topups: { count: 0, amount: 0 } },
      pendingTopups: { count: 1, amount: 30_000 },
      runway: { days: null },
    });
    expect(await overviewOf(other)).toMatchObject({ balance: 0, thisMonth: { spend: 0 }, pendingTopups: { count: 0 } });
  });

  it('the runway is the days the balance lasts at the burn of the subscriptions (through the subscriptionSpend port)', async () => {
    const user = await bed.user();
    await paidTopup(user, 100_000);
    const now = bed.clock.now();
    const renewsAt = new Date(now.getTime() + 3 * 86_400_000);
    // What the subscriptions module will answer: one plan of 300,000 IDR per 30 days renewing in 3 days.
    const overview = createOverviewService({
      database: bed.t.runtime.database,
      clock: bed.clock,
      timeZone: 'Asia/Jakarta',
      subscriptionSpend: () => ({
        upcomingRenewals: async (_db, userId) =>
          userId === user.id
            ? [
                {
                  subscriptionId: randomUUID(),
                  name: 'my-n8n',
                  serviceId: null,
                  planId: null,
                  amount: 300_000,
                  renewsAt,
                },
              ]
            : [],
        monthlyBurn: async (_db, userId) => (userId === user.id ? 300_000 : 0),
      }),
    });
    const figures = await overview.overview(user.id);
    expect(figures).toMatchObject({
      balance: 100_000,
      burn: { monthly: 300_000, daily: 10_000 },
      runway: { days: 10, until: new Date(now.getTime() + 10 * 86_400_000).toISOString() },
      upcomingRenewals: { total: 300_000, shortfall: 200_000 },
    });
    expect(figures.upcomingRenewals.items).toEqual([expect.objectContaining({ name: 'my-n8n', amount: 300_000 })]);
  });

  it('is 401 without a token', async () => {
    const res = await bed.t.app.inject({ method: 'GET', url: '/api/v1/billing/overview' });
    expect(res.statusCode).toBe(401);
  });

  // Last: it moves the shared clock a month on.
  it('a month later, this month becomes last month', async () => {
    const user = await bed.user();
    await paidTopup(user, 40_000);
    await inTx((tx) =>
      billing.charge(tx, { userId: user.id, amount: 15_000, reference: 'sub', idempotencyKey: randomUUID() }),
    );
    // To one hour into next month (whatever the length of this one).
    const { thisMonth } = await overviewOf(user);
    bed.clock.advance(Date.parse(thisMonth.to) - bed.clock.now().getTime() + 3_600_000);
    // Access tokens expire a month on: ask the service (built as the module builds it) directly.
    const overview = createOverviewService({
      database: bed.t.runtime.database,
      clock: bed.clock,
      timeZone: 'Asia/Jakarta',
      subscriptionSpend: () => noSubscriptionSpendYet,
    });
    expect(await overview.overview(user.id)).toMatchObject({
      balance: 25_000,
      thisMonth: { spend: 0, topups: { count: 0, amount: 0 } },
      lastMonth: { spend: 15_000, topups: { count: 1, amount: 40_000 } },
    });
  });
});
