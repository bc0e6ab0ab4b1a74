import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMidtrans, startFakeMidtrans } from '../../../test/helpers/midtrans-fake.js';
import {
  createMidtransGateway,
  type MidtransNotification,
  outcomeOf,
  PaymentGatewayError,
  parseGrossAmount,
} from './midtrans.js';

const serverKey = 'SB-Mid-server-test';
/** Computed outside this code: printf '%s' 'topup-2' '200' '25000.00' 'SB-Mid-server-test' | sha512sum */
const TOPUP_2_SETTLEMENT_SIGNATURE =
  'f8b23e864fae8bd3ab52999f8b9898e6f5cde7c41a9b123d4db244e89db4932a5e873c5a4d1d7e229b1c14e9feaf5295378a35eefdc494217e0c6d82df83fb53';

describe('the Midtrans adapter', () => {
  let midtrans: FakeMidtrans;
  let silent: Server;
  let silentUrl: string;
  beforeAll(async () => {
    midtrans = await startFakeMidtrans({ serverKey });
    // Accepts connections and never answers.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await midtrans.close();
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  const gateway = (overrides: Partial<Parameters<typeof createMidtransGateway>[0]> = {}) =>
    createMidtransGateway({ serverKey, snapUrl: midtrans.url, apiUrl: midtrans.url, timeoutMs: 2_000, ...overrides });
  const snapInput = (orderId: string) => ({
    orderId,
    grossAmount: 25_000,
    customer: { email: 'ayu@example.test', name: 'Ayu' },
    item: { id: 'credit-topup', name: 'Kapal credit top-up' },
    enabledPayments: ['qris', 'bca_va'],
    expiryMinutes: 60,
  });

  it('checks the signature against a test vector computed outside the code, in constant time', () => {
    const notification: MidtransNotification = {
      order_id: 'topup-2',
      status_code: '200',
      gross_amount: '25000.00',
      signature_key: TOPUP_2_SETTLEMENT_SIGNATURE,
      transaction_status: 'settlement',
    };
    const g = gateway();
    expect(g.isAuthentic(notification)).toBe(true);
    expect(g.isAuthentic({ ...notification, signature_key: TOPUP_2_SETTLEMENT_SIGNATURE.toUpperCase() })).toBe(true);
    expect(g.isAuthentic({ ...notification, gross_amount: '250000.00' })).toBe(false);
    expect(g.isAuthentic({ ...notification, status_code: '201' })).toBe(false);
    expect(g.isAuthentic({ ...notification, signature_key: 'abc' })).toBe(false);
    expect(gateway({ serverKey: 'another-key' }).isAuthentic(notification)).toBe(false);
  });

  it('maps transaction_status and fraud_status to what they mean for the money', () => {
    expect(outcomeOf('settlement')).toBe('paid');
    expect(outcomeOf('capture', 'accept')).toBe('paid');
    expect(outcomeOf('capture', 'challenge')).toBe('pending');
    expect(outcomeOf('capture', 'deny')).toBe('failed');
    expect(outcomeOf('pending')).toBe('pending');
    for (const failed of ['deny', 'cancel', 'failure']) expect(outcomeOf(failed)).toBe('failed');
    expect(outcomeOf('expire')).toBe('expired');
    expect(outcomeOf('refund')).toBe('other');
  });

  it('reads gross_amount as whole rupiah only', () => {
    expect(parseGrossAmount('25000.00')).toBe(25_000);
    expect(parseGrossAmount('25000')).toBe(25_000);
    expect(parseGrossAmount('25000.50')).toBeUndefined();
    expect(parseGrossAmount('-1')).toBeUndefined();
    expect(parseGrossAmount('1e6')).toBeUndefined();
  });

  it('creates a Snap transaction and reads its status from the configured base URLs', async () => {
    const g = gateway();
    const snap = await g.createSnapTransaction(snapInput('order-a'));
    expect(snap.token).toBe(midtrans.transactions.get('order-a')!.token);
    expect(midtrans.transactions.get('order-a')!.request).toMatchObject({
      transaction_details: { order_id: 'order-a', gross_amount: 25_000 },
      enabled_payments: ['qris', 'bca_va'],
      expiry: { unit: 'minutes', duration: 60 },
    });
    midtrans.setStatus('order-a', 'settlement');
    const status = await g.getStatus('order-a');
    expect(status).toMatchObject({ order_id: 'order-a', transaction_status: 'settlement', gross_amount: '25000.00' });
    expect(g.isAuthentic(status!)).toBe(true);
    expect(await g.getStatus('no-such-order')).toBeNull();
  });

  it('fails with typed errors: refused (4xx), wrong key, no answer in time, nothing listening', async () => {
    const g = gateway();
    await g.createSnapTransaction(snapInput('order-dup'));
    await expect(g.createSnapTransaction(snapInput('order-dup'))).rejects.toMatchObject({
      name: 'PaymentGatewayError',
      kind: 'rejected',
      status: 400,
    });
    await expect(gateway({ serverKey: 'wrong' }).createSnapTransaction(snapInput('order-x'))).rejects.toMatchObject({
      kind: 'rejected',
      status: 401,
    });
    const started = Date.now();
    const timedOut = await gateway({ snapUrl: silentUrl, timeoutMs: 200 })
      .createSnapTransaction(snapInput('order-y'))
      .catch((err) => err);
    expect(timedOut).toBeInstanceOf(PaymentGatewayError);
    expect(timedOut).toMatchObject({ kind: 'unavailable', message: 'Midtrans Snap create: no answer within 200 ms' });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(gateway({ apiUrl: 'http://127.0.0.1:9' }).getStatus('order-a')).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });
});
