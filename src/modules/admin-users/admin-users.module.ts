import { defineModule } from '../module.js';
import { adminUsersRoutes } from './admin-users.routes.js';
import { createAdminUsersService } from './admin-users.service.js';
import { type LiveSubscriptions, noSubscriptionsYet } from './live-subscriptions.js';

declare module '../module.js' {
  interface Ports {
    /** "Does this user still have live subscriptions?" — provided by the subscriptions module. */
    liveSubscriptions: LiveSubscriptions;
  }
}

/** /admin/users: administrators manage accounts (through the accounts module's index). */
export const adminUsersModule = defineModule({
  name: 'admin-users',
  needs: ['authGuard', 'audit', 'liveSubscriptions'],
  fallbacks: { liveSubscriptions: noSubscriptionsYet },
  build(deps, ports) {
    const service = createAdminUsersService({
      database: deps.database,
      clock: deps.clock,
      audit: ports.audit,
      liveSubscriptions: ports.liveSubscriptions,
    });
    return { routes: (app) => adminUsersRoutes(app, { service, guard: ports.authGuard }) };
  },
});
