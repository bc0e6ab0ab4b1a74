import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { topupPayments, transactions } from '../../src/modules/billing/billing.tables.js';
import type { Clock } from '../../src/platform/clock.js';
import { createUserWithToken, type TestUser } from './auth.js';
import { type FakeMidtrans, startFakeMidtrans } from './midtrans-fake.js';
import { startTestRuntime, type TestRuntime } from './test-runtime.js';

export const MIDTRANS_TEST_SERVER_KEY = 'SB-Mid-server-billing-test';

/** A clock the test moves forward (`advance`), to reach "15 minutes later" or "after the page expired" at once. */
export function testClock(): Clock & { advance(ms: number): void; reset(): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
    /** Back to real time (access tokens are signed in real time: a moved clock expires them). */
    reset() {
      offset = 0;
    },
  };
}

export interface BillingBed {
  t: TestRuntime;
  midtrans: FakeMidtrans;
  clock: ReturnType<typeof testClock>;
  /** Where the fake Midtrans POSTs notifications: the API listening on a local port. */
  webhookUrl: string;
  user(options?: Parameters<typeof createUserWithToken>[1]): Promise<TestUser>;
  /** POST /billing/topups as `user`; returns the transaction id (the Midtrans order id). */
  startTopup(user: TestUser, amount: number): Promise<string>;
  balance(userId: string): Promise<number>;
  close(): Promise<void>;
}

/** The real platform with the fake Midtrans behind MIDTRANS_SNAP_URL / MIDTRANS_API_URL, listening on 127.0.0.1. */
export async function startBillingBed(options: { env?: Record<string, string> } = {}): Promise<BillingBed> {
  const midtrans = await startFakeMidtrans({ serverKey: MIDTRANS_TEST_SERVER_KEY });
  const clock = testClock();
  let t: TestRuntime;
  try {
    t = await startTestRuntime({
      env: {
        MIDTRANS_SERVER_KEY: MIDTRANS_TEST_SERVER_KEY,
        MIDTRANS_SNAP_URL: midtrans.url,
        MIDTRANS_API_URL: midtrans.url,
        MIDTRANS_REQUEST_TIMEOUT_MS: '5000',
        ...options.env,
      },
      overrides: { clock },
    });
  } catch (err) {
    await midtrans.close();
    throw err;
  }
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return {
    t,
    midtrans,
    clock,
    webhookUrl: `http://127.0.0.1:${port}/api/v1/webhooks/midtrans`,
    user: (o) => createUserWithToken(t, o),
    async startTopup(user, amount) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/billing/topups',
        headers: user.headers,
        payload: { amount },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().transaction.id as string;
    },
    async balance(userId) {
      const { rows } = await t.runtime.database.pool.query<{ balance: string }>(
        'select balance from credit_balances where user_id = $1',
        [userId],
      );
      return Number(rows[0]?.balance ?? 0);
    },
    async close() {
      await t.close();
      await midtrans.close();
    },
  };
}

/**
 * A PENDING top-up of `userId` with a payment page valid for a day, written straight to the database
 * (no Midtrans involved), for tests of the routes around it (the authorization matrix).
 */
export async function aPendingTopupOf(t: Pick<TestRuntime, 'runtime'>, userId: string): Promise<string> {
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + 24 * 3600_000);
  await t.runtime.database.db.insert(transactions).values({
    id,
    userId,
    type: 'TOPUP',
    status: 'PENDING',
    amount: 10_000,
    idempotencyKey: `topup:${id}`,
    midtransOrderId: id,
    snapToken: `token-${id}`,
    snapRedirectUrl: `https://app.sandbox.midtrans.com/snap/v4/redirection/token-${id}`,
    paymentExpiresAt: expiresAt,
  });
  await t.runtime.database.db.insert(topupPayments).values({
    orderId: id,
    transactionId: id,
    snapToken: `token-${id}`,
    snapRedirectUrl: `https://app.sandbox.midtrans.com/snap/v4/redirection/token-${id}`,
    expiresAt,
  });
  return id;
}
