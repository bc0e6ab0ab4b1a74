export type { TransactionView } from './billing.http.js';
export { billingModule } from './billing.module.js';
export type {
  AdjustmentInput,
  BillingPort,
  ChargeInput,
  ChargeManyResult,
  MoneyResult,
  RefundInput,
  TransactionRow,
} from './ledger.js';
export { MAX_AMOUNT_IDR } from './ledger.js';
export type { SubscriptionSpend, UpcomingRenewal } from './subscription-spend.js';
