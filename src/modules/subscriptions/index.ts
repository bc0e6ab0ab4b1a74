export { addOneMonth, periodChargeKey, provisioningRefundKey } from './period.js';
export { createReconciler, RESTARTED_AT_ANNOTATION, type Reconciler } from './reconciler.js';
export { subscriptionsModule } from './subscriptions.module.js';
export {
  ENDED_STATUSES,
  isLive,
  LIVE_STATUSES,
  type PodRow,
  type SubscriptionRow,
  subscriptionsRepository,
} from './subscriptions.repository.js';
