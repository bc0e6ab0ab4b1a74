import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Midtrans (we cannot reach it from tests), speaking its documented protocol:
 *  - Snap:   POST /snap/v1/transactions              → 201 { token, redirect_url }
 *  - Status: GET  /v2/{order_id}/status               → the transaction status object
 *  - HTTP notifications to the merchant, signed with
 *            signature_key = SHA512(order_id + status_code + gross_amount + server_key)
 * Both APIs require HTTP Basic auth with the server key as user name and an empty password.
 */

export type TransactionStatus = 'pending' | 'settlement' | 'capture' | 'deny' | 'cancel' | 'expire' | 'refund';

export interface FakeTransaction {
  orderId: string;
  grossAmount: number;
  token: string;
  transactionId: string;
  status: TransactionStatus;
  paymentType: string;
  createdAt: Date;
  request: unknown;
}

const STATUS_CODES: Record<TransactionStatus, string> = {
  pending: '201',
  settlement: '200',
  capture: '200',
  refund: '200',
  deny: '202',
  cancel: '202',
  expire: '407',
};

export function midtransSignature(orderId: string, statusCode: string, grossAmount: string, serverKey: string): string {
  return createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${serverKey}`).digest('hex');
}

function midtransTime(date: Date): string {
  // Midtrans reports times in Asia/Jakarta (UTC+7) as "YYYY-MM-DD HH:mm:ss".
  return new Date(date.getTime() + 7 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The fake speaks what a browser sees of Snap too: the payment page at the transaction's `redirect_url`.
 * Paying there settles the transaction, POSTs the signed notification to `notificationUrl` (Midtrans'
 * "Payment Notification URL", set in its dashboard) and sends the browser to the merchant's
 * `callbacks.finish` with `order_id`, `status_code` and `transaction_status`, as Snap does.
 */
export async function startFakeMidtrans(options: { serverKey: string; notificationUrl?: string }) {
  const transactions = new Map<string, FakeTransaction>();
  const requests: { method: string; path: string }[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${options.serverKey}:`).toString('base64')}`;

  const statusBody = (t: FakeTransaction) => {
    const grossAmount = `${t.grossAmount}.00`;
    const statusCode = STATUS_CODES[t.status];
    return {
      status_code: statusCode,
      status_message: t.status === 'pending' ? 'Success, transaction is found' : 'Success, transaction is found',
      transaction_id: t.transactionId,
      order_id: t.orderId,
      gross_amount: grossAmount,
      currency: 'IDR',
      payment_type: t.paymentType,
      transaction_time: midtransTime(t.createdAt),
      transaction_status: t.status,
      fraud_status: 'accept',
      signature_key: midtransSignature(t.orderId, statusCode, grossAmount, options.serverKey),
    };
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const readJson = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  };

  const byToken = (token: string) => [...transactions.values()].find((t) => t.token === token);

  const paymentPage = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const match = /^\/snap\/v4\/redirection\/([^/]+)(\/pay)?$/.exec(path);
    if (!match) return false;
    const t = byToken(decodeURIComponent(match[1]!));
    if (!t) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><p>This payment link is not valid.</p>');
      return true;
    }
    if (req.method === 'POST' && match[2]) {
      if (t.status === 'pending') {
        t.status = 'settlement';
        t.paymentType = 'qris';
        if (options.notificationUrl) await api.notify(t.orderId, options.notificationUrl).catch(() => undefined);
      }
      const finish = (t.request as { callbacks?: { finish?: string } }).callbacks?.finish;
      const body = statusBody(t);
      const target = finish
        ? `${finish}${finish.includes('?') ? '&' : '?'}order_id=${encodeURIComponent(t.orderId)}&status_code=${body.status_code}&transaction_status=${t.status}`
        : `${url}/snap/v4/redirection/${t.token}`;
      res.writeHead(303, { location: target });
      res.end();
      return true;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Snap (test)</title></head><body>` +
        `<main><h1>Pay Rp ${t.grossAmount.toLocaleString('id-ID')}</h1><p>Order ${escapeHtml(t.orderId)}: ${t.status}</p>` +
        `<form method="post" action="/snap/v4/redirection/${encodeURIComponent(t.token)}/pay">` +
        `<button type="submit">Pay now</button></form></main></body></html>`,
    );
    return true;
  };

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path });
    // The payment page is what the customer's browser opens: no server key there.
    if (await paymentPage(req, res, path)) return;
    if (req.headers.authorization !== expectedAuth) {
      return send(res, 401, {
        status_code: '401',
        error_messages: ['Access denied due to unauthorized transaction, please check client or server key'],
      });
    }
    if (req.method === 'POST' && path === '/snap/v1/transactions') {
      let body: { transaction_details?: { order_id?: unknown; gross_amount?: unknown } };
      try {
        body = (await readJson(req)) as typeof body;
      } catch {
        return send(res, 400, { error_messages: ['Invalid JSON'] });
      }
      const orderId = body.transaction_details?.order_id;
      const grossAmount = body.transaction_details?.gross_amount;
      const errors: string[] = [];
      if (typeof orderId !== 'string' || orderId.length === 0 || orderId.length > 50)
        errors.push('transaction_details.order_id is required');
      if (typeof grossAmount !== 'number' || !Number.isInteger(grossAmount) || grossAmount < 1)
        errors.push('transaction_details.gross_amount must be an integer greater than or equal to 1');
      if (typeof orderId === 'string' && transactions.has(orderId))
        errors.push('transaction_details.order_id has already been taken');
      if (errors.length > 0) return send(res, 400, { error_messages: errors });
      const token = randomUUID();
      transactions.set(orderId as string, {
        orderId: orderId as string,
        grossAmount: grossAmount as number,
        token,
        transactionId: randomUUID(),
        status: 'pending',
        paymentType: 'bank_transfer',
        createdAt: new Date(),
        request: body,
      });
      return send(res, 201, { token, redirect_url: `${url}/snap/v4/redirection/${token}` });
    }
    const statusMatch = /^\/v2\/([^/]+)\/status$/.exec(path);
    if (req.method === 'GET' && statusMatch) {
      const t = transactions.get(decodeURIComponent(statusMatch[1]!));
      if (!t) return send(res, 404, { status_code: '404', status_message: "Transaction doesn't exist." });
      return send(res, 200, statusBody(t));
    }
    return send(res, 404, { status_code: '404', status_message: 'Not found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const api = {
    /** Use as both MIDTRANS_SNAP_URL and MIDTRANS_API_URL. */
    url,
    transactions,
    requests,
    /** The customer pays (or the payment fails/expires): the transaction changes status. */
    setStatus(orderId: string, status: TransactionStatus, paymentType = 'bank_transfer') {
      const t = transactions.get(orderId);
      if (!t) throw new Error(`fake Midtrans has no transaction ${orderId}`);
      t.status = status;
      t.paymentType = paymentType;
      return statusBody(t);
    },
    /** The notification body Midtrans would send for the transaction's current status. */
    notificationFor(orderId: string) {
      const t = transactions.get(orderId);
      if (!t) throw new Error(`fake Midtrans has no transaction ${orderId}`);
      return statusBody(t);
    },
    /** POSTs the signed HTTP notification to the merchant, as Midtrans does; returns the answer. */
    async notify(orderId: string, notificationUrl: string, override: Record<string, unknown> = {}) {
      const response = await fetch(notificationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...this.notificationFor(orderId), ...override }),
      });
      return { status: response.status, body: await response.text() };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}

export type FakeMidtrans = Awaited<ReturnType<typeof startFakeMidtrans>>;
