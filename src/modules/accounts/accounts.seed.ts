import type { AppDeps } from '../../deps.js';
import type { AuditLog } from '../audit/index.js';
import { ROLES } from './access-token.js';
import { ensureAccount } from './bootstrap.js';

/** Development defaults, used only when NODE_ENV is not production and ADMIN_EMAIL/ADMIN_PASSWORD are unset. */
export const DEV_ADMIN = { email: 'admin@kapal.localhost', password: 'kapal-admin-dev-1', name: 'Kapal Admin' };
export const DEMO_USER = { email: 'demo@kapal.localhost', password: 'kapal-demo-dev-1', name: 'Demo User' };

/**
 * Seed step: the first administrator (ADMIN_EMAIL / ADMIN_PASSWORD, or the development default) and, outside
 * production, a demo user. Idempotent: an existing account is left exactly as it is.
 */
export const accountsSeedStep = {
  name: 'accounts',
  async run(
    deps: Pick<AppDeps, 'config' | 'database' | 'clock'> & { audit: Pick<AuditLog, 'record'> },
  ): Promise<string> {
    const production = deps.config.env === 'production';
    const wanted = deps.config.bootstrapAdmin;
    const report: string[] = [];
    if (!wanted && production) {
      report.push('administrator skipped (set ADMIN_EMAIL and ADMIN_PASSWORD)');
    } else {
      const password = wanted ? (wanted.password ?? (production ? undefined : DEV_ADMIN.password)) : DEV_ADMIN.password;
      if (!password) throw new Error('ADMIN_PASSWORD must be set with ADMIN_EMAIL when NODE_ENV=production');
      const email = wanted?.email ?? DEV_ADMIN.email;
      const outcome = await ensureAccount(deps, { email, password, name: DEV_ADMIN.name, role: ROLES.ADMINISTRATOR });
      report.push(`administrator ${email.trim().toLowerCase()} ${outcome}`);
    }
    if (!production) {
      const outcome = await ensureAccount(deps, { ...DEMO_USER, role: ROLES.USER });
      report.push(`demo user ${DEMO_USER.email} ${outcome}`);
    }
    return report.join('; ');
  },
};
