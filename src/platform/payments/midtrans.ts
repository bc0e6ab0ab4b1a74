import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Midtrans, behind an interface we own: Snap (create a payment page), the status API, and the signature
 * of HTTP notifications. Written on `fetch` (the official client hard-codes Midtrans' hosts): base URLs
 * come from configuration, every call has a timeout, and failures are typed (`PaymentGatewayError`).
 */
export interface PaymentGateway {
  /** A Snap transaction for `orderId`: the token for Snap.js and the hosted payment page. */
  createSnapTransaction(input: SnapTransactionInput): Promise<SnapTransaction>;
  /** What Midtrans knows of an order (the body is a notification's twin, signed alike); null if it has none. */
  getStatus(orderId: string): Promise<MidtransNotification | null>;
  /** Whether `signature_key` is SHA512(order_id + status_code + gross_amount + server key); constant time. */
  isAuthentic(notification: MidtransNotification): boolean;
}

export interface SnapTransactionInput {
  orderId: string;
  /** Integer rupiah. */
  grossAmount: number;
  customer: { email: string; name: string };
  item: { id: string; name: string };
  /** Midtrans `enabled_payments` codes (qris, gopay, bca_va, credit_card, ...). */
  enabledPayments: readonly string[];
  expiryMinutes: number;
  finishUrl?: string;
}

export interface SnapTransaction {
  token: string;
  redirectUrl: string;
}

/** A failed call to Midtrans: `unavailable` (no answer in time, network, 5xx: worth retrying) or `rejected` (4xx). */
export class PaymentGatewayError extends Error {
  override name = 'PaymentGatewayError';
  constructor(
    readonly kind: 'unavailable' | 'rejected',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The fields of a notification (and of a status answer) that we act on; others are kept in the raw body. */
export const midtransNotification = z.looseObject({
  order_id: z.string().min(1).max(100),
  status_code: z.string().regex(/^\d{3}$/),
  gross_amount: z.string().regex(/^\d+(\.\d{1,2})?$/),
  signature_key: z.string().min(1).max(256),
  transaction_status: z.string().min(1).max(50),
  fraud_status: z.string().max(50).optional(),
  currency: z.string().max(10).optional(),
  payment_type: z.string().max(50).optional(),
  transaction_id: z.string().max(100).optional(),
});
export type MidtransNotification = z.output<typeof midtransNotification>;

/** Midtrans' payment codes accepted in MIDTRANS_ENABLED_PAYMENTS (Snap `enabled_payments`). */
export const MIDTRANS_PAYMENT_CODES = [
  'credit_card',
  'qris',
  'gopay',
  'shopeepay',
  'dana',
  'other_qris',
  'bca_va',
  'bni_va',
  'bri_va',
  'cimb_va',
  'permata_va',
  'other_va',
  'echannel',
  'indomaret',
  'alfamart',
  'akulaku',
  'kredivo',
  'bca_klikbca',
  'bca_klikpay',
  'bri_epay',
  'cimb_clicks',
  'danamon_online',
  'uob_ezpay',
] as const;

/**
 * What a Midtrans status means for the money: `paid` (settlement, or capture with fraud accept),
 * `pending` (pending, authorize, capture under challenge), `failed` (deny, cancel, failure, capture denied),
 * `expired`, or `other` (refund, chargeback, ...: not something a top-up acts on).
 */
export type PaymentOutcome = 'paid' | 'pending' | 'failed' | 'expired' | 'other';

export function outcomeOf(transactionStatus: string, fraudStatus?: string): PaymentOutcome {
  switch (transactionStatus) {
    case 'settlement':
      return 'paid';
    case 'capture':
      if (fraudStatus === 'challenge') return 'pending';
      if (fraudStatus === 'deny') return 'failed';
      // Card captures without a fraud verdict are accepted: Midtrans sends `accept` or nothing.
      return 'paid';
    case 'pending':
    case 'authorize':
      return 'pending';
    case 'deny':
    case 'cancel':
    case 'failure':
      return 'failed';
    case 'expire':
      return 'expired';
    default:
      return 'other';
  }
}

/** `"10000.00"` → 10000; anything with non-zero cents or not a number → undefined. */
export function parseGrossAmount(grossAmount: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(grossAmount);
  if (!match || Number(match[2] ?? '0') !== 0) return undefined;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : undefined;
}

export function midtransSignature(orderId: string, statusCode: string, grossAmount: string, serverKey: string): string {
  return createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${serverKey}`).digest('hex');
}

export interface MidtransOptions {
  serverKey: string;
  /** https://app.sandbox.midtrans.com or https://app.midtrans.com (or a fake's URL in tests). */
  snapUrl: string;
  /** https://api.sandbox.midtrans.com or https://api.midtrans.com. */
  apiUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function createMidtransGateway(options: MidtransOptions): PaymentGateway {
  const doFetch = options.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${options.serverKey}:`).toString('base64')}`;
  const base = (url: string) => url.replace(/\/+$/, '');

  async function call(what: string, url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await doFetch(url, {
        ...init,
        headers: { accept: 'application/json', authorization, ...(init.headers ?? {}) },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new PaymentGatewayError(
        'unavailable',
        timedOut
          ? `Midtrans ${what}: no answer within ${options.timeoutMs} ms`
          : `Midtrans ${what}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      throw new PaymentGatewayError('unavailable', `Midtrans ${what}: the answer broke off (${String(err)})`);
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { raw: text.slice(0, 500) };
    }
    return { status: response.status, body };
  }

  const messagesOf = (body: unknown) => {
    const messages = (body as { error_messages?: unknown; status_message?: unknown } | null) ?? {};
    if (Array.isArray(messages.error_messages)) return messages.error_messages.join('; ');
    return typeof messages.status_message === 'string' ? messages.status_message : JSON.stringify(body).slice(0, 300);
  };

  const failure = (what: string, status: number, body: unknown) =>
    new PaymentGatewayError(
      status >= 500 || status === 429 ? 'unavailable' : 'rejected',
      `Midtrans ${what}: HTTP ${status}: ${messagesOf(body)}`,
      status,
    );

  return {
    async createSnapTransaction(input) {
      const what = 'Snap create';
      const { status, body } = await call(what, `${base(options.snapUrl)}/snap/v1/transactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          transaction_details: { order_id: input.orderId, gross_amount: input.grossAmount },
          item_details: [{ id: input.item.id, price: input.grossAmount, quantity: 1, name: input.item.name }],
          customer_details: { first_name: input.customer.name.slice(0, 255), email: input.customer.email },
          enabled_payments: input.enabledPayments,
          expiry: { unit: 'minutes', duration: input.expiryMinutes },
          ...(input.finishUrl ? { callbacks: { finish: input.finishUrl } } : {}),
        }),
      });
      if (status !== 200 && status !== 201) throw failure(what, status, body);
      const parsed = z.object({ token: z.string().min(1), redirect_url: z.url() }).safeParse(body);
      if (!parsed.success) throw new PaymentGatewayError('rejected', `Midtrans ${what}: unexpected answer`, status);
      return { token: parsed.data.token, redirectUrl: parsed.data.redirect_url };
    },

    async getStatus(orderId) {
      const what = 'status';
      const { status, body } = await call(what, `${base(options.apiUrl)}/v2/${encodeURIComponent(orderId)}/status`, {
        method: 'GET',
      });
      // Midtrans answers an unknown order with HTTP 404, or with HTTP 200 and status_code "404" in the body.
      const bodyCode = (body as { status_code?: unknown } | null)?.status_code;
      if (status === 404 || bodyCode === '404') return null;
      if (status !== 200) throw failure(what, status, body);
      const parsed = midtransNotification.safeParse(body);
      if (!parsed.success) {
        throw new PaymentGatewayError('rejected', `Midtrans ${what}: unexpected answer for order ${orderId}`, status);
      }
      return parsed.data;
    },

    isAuthentic(notification) {
      const expected = Buffer.from(
        midtransSignature(
          notification.order_id,
          notification.status_code,
          notification.gross_amount,
          options.serverKey,
        ),
        'utf8',
      );
      const given = Buffer.from(notification.signature_key.toLowerCase(), 'utf8');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
