import { Counter } from 'prom-client';
import type { AppDeps } from '../../deps.js';
import { defineModule } from '../module.js';
import { createAccessTokens } from './access-token.js';
import { accountsRoutes } from './accounts.routes.js';
import { accountsSeedStep } from './accounts.seed.js';
import * as tables from './accounts.tables.js';
import { createAuthService } from './auth.service.js';
import { type AuthGuard, createAuthGuard } from './auth-guard.js';
import { createEmailVerificationService, type EmailVerification } from './email-verification.service.js';
import { createProfileService } from './profile.service.js';
import { AUTH_RATE_LIMITS, createRateLimiter } from './rate-limit.js';
import { createVerificationTokens } from './verification-token.js';

declare module '../module.js' {
  interface Ports {
    /** `onRequest: guard.user` / `guard.admin` for every module's routes; one session cache per process. */
    authGuard: AuthGuard;
    /**
     * The REQUIRE_EMAIL_VERIFICATION rule for purchases (top-ups, subscriptions): a route hook after the
     * guard, `assertMayPurchase(userId, tx)` for services, and the link the verification mail carries.
     */
    emailVerification: EmailVerification;
  }
}

/** Access tokens signed with the configured secret and the injected clock. */
export function accessTokensFor(deps: Pick<AppDeps, 'config' | 'clock'>) {
  return createAccessTokens({
    secret: deps.config.auth.jwtSecret,
    ttlSeconds: deps.config.auth.accessTtlSeconds,
    now: () => deps.clock.now(),
  });
}

/** Accounts and access: registration, sign-in, sessions, the signed-in user's profile, the auth guard. */
export const accountsModule = defineModule({
  name: 'accounts',
  tables,
  needs: ['audit'],
  provides: ['authGuard', 'emailVerification'],
  build(deps, ports) {
    const tokens = accessTokensFor(deps);
    const guard = createAuthGuard({ tokens, database: deps.database, changes: deps.dbNotifications });
    const rateLimiter = createRateLimiter({ redis: deps.redis, prefix: deps.config.queue.prefix });
    const { audit } = ports;
    const auth = createAuthService({
      database: deps.database,
      clock: deps.clock,
      tokens,
      accessTtlSeconds: deps.config.auth.accessTtlSeconds,
      refreshTtlSeconds: deps.config.auth.refreshTtlSeconds,
      rateLimiter,
      limits: AUTH_RATE_LIMITS,
      audit,
      jobs: deps.jobs,
      logger: deps.logger,
      signups: new Counter({
        name: 'kapal_signups_total',
        help: 'Accounts created by sign-up (POST /auth/register)',
        registers: [deps.metrics.registry],
      }),
    });
    const profile = createProfileService({
      database: deps.database,
      clock: deps.clock,
      audit,
      rateLimiter,
      limits: AUTH_RATE_LIMITS,
    });
    const verification = createEmailVerificationService({
      database: deps.database,
      clock: deps.clock,
      tokens: createVerificationTokens({ secret: deps.config.auth.jwtSecret, now: () => deps.clock.now() }),
      audit,
      rateLimiter,
      limits: AUTH_RATE_LIMITS,
      jobs: deps.jobs,
      publicUrl: deps.config.http.publicUrl,
      required: deps.config.auth.requireEmailVerification,
    });
    return {
      provides: { authGuard: guard, emailVerification: verification.port },
      routes: (app) => accountsRoutes(app, { auth, profile, verification, guard }),
      seed: () => accountsSeedStep.run({ ...deps, audit }),
    };
  },
});
