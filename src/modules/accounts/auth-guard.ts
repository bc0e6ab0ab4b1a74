import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/db.js';
import type { PgListener } from '../../platform/db/pg-listener.js';
import { AppError, unauthorized } from '../../platform/errors.js';
import { type AccessTokens, ROLES, type Role } from './access-token.js';
import { type Account, accountColumns } from './accounts.repository.js';
import { authSessions, users } from './accounts.tables.js';
import { createSessionCache } from './session-cache.js';

export interface AuthenticatedUser {
  id: string;
  role: Role;
  email: string;
  sessionId: string;
  /** The caller's account row as read by the guard (GET /me answers from it without a second query). */
  account: Account;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard on routes that require it. */
    user?: AuthenticatedUser;
  }
}

/** Notified with a user id by the triggers of migration 0003 on every change to a user or session. */
export const AUTH_CHANGED_CHANNEL = 'kapal_auth_changed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one route-level guard: `onRequest: guard.user` or `guard.admin` (onRequest, so that a caller who may
 * not use a route learns nothing from it, not even its validation errors). Each request reads the user and
 * the token's session in one indexed query, so a deactivated user, a changed role or a revoked session
 * (logout, password change, refresh-token reuse) takes effect at once, not when the token expires.
 * Non-administrators get 404 on admin routes: an admin route's existence is nobody else's business.
 *
 * With `changes` (PostgreSQL notifications), the row is served from a session cache that every committed
 * change to the user or the session invalidates (see session-cache.ts), so the guard stays exactly as
 * strict while an authenticated request usually costs no query at all.
 */
export function createAuthGuard(deps: {
  tokens: AccessTokens;
  database: Pick<Database, 'db'>;
  changes?: Pick<PgListener, 'live' | 'subscribe' | 'onReset'>;
}) {
  const cache = createSessionCache({ ttlMs: 60_000, maxEntries: 100_000 });
  const changes = deps.changes;
  changes?.subscribe(AUTH_CHANGED_CHANNEL, (userId) => cache.evictUser(userId));
  changes?.onReset(() => cache.clear());

  const lookup = deps.database.db
    .select(accountColumns)
    .from(users)
    .innerJoin(authSessions, eq(authSessions.userId, users.id))
    .where(
      and(
        eq(users.id, sql.placeholder('userId')),
        eq(authSessions.id, sql.placeholder('sessionId')),
        isNull(authSessions.revokedAt),
      ),
    )
    .prepare('kapal_auth_guard');

  /** Reads the account of a live session from PostgreSQL, keeping it in the cache while that is trusted. */
  async function loadAccount(userId: string, sessionId: string): Promise<Account | undefined> {
    const cacheable = changes?.live === true;
    const ticket = cache.ticket();
    const [account] = await lookup.execute({ userId, sessionId });
    if (account && cacheable) cache.set(sessionId, account, ticket);
    return account;
  }

  function accept(request: FastifyRequest, account: Account | undefined, sessionId: string): AuthenticatedUser {
    if (!account) throw unauthorized('Session has ended; sign in again');
    if (!account.isActive) throw unauthorized('Account is not active');
    const user: AuthenticatedUser = { id: account.id, role: account.role, email: account.email, sessionId, account };
    request.user = user;
    return user;
  }

  /** Synchronous on a cache hit (the common case), a promise when PostgreSQL must be asked. */
  function authenticate(request: FastifyRequest): AuthenticatedUser | Promise<AuthenticatedUser> {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw unauthorized('Missing bearer token');
    const claims = deps.tokens.verify(header.slice('Bearer '.length).trim());
    if (!UUID.test(claims.userId) || !UUID.test(claims.sessionId)) throw unauthorized('Invalid access token');
    if (changes?.live) {
      const cached = cache.get(claims.sessionId);
      if (cached?.id === claims.userId) return accept(request, cached, claims.sessionId);
    }
    return loadAccount(claims.userId, claims.sessionId).then((account) => accept(request, account, claims.sessionId));
  }

  /** Runs `authenticate` and `check` as a callback-style Fastify hook, without a promise on the hot path. */
  function hook(check: (request: FastifyRequest, user: AuthenticatedUser) => Error | undefined) {
    return (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
      let result: AuthenticatedUser | Promise<AuthenticatedUser>;
      try {
        result = authenticate(request);
      } catch (err) {
        return done(err as Error);
      }
      if (result instanceof Promise) result.then((user) => done(check(request, user)), done);
      else done(check(request, result));
    };
  }

  return {
    user: hook(() => undefined),
    // Word for word what an unknown route answers, so the two cannot be told apart.
    admin: hook((request, user) =>
      user.role === ROLES.ADMINISTRATOR
        ? undefined
        : new AppError('NOT_FOUND', `Route ${request.method} ${request.url.split('?')[0]} not found`),
    ),
  };
}

export type AuthGuard = ReturnType<typeof createAuthGuard>;

/** The authenticated user of a guarded route (the guard ran, so it is there). */
export function currentUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw unauthorized();
  return request.user;
}
