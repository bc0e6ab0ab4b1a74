import { defineModule } from '../module.js';
import { auditRoutes } from './audit.routes.js';
import { type AuditLog, createAuditLog } from './audit.service.js';
import * as tables from './audit.tables.js';

declare module '../module.js' {
  interface Ports {
    /** The audit trail: `record(entry, tx)` in the caller's transaction. */
    audit: AuditLog;
  }
}

/** Who did what, when, from where: written by every module in its own transactions; read by administrators. */
export const auditModule = defineModule({
  name: 'audit',
  tables,
  needs: ['authGuard'],
  provides: ['audit'],
  build(deps, ports) {
    const audit = createAuditLog(deps);
    return { provides: { audit }, routes: (app) => auditRoutes(app, { audit, guard: ports.authGuard }) };
  },
});
