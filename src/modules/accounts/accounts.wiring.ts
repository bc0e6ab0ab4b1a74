import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { createAuditLog } from '../audit/index.js';
import { createAccessTokens } from './access-token.js';
import { createAuthService, type RequestContext } from './auth.service.js';
import { createAuthGuard } from './auth-guard.js';
import { createProfileService } from './profile.service.js';
import { AUTH_RATE_LIMITS, createRateLimiter } from './rate-limit.js';

type WiringDeps = Pick<AppDeps, 'config' | 'database' | 'clock' | 'dbNotifications'>;

/** Access tokens signed with the configured secret and the injected clock. */
export function accessTokensFor(deps: Pick<AppDeps, 'config' | 'clock'>) {
  return createAccessTokens({
    secret: deps.config.auth.jwtSecret,
    ttlSeconds: deps.config.auth.accessTtlSeconds,
    now: () => deps.clock.now(),
  });
}

/** The route guard for a module's routes: `const guard = authGuardFor(deps)`, then `onRequest: guard.user`. */
export function authGuardFor(deps: WiringDeps) {
  // One guard (and so one session cache) per set of deps, shared by every module's routes.
  let guard = guards.get(deps.database);
  if (!guard) {
    guard = createAuthGuard({ tokens: accessTokensFor(deps), database: deps.database, changes: deps.dbNotifications });
    guards.set(deps.database, guard);
  }
  return guard;
}

const guards = new WeakMap<object, ReturnType<typeof createAuthGuard>>();

export function accountServicesFor(deps: AppDeps) {
  const audit = createAuditLog(deps);
  const rateLimiter = createRateLimiter({ redis: deps.redis, prefix: deps.config.queue.prefix });
  const auth = createAuthService({
    database: deps.database,
    clock: deps.clock,
    tokens: accessTokensFor(deps),
    accessTtlSeconds: deps.config.auth.accessTtlSeconds,
    refreshTtlSeconds: deps.config.auth.refreshTtlSeconds,
    rateLimiter,
    limits: AUTH_RATE_LIMITS,
    audit,
    jobs: deps.jobs,
    logger: deps.logger,
  });
  const profile = createProfileService({
    database: deps.database,
    clock: deps.clock,
    audit,
    rateLimiter,
    limits: AUTH_RATE_LIMITS,
  });
  return { auth, profile };
}

/** Where a request came from (client IP honours TRUST_PROXY), for rate limits, sessions and the audit trail. */
export const requestContext = (request: FastifyRequest): RequestContext => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});
