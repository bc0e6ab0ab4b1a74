export { type AccessTokens, createAccessTokens, ROLES, type Role } from './access-token.js';
export { type AuthenticatedUser, type AuthGuard, createAuthGuard, currentUser } from './auth-guard.js';
