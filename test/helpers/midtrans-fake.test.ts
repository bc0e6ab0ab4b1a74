import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMidtrans, startFakeMidtrans } from './midtrans-fake.js';

const serverKey = 'SB-Mid-server-test';

/**
 * Midtrans documents signature_key = SHA512(order_id + status_code + gross_amount + ServerKey). The
 * expected value was computed once, outside this code:
 *   printf '%s' 'topup-2' '200' '25000.00' 'SB-Mid-server-test' | sha512sum
 */
const TOPUP_2_SETTLEMENT_SIGNATURE =
  'f8b23e864fae8bd3ab52999f8b9898e6f5cde7c41a9b123d4db244e89db4932a5e873c5a4d1d7e229b1c14e9feaf5295378a35eefdc494217e0c6d82df83fb53';
const auth = `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`;

describe('fake Midtrans speaks the documented protocol', () => {
  let midtrans: FakeMidtrans;
  beforeAll(async () => {
    midtrans = await startFakeMidtrans({ serverKey });
  });
  afterAll(() => midtrans.close());

  const createSnap = (body: unknown, authorization = auth) =>
    fetch(`${midtrans.url}/snap/v1/transactions`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates a Snap transaction, reports its status, and refuses a reused order id', async () => {
    const res = await createSnap({ transaction_details: { order_id: 'topup-1', gross_amount: 50_000 } });
    expect(res.status).toBe(201);
    const snap = (await res.json()) as { token: string; redirect_url: string };
    expect(snap.redirect_url).toBe(`${midtrans.url}/snap/v4/redirection/${snap.token}`);

    const status = await fetch(`${midtrans.url}/v2/topup-1/status`, { headers: { authorization: auth } }).then((r) =>
      r.json(),
    );
    expect(status).toMatchObject({
      order_id: 'topup-1',
      transaction_status: 'pending',
      status_code: '201',
      gross_amount: '50000.00',
    });

    const again = await createSnap({ transaction_details: { order_id: 'topup-1', gross_amount: 50_000 } });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error_messages: string[] }).error_messages).toContain(
      'transaction_details.order_id has already been taken',
    );
  });

  it('refuses a wrong server key and an unknown order', async () => {
    expect(
      (await createSnap({ transaction_details: { order_id: 'x', gross_amount: 1 } }, 'Basic d3Jvbmc6')).status,
    ).toBe(401);
    const res = await fetch(`${midtrans.url}/v2/nope/status`, { headers: { authorization: auth } });
    expect(res.status).toBe(404);
  });

  it('the documented formula gives the published test vector (node:crypto over the literal strings)', () => {
    const signature = createHash('sha512')
      .update('topup-2' + '200' + '25000.00' + 'SB-Mid-server-test')
      .digest('hex');
    expect(signature).toBe(TOPUP_2_SETTLEMENT_SIGNATURE);
  });

  it('sends a notification signed with SHA512(order_id + status_code + gross_amount + server key)', async () => {
    const received: Record<string, string>[] = [];
    const merchant = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
    try {
      await createSnap({ transaction_details: { order_id: 'topup-2', gross_amount: 25_000 } });
      midtrans.setStatus('topup-2', 'settlement', 'qris');
      const answer = await midtrans.notify('topup-2', `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/`);
      expect(answer.status).toBe(200);
      const [n] = received;
      expect(n).toMatchObject({
        order_id: 'topup-2',
        transaction_status: 'settlement',
        status_code: '200',
        payment_type: 'qris',
      });
      expect(n).toMatchObject({ gross_amount: '25000.00' });
      expect(n!.signature_key).toBe(TOPUP_2_SETTLEMENT_SIGNATURE);
    } finally {
      await new Promise((resolve) => merchant.close(resolve));
    }
  });
});
