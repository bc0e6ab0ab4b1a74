import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/db.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { AccessTokens, Role } from './access-token.js';
import { users } from './accounts.schema.js';

export interface AuthenticatedUser {
  id: string;
  role: Role;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard on routes that require it. */
    user?: AuthenticatedUser;
  }
}

/**
 * The one route-level guard: `preHandler: guard.user` or `guard.admin`. The user row is read on every
 * request so that a deactivated user or a changed role takes effect at once, not when the token expires.
 * Non-administrators get 404 on admin routes: an admin route's existence is nobody else's business.
 */
export function createAuthGuard(deps: { tokens: AccessTokens; database: Pick<Database, 'db'> }) {
  async function authenticate(request: FastifyRequest): Promise<AuthenticatedUser> {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw unauthorized('Missing bearer token');
    const claims = await deps.tokens.verify(header.slice('Bearer '.length).trim());
    const [row] = await deps.database.db
      .select({ id: users.id, role: users.role, isActive: users.isActive })
      .from(users)
      .where(eq(users.id, claims.userId));
    if (!row?.isActive) throw unauthorized('Account is not active');
    const user = { id: row.id, role: row.role, sessionId: claims.sessionId };
    request.user = user;
    return user;
  }

  return {
    async user(request: FastifyRequest, _reply: FastifyReply) {
      await authenticate(request);
    },
    async admin(request: FastifyRequest, _reply: FastifyReply) {
      const user = await authenticate(request);
      if (user.role !== 'ADMINISTRATOR') throw notFound('Route');
    },
  };
}

export type AuthGuard = ReturnType<typeof createAuthGuard>;

/** The authenticated user of a guarded route (the guard ran, so it is there). */
export function currentUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw unauthorized();
  return request.user;
}
