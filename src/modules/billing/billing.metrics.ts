import { Counter } from 'prom-client';
import type { Metrics } from '../../platform/metrics.js';

/**
 * Money and payment metrics, counted where money moves (the ledger) once the transaction has committed,
 * so a rolled-back charge never counts. Amounts are whole rupiah (IDR). No label names a user.
 */
export function createBillingMetrics(metrics: Pick<Metrics, 'registry'>) {
  const registers = [metrics.registry];
  return {
    topups: new Counter({
      name: 'kapal_topups_total',
      help: 'Top-ups credited (paid through Midtrans)',
      registers,
    }),
    topupAmount: new Counter({
      name: 'kapal_topup_amount_idr_total',
      help: 'Credit bought by top-ups, in IDR (revenue received)',
      registers,
    }),
    charged: new Counter({
      name: 'kapal_credit_charged_idr_total',
      help: 'Credit charged for subscriptions (first periods, renewals, upgrades), in IDR',
      registers,
    }),
    refunded: new Counter({
      name: 'kapal_credit_refunded_idr_total',
      help: 'Credit given back by refunds, in IDR',
      registers,
    }),
    notifications: new Counter({
      name: 'kapal_payment_notifications_total',
      help: 'Midtrans payment notifications by source (webhook, status-sync) and verdict',
      labelNames: ['source', 'verdict'] as const,
      registers,
    }),
    signatureFailures: new Counter({
      name: 'kapal_webhook_signature_failures_total',
      help: 'Payment webhook calls refused because their signature_key did not match',
      registers,
    }),
  };
}

export type BillingMetrics = ReturnType<typeof createBillingMetrics>;
