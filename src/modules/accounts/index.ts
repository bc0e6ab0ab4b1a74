export { type AccessTokens, createAccessTokens, ROLES, type Role } from './access-token.js';
export { countActiveAdministrators, deactivateAccount, lockAdministrators } from './account-lifecycle.js';
export {
  emailSchema,
  nameSchema,
  pageOf,
  pageQuery,
  phoneSchema,
  roleSchema,
  toUserView,
  type UserView,
  userView,
} from './accounts.http.js';
export {
  type Account,
  accountColumns,
  emailEquals,
  findAccount,
  findUserByEmail,
  revokeSessions,
} from './accounts.repository.js';
export { authSessions, refreshTokens, userRole, users } from './accounts.schema.js';
export { accountsSeedStep, DEMO_USER, DEV_ADMIN } from './accounts.seed.js';
export { accessTokensFor, authGuardFor, requestContext } from './accounts.wiring.js';
export type { RequestContext } from './auth.service.js';
export { type AuthenticatedUser, type AuthGuard, createAuthGuard, currentUser } from './auth-guard.js';
export { createAdministrator, ensureAccount } from './bootstrap.js';
export { hashPassword, PASSWORD_POLICY, passwordSchema } from './password.js';
export { AUTH_RATE_LIMITS, createRateLimiter, type RateLimiter, type RateLimitRule } from './rate-limit.js';
