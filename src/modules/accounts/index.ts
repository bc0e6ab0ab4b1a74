export { type AccessTokens, createAccessTokens, ROLES, type Role } from './access-token.js';
export { countActiveAdministrators, deactivateAccount, lockAdministrators } from './account-lifecycle.js';
export {
  emailSchema,
  LOCALES,
  type Locale,
  localeSchema,
  nameSchema,
  phoneSchema,
  roleSchema,
  toUserView,
  type UserView,
  userView,
} from './accounts.http.js';
export { accessTokensFor, accountsModule } from './accounts.module.js';
export { type Account, findAccount, findAccounts, findUserByEmail } from './accounts.repository.js';
export { DEMO_USER, DEV_ADMIN } from './accounts.seed.js';
export type { RequestContext } from './auth.service.js';
export { type AuthenticatedUser, type AuthGuard, createAuthGuard, currentUser } from './auth-guard.js';
export { createAdministrator, ensureAccount } from './bootstrap.js';
export {
  assertEmailVerified,
  type EmailVerification,
  emailNotVerified,
  VERIFY_EMAIL_PAGE,
} from './email-verification.service.js';
export { hashPassword, PASSWORD_POLICY, passwordSchema } from './password.js';
export { AUTH_RATE_LIMITS, createRateLimiter, type RateLimiter, type RateLimitRule } from './rate-limit.js';
export { actorOf, requestContext } from './request-context.js';
export {
  activateAccount,
  countUsers,
  deleteUser,
  insertUser,
  isAdministrator,
  lockAccount,
  searchUsers,
  USER_SORTS,
  type UserFilters,
  type UserSort,
  updateUserFields,
} from './user-directory.js';
