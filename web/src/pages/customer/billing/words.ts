import type { Schemas } from '../../../api/client';
import { defineMessages } from '../../../i18n/i18n';

export type Transaction = Schemas['Transaction'];
export type TransactionType = Transaction['type'];
export type TransactionStatus = Transaction['status'];

export const TRANSACTION_TYPES: TransactionType[] = ['TOPUP', 'SUBSCRIPTION_CHARGE', 'REFUND', 'ADJUSTMENT'];
export const TRANSACTION_STATUSES: TransactionStatus[] = ['PENDING', 'SUCCESS', 'FAILED', 'EXPIRED', 'CANCELLED'];

/** Words the billing pages share: kinds and states of transactions, the pages' names. */
export const billingWords = defineMessages({
  en: {
    billing: 'Billing',
    transactions: 'Transactions',
    invoices: 'Invoices',
    type_TOPUP: 'Top-up',
    type_SUBSCRIPTION_CHARGE: 'Subscription charge',
    type_REFUND: 'Refund',
    type_ADJUSTMENT: 'Adjustment',
    status_PENDING: 'Pending',
    status_SUCCESS: 'Succeeded',
    status_FAILED: 'Failed',
    status_EXPIRED: 'Expired',
    status_CANCELLED: 'Cancelled',
  },
  id: {
    billing: 'Tagihan',
    transactions: 'Transaksi',
    invoices: 'Faktur',
    type_TOPUP: 'Isi saldo',
    type_SUBSCRIPTION_CHARGE: 'Biaya langganan',
    type_REFUND: 'Pengembalian dana',
    type_ADJUSTMENT: 'Penyesuaian',
    status_PENDING: 'Menunggu',
    status_SUCCESS: 'Berhasil',
    status_FAILED: 'Gagal',
    status_EXPIRED: 'Kedaluwarsa',
    status_CANCELLED: 'Dibatalkan',
  },
});

export type BillingWords = typeof billingWords.en;

export const typeLabel = (t: BillingWords, type: TransactionType) => t[`type_${type}`];
export const statusLabel = (t: BillingWords, status: TransactionStatus) => t[`status_${status}`];
