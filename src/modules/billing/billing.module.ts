import { createMidtransGateway } from '../../platform/payments/midtrans.js';
import { defineModule } from '../module.js';
import { billingJobHandlers, billingJobs } from './billing.jobs.js';
import { billingRoutes } from './billing.routes.js';
import { createBillingService } from './billing.service.js';
import * as tables from './billing.tables.js';
import { type BillingPort, createLedger } from './ledger.js';

declare module '../module.js' {
  interface Ports {
    /** Money for other modules (subscriptions): charge, refund, chargeMany, adjust, balanceOf, in the caller's `tx`. */
    billing: BillingPort;
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
  needs: ['authGuard', 'emailVerification'],
  provides: ['billing'],
  build(deps, ports) {
    const ledger = createLedger({ now: () => deps.clock.now() });
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
      adjust: ledger.adjust,
      balanceOf: ledger.balanceOf,
    };
    return {
      provides: { billing: port },
      routes: (app) =>
        billingRoutes(app, { service, guard: ports.authGuard, emailVerification: () => ports.emailVerification }),
      jobHandlers: billingJobHandlers({ service, database: deps.database, mailer: deps.mailer }),
    };
  },
});
