import { createMidtransGateway } from '../../platform/payments/midtrans.js';
import { defineModule } from '../module.js';
import { adminBillingRoutes } from './admin-billing.routes.js';
import { createAdminBillingService } from './admin-billing.service.js';
import { billingJobHandlers, billingJobs } from './billing.jobs.js';
import { createBillingMetrics } from './billing.metrics.js';
import { billingRoutes } from './billing.routes.js';
import { createBillingService } from './billing.service.js';
import * as tables from './billing.tables.js';
import { createPdfInvoiceRenderer } from './invoices.pdf.js';
import { invoiceRoutes } from './invoices.routes.js';
import { createInvoiceService } from './invoices.service.js';
import { type BillingPort, createLedger } from './ledger.js';
import { overviewRoutes } from './overview.routes.js';
import { createOverviewService } from './overview.service.js';
import { paymentConfigOf, paymentConfigRoutes } from './payment-config.js';
import { noSubscriptionSpendYet, type SubscriptionSpend } from './subscription-spend.js';

declare module '../module.js' {
  interface Ports {
    /** Money for other modules (subscriptions): charge, refund, chargeMany, lockBalances, adjust, balanceOf, in the caller's `tx`. */
    billing: BillingPort;
    /** What a user's subscriptions will cost (renewals ahead, burn rate) — provided by the subscriptions module. */
    subscriptionSpend: SubscriptionSpend;
  }
}

/** Asks Midtrans about top-ups whose notification never came, every 5 minutes. */
export const STATUS_SYNC_EVERY_MS = 5 * 60_000;

/** Credit: the ledger, transactions, Midtrans top-ups and their notifications. */
export const billingModule = defineModule({
  name: 'billing',
  tables,
  jobs: billingJobs,
  schedules: [{ job: 'billing.sync-pending-topups', everyMs: STATUS_SYNC_EVERY_MS, payload: {} }],
  needs: ['authGuard', 'emailVerification', 'audit', 'subscriptionSpend', 'notifications'],
  fallbacks: { subscriptionSpend: noSubscriptionSpendYet },
  provides: ['billing'],
  build(deps, ports) {
    const timeZone = deps.config.billing.timeZone;
    const invoices = createInvoiceService({
      database: deps.database,
      clock: deps.clock,
      seller: deps.config.billing.seller,
      timeZone,
      renderer: createPdfInvoiceRenderer({ timeZone }),
    });
    const metrics = createBillingMetrics(deps.metrics);
    const ledger = createLedger({ now: () => deps.clock.now(), issueInvoices: invoices.issueInvoices, metrics });
    const overview = createOverviewService({
      database: deps.database,
      clock: deps.clock,
      timeZone,
      // Read per request: the subscriptions module is listed after billing.
      subscriptionSpend: () => ports.subscriptionSpend,
    });
    const adminBilling = createAdminBillingService({
      database: deps.database,
      clock: deps.clock,
      timeZone,
      audit: ports.audit,
      ledger,
    });
    const gateway = createMidtransGateway({
      serverKey: deps.config.midtrans.serverKey,
      snapUrl: deps.config.midtrans.snapUrl,
      apiUrl: deps.config.midtrans.apiUrl,
      timeoutMs: deps.config.midtrans.requestTimeoutMs,
    });
    const service = createBillingService({
      database: deps.database,
      ledger,
      gateway,
      clock: deps.clock,
      jobs: deps.jobs,
      logger: deps.logger.child({ module: 'billing' }),
      metrics,
      settings: {
        enabledPayments: deps.config.midtrans.enabledPayments,
        topupExpiryMinutes: deps.config.billing.topupExpiryMinutes,
        finishUrl: `${deps.config.http.publicUrl.replace(/\/+$/, '')}/billing`,
      },
    });
    const port: BillingPort = {
      charge: ledger.charge,
      refund: ledger.refund,
      chargeMany: ledger.chargeMany,
      lockBalances: ledger.lockBalances,
      adjust: ledger.adjust,
      balanceOf: ledger.balanceOf,
      balancesOf: ledger.balancesOf,
    };
    return {
      provides: { billing: port },
      routes: async (app) => {
        await billingRoutes(app, { service, guard: ports.authGuard, emailVerification: () => ports.emailVerification });
        await invoiceRoutes(app, { invoices, guard: ports.authGuard });
        await overviewRoutes(app, { overview, guard: ports.authGuard });
        await paymentConfigRoutes(app, { config: paymentConfigOf(deps.config.midtrans) });
        await adminBillingRoutes(app, { service: adminBilling, guard: ports.authGuard });
      },
      jobHandlers: billingJobHandlers({
        service,
        invoices,
        database: deps.database,
        // Read when a mail is queued: the notifications module is listed before billing, but need not be.
        notifications: () => ports.notifications,
      }),
    };
  },
});
