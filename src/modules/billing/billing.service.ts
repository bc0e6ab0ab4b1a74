import { randomUUID } from 'node:crypto';
import type { AppJobCatalog } from '../../jobs.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db/db.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import {
  type MidtransNotification,
  midtransNotification,
  outcomeOf,
  type PaymentGateway,
  PaymentGatewayError,
  parseGrossAmount,
} from '../../platform/payments/midtrans.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';
import { findAccount } from '../accounts/index.js';
import type { TransactionView } from './billing.http.js';
import type { BillingMetrics } from './billing.metrics.js';
import { type NotificationVerdict, billingRepository as repo, type TransactionFilter } from './billing.repository.js';
import type { Ledger, TransactionRow } from './ledger.js';

export interface BillingServiceDeps {
  database: Pick<Database, 'db' | 'transaction'>;
  ledger: Ledger;
  gateway: PaymentGateway;
  clock: Clock;
  jobs: Pick<JobProducer<AppJobCatalog>, 'enqueue'>;
  logger: Logger;
  /** Notifications by source and verdict, webhook signature failures (billing.metrics.ts). */
  metrics?: Pick<BillingMetrics, 'notifications' | 'signatureFailures'>;
  settings: {
    enabledPayments: readonly string[];
    topupExpiryMinutes: number;
    /** Where Midtrans sends the customer back after paying (the dashboard). */
    finishUrl?: string;
  };
}

/** A top-up PENDING this long without a notification is asked about (the sync job). */
export const STATUS_SYNC_AFTER_MINUTES = 15;
/** A Snap page this close to its expiry is not handed out again: a fresh one is made. */
const PAYMENT_PAGE_MARGIN_MS = 60_000;

/** The answer to a notification: the HTTP status for Midtrans and what we did. */
export interface NotificationResult {
  httpStatus: number;
  verdict: NotificationVerdict;
  message: string;
  transactionId?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toTransactionView(row: TransactionRow): TransactionView {
  const payable = row.type === 'TOPUP' && row.status === 'PENDING' && row.snapToken && row.snapRedirectUrl;
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    amount: row.amount,
    currency: 'IDR',
    description: row.description,
    paymentMethod: row.paymentMethod,
    reference: row.reference,
    reason: row.reason,
    relatedTransactionId: row.relatedTransactionId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: iso(row.completedAt),
    payment: payable
      ? { token: row.snapToken!, redirectUrl: row.snapRedirectUrl!, expiresAt: row.paymentExpiresAt!.toISOString() }
      : null,
  };
}

/** Midtrans failures as the API reports them: no internals, a hint whether to retry. */
function gatewayFailure(err: unknown): never {
  if (err instanceof PaymentGatewayError) {
    throw err.kind === 'unavailable'
      ? new AppError('DEPENDENCY_UNAVAILABLE', 'The payment gateway did not answer; try again in a moment')
      : new AppError('DEPENDENCY_FAILED', 'The payment gateway refused to start the payment');
  }
  throw err;
}

export function createBillingService(deps: BillingServiceDeps) {
  const { database, ledger, gateway, clock, logger } = deps;
  const db = database.db;

  async function requireOwned(userId: string, id: string): Promise<TransactionRow> {
    const row = await repo.findOwned(db, userId, id);
    if (!row) throw notFound('Transaction');
    return row;
  }

  async function requirePendingTopup(userId: string, id: string): Promise<TransactionRow> {
    const row = await requireOwned(userId, id);
    if (row.type !== 'TOPUP')
      throw conflict(`This is a ${row.type} transaction; only a top-up is paid through Midtrans`);
    if (row.status !== 'PENDING')
      throw conflict(`This top-up is ${row.status}; only a PENDING top-up can be paid or cancelled`);
    return row;
  }

  /** Creates a Snap transaction for the top-up under `orderId` and records it as the current payment. */
  async function openPaymentPage(topup: TransactionRow, orderId: string, customer: { email: string; name: string }) {
    const snap = await gateway.createSnapTransaction({
      orderId,
      grossAmount: topup.amount,
      customer,
      item: { id: 'credit-topup', name: 'Kapal credit top-up' },
      enabledPayments: deps.settings.enabledPayments,
      expiryMinutes: deps.settings.topupExpiryMinutes,
      finishUrl: deps.settings.finishUrl,
    });
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + deps.settings.topupExpiryMinutes * 60_000);
    return database.transaction(async (tx) => {
      const current = await repo.lock(tx, topup.id);
      await repo.insertAttempt(tx, {
        orderId,
        transactionId: topup.id,
        snapToken: snap.token,
        snapRedirectUrl: snap.redirectUrl,
        expiresAt,
        createdAt: now,
      });
      // Cancelled or settled while Midtrans answered: the new page is recorded, but not handed out.
      if (current!.status !== 'PENDING') throw conflict(`This top-up is ${current!.status}; there is nothing to pay`);
      return repo.update(tx, topup.id, {
        midtransOrderId: orderId,
        snapToken: snap.token,
        snapRedirectUrl: snap.redirectUrl,
        paymentExpiresAt: expiresAt,
        updatedAt: now,
      });
    });
  }

  async function customerOf(userId: string) {
    const account = await findAccount(db, userId);
    if (!account) throw notFound('User');
    return { email: account.email, name: account.name };
  }

  function withPayment(row: TransactionRow) {
    const transaction = toTransactionView(row);
    return { transaction, payment: transaction.payment! };
  }

  async function afterSettled(transactionId: string) {
    // After the commit: a lost enqueue loses a mail, never money. The job id makes it once per top-up.
    await deps.jobs
      .enqueue('billing.topup-succeeded', { transactionId }, { jobId: `topup-succeeded-${transactionId}` })
      .catch((err: unknown) => logger.error({ err, transactionId }, 'could not enqueue the top-up mail'));
  }

  /**
   * One notification (from Midtrans' HTTP call, or a status answer the sync job fetched): checked, then
   * applied under the top-up's row lock, and recorded with its verdict either way. Statuses only move
   * from PENDING; the one exception is money that did arrive (paid) for a top-up we had given up on
   * (EXPIRED, CANCELLED, FAILED): it is credited, never dropped.
   */
  async function applyNotification(rawBody: string, source: 'webhook' | 'status-sync'): Promise<NotificationResult> {
    const result = await judgeNotification(rawBody, source);
    deps.metrics?.notifications.labels(source, result.verdict).inc();
    if (source === 'webhook' && result.verdict === 'forged') deps.metrics?.signatureFailures.inc();
    return result;
  }

  async function judgeNotification(rawBody: string, source: 'webhook' | 'status-sync'): Promise<NotificationResult> {
    const receivedAt = clock.now();
    const reject = async (
      httpStatus: number,
      verdict: NotificationVerdict,
      message: string,
      extra: { orderId?: string; transactionId?: string; transactionStatus?: string } = {},
    ): Promise<NotificationResult> => {
      await repo.recordNotification(db, { source, rawBody, verdict, detail: message, receivedAt, ...extra });
      logger.warn({ source, verdict, orderId: extra.orderId }, `payment notification refused: ${message}`);
      return { httpStatus, verdict, message, transactionId: extra.transactionId };
    };

    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return reject(400, 'malformed', 'body: must be a JSON object');
    }
    const parsed = midtransNotification.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return reject(400, 'malformed', `body.${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const n: MidtransNotification = parsed.data;
    const about = { orderId: n.order_id, transactionStatus: n.transaction_status };
    if (!gateway.isAuthentic(n)) return reject(401, 'forged', 'signature_key does not match', about);
    const grossAmount = parseGrossAmount(n.gross_amount);
    if (grossAmount === undefined) return reject(400, 'malformed', 'body.gross_amount: not whole rupiah', about);

    const attempt = await repo.findAttempt(db, n.order_id);
    if (!attempt) return reject(404, 'unknown-order', `no top-up has the order ${n.order_id}`, about);
    const ids = { ...about, transactionId: attempt.transactionId };

    const outcome = outcomeOf(n.transaction_status, n.fraud_status);
    const result = await database.transaction(async (tx): Promise<NotificationResult & { settled?: boolean }> => {
      const topup = (await repo.lock(tx, attempt.transactionId))!;
      if (grossAmount !== topup.amount) {
        return rejectIn(tx, 400, 'amount-mismatch', `gross_amount ${grossAmount} is not the top-up's ${topup.amount}`);
      }
      if (n.currency !== undefined && n.currency !== topup.currency) {
        return rejectIn(tx, 400, 'currency-mismatch', `currency ${n.currency} is not ${topup.currency}`);
      }
      const { verdict, message } = await decide(tx, topup, n, outcome);
      await repo.recordNotification(tx, { source, rawBody, verdict, detail: message, receivedAt, ...ids });
      const settled = (verdict === 'applied' || verdict === 'applied-late') && outcome === 'paid';
      return { httpStatus: 200, verdict, message, transactionId: topup.id, settled };
    });
    if (result.httpStatus >= 400) logger.warn({ source, ...ids, verdict: result.verdict }, result.message);
    if (result.settled) await afterSettled(attempt.transactionId);
    const { settled: _, ...answer } = result;
    return answer;

    async function rejectIn(tx: Tx, httpStatus: number, verdict: NotificationVerdict, message: string) {
      await repo.recordNotification(tx, { source, rawBody, verdict, detail: message, receivedAt, ...ids });
      return { httpStatus, verdict, message, transactionId: attempt!.transactionId };
    }
  }

  /** What a checked notification does to its (locked) top-up. */
  async function decide(
    tx: Tx,
    topup: TransactionRow,
    n: MidtransNotification,
    outcome: ReturnType<typeof outcomeOf>,
  ): Promise<{ verdict: NotificationVerdict; message: string }> {
    const now = clock.now();
    const payment = {
      paymentMethod: n.payment_type,
      midtransTransactionId: n.transaction_id,
      orderId: n.order_id,
    };
    const isCurrentOrder = n.order_id === topup.midtransOrderId;
    if (outcome === 'other')
      return { verdict: 'unsupported-status', message: `status ${n.transaction_status} is not acted on` };

    if (topup.status === 'PENDING') {
      if (outcome === 'paid') {
        await ledger.creditTopup(tx, topup, payment);
        return { verdict: 'applied', message: `credited ${topup.amount} IDR` };
      }
      if (outcome === 'pending') {
        if (n.payment_type && n.payment_type !== topup.paymentMethod) {
          await repo.update(tx, topup.id, { paymentMethod: n.payment_type, updatedAt: now });
        }
        return { verdict: 'unchanged', message: `still PENDING (${n.transaction_status}/${n.fraud_status ?? '-'})` };
      }
      // A failed or expired older page says nothing about the page the customer is on now.
      if (!isCurrentOrder)
        return { verdict: 'stale-attempt', message: `an older payment page ${n.transaction_status}` };
      const status = outcome === 'expired' ? 'EXPIRED' : 'FAILED';
      await repo.update(tx, topup.id, {
        status,
        paymentMethod: n.payment_type ?? topup.paymentMethod,
        midtransTransactionId: n.transaction_id ?? topup.midtransTransactionId,
        updatedAt: now,
        completedAt: now,
      });
      return { verdict: 'applied', message: `top-up ${status}` };
    }

    if (topup.status === 'SUCCESS') {
      if (outcome !== 'paid')
        return { verdict: 'final', message: `top-up is SUCCESS; ${n.transaction_status} ignored` };
      if (isCurrentOrder) return { verdict: 'duplicate', message: 'already credited' };
      // Two payment pages of one top-up were both paid: credited once; the second payment needs a refund by hand.
      logger.error({ transactionId: topup.id, orderId: n.order_id }, 'a top-up was paid twice (two Snap orders)');
      return { verdict: 'paid-twice', message: `order ${n.order_id} paid a top-up already credited` };
    }

    // EXPIRED, CANCELLED or FAILED here.
    if (outcome === 'paid') {
      logger.warn({ transactionId: topup.id, from: topup.status }, 'payment arrived for a closed top-up: credited');
      await ledger.creditTopup(tx, topup, payment);
      return { verdict: 'applied-late', message: `credited ${topup.amount} IDR after ${topup.status}` };
    }
    const same =
      (outcome === 'expired' && topup.status === 'EXPIRED') || (outcome === 'failed' && topup.status === 'FAILED');
    return same
      ? { verdict: 'duplicate', message: `already ${topup.status}` }
      : { verdict: 'final', message: `top-up is ${topup.status}; ${n.transaction_status} ignored` };
  }

  return {
    async balance(userId: string) {
      const row = await repo.balance(db, userId);
      return { balance: row?.balance ?? 0, currency: 'IDR' as const, updatedAt: iso(row?.updatedAt ?? null) };
    },

    async listTransactions(userId: string, filter: TransactionFilter & { page: number; pageSize: number }) {
      const { items, total } = await repo.list(db, userId, filter, {
        limit: filter.pageSize,
        offset: (filter.page - 1) * filter.pageSize,
      });
      return { items: items.map(toTransactionView), total };
    },

    async getTransaction(userId: string, id: string): Promise<TransactionView> {
      return toTransactionView(await requireOwned(userId, id));
    },

    /**
     * A PENDING top-up and its Snap page (`order_id` = the top-up's id). With an idempotency key, a retry
     * returns the same top-up (`created: false`). If Midtrans cannot start it, the top-up is FAILED.
     */
    async createTopup(userId: string, input: { amount: number; idempotencyKey?: string }) {
      const id = randomUUID();
      const key = input.idempotencyKey ? `topup:${userId}:${input.idempotencyKey}` : `topup:${id}`;
      const now = clock.now();
      const customer = await customerOf(userId);
      const inserted = await repo.insertTopup(db, {
        id,
        userId,
        type: 'TOPUP',
        status: 'PENDING',
        amount: input.amount,
        description: 'Credit top-up',
        idempotencyKey: key,
        midtransOrderId: id,
        createdAt: now,
        updatedAt: now,
      });
      if (!inserted) {
        const existing = (await repo.findByKey(db, key))!;
        if (existing.amount !== input.amount) {
          throw conflict('This Idempotency-Key was used for a top-up of a different amount');
        }
        if (existing.status !== 'PENDING') throw conflict(`The top-up with this Idempotency-Key is ${existing.status}`);
        if (!existing.snapToken) throw conflict('The top-up with this Idempotency-Key is still being started');
        return { ...withPayment(existing), created: false };
      }
      try {
        return { ...withPayment(await openPaymentPage(inserted, id, customer)), created: true };
      } catch (err) {
        if (err instanceof PaymentGatewayError) {
          logger.error({ err, transactionId: id }, 'Midtrans did not start a top-up');
          await repo.update(db, id, { status: 'FAILED', updatedAt: clock.now(), completedAt: clock.now() });
        }
        gatewayFailure(err);
      }
    },

    /**
     * A usable payment page for a PENDING top-up: the current one while it is valid, else (after asking
     * Midtrans whether the old one was paid meanwhile) a fresh Snap transaction, order `<id>-<n>`.
     */
    async payTopup(userId: string, id: string) {
      const topup = await requirePendingTopup(userId, id);
      const now = clock.now().getTime();
      if (
        topup.snapToken &&
        topup.paymentExpiresAt &&
        topup.paymentExpiresAt.getTime() - PAYMENT_PAGE_MARGIN_MS > now
      ) {
        return withPayment(topup);
      }
      try {
        for (const attempt of await repo.attemptsOf(db, id)) {
          const status = await gateway.getStatus(attempt.orderId);
          if (status) await applyNotification(JSON.stringify(status), 'status-sync');
        }
        const current = await requirePendingTopup(userId, id);
        const attempts = await repo.attemptsOf(db, id);
        return withPayment(await openPaymentPage(current, `${id}-${attempts.length + 1}`, await customerOf(userId)));
      } catch (err) {
        gatewayFailure(err);
      }
    },

    /** Stops waiting for a PENDING top-up. Money that still arrives for it is credited (see applyNotification). */
    async cancelTopup(userId: string, id: string): Promise<TransactionView> {
      await requirePendingTopup(userId, id);
      return database.transaction(async (tx) => {
        const row = (await repo.lock(tx, id))!;
        if (row.status !== 'PENDING')
          throw conflict(`This top-up is ${row.status}; only a PENDING top-up can be cancelled`);
        const now = clock.now();
        return toTransactionView(await repo.update(tx, id, { status: 'CANCELLED', updatedAt: now, completedAt: now }));
      });
    },

    applyNotification,

    /**
     * The scheduled job: asks Midtrans about top-ups PENDING for more than 15 minutes and applies each
     * answer like a notification; a top-up whose payment page expired (Midtrans still pending or silent) is EXPIRED.
     */
    async syncPendingTopups(options: { limit?: number } = {}) {
      const now = clock.now();
      const due = await repo.pendingTopups(
        db,
        new Date(now.getTime() - STATUS_SYNC_AFTER_MINUTES * 60_000),
        options.limit ?? 200,
      );
      const summary = { checked: due.length, applied: 0, expired: 0, unchanged: 0, errors: 0 };
      for (const topup of due) {
        try {
          let applied = false;
          for (const attempt of await repo.attemptsOf(db, topup.id)) {
            const status = await gateway.getStatus(attempt.orderId);
            if (!status) continue;
            const result = await applyNotification(JSON.stringify(status), 'status-sync');
            if (result.verdict === 'applied' || result.verdict === 'applied-late') applied = true;
          }
          if (applied) {
            summary.applied++;
            continue;
          }
          if (topup.paymentExpiresAt && topup.paymentExpiresAt.getTime() <= now.getTime()) {
            const expired = await database.transaction(async (tx) => {
              const row = (await repo.lock(tx, topup.id))!;
              if (row.status !== 'PENDING') return false;
              await repo.update(tx, topup.id, { status: 'EXPIRED', updatedAt: now, completedAt: now });
              await repo.recordNotification(tx, {
                source: 'status-sync',
                rawBody: '',
                verdict: 'expired-locally',
                orderId: row.midtransOrderId ?? undefined,
                transactionId: row.id,
                detail: `payment page expired at ${row.paymentExpiresAt?.toISOString()}`,
                receivedAt: now,
              });
              return true;
            });
            if (expired) {
              summary.expired++;
              continue;
            }
          }
          summary.unchanged++;
        } catch (err) {
          summary.errors++;
          logger.warn({ err, transactionId: topup.id }, 'status sync of a top-up failed; next run tries again');
        }
      }
      return summary;
    },
  };
}

export type BillingService = ReturnType<typeof createBillingService>;
