import { eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import { fieldError } from '../../platform/http/field-error.js';
import type { AuditLog } from '../audit/index.js';
import { ROLES } from './access-token.js';
import { countActiveAdministrators, deactivateAccount, lockAdministrators } from './account-lifecycle.js';
import { type Account, findAccount, findPasswordHash, revokeSessions } from './accounts.repository.js';
import { users } from './accounts.tables.js';
import type { RequestContext } from './auth.service.js';
import { hashPassword, verifyPassword } from './password.js';
import type { AuthRateLimits, RateLimiter } from './rate-limit.js';

export interface ProfileServiceDeps {
  database: Pick<Database, 'db' | 'transaction'>;
  clock: Clock;
  audit: AuditLog;
  rateLimiter: RateLimiter;
  limits: AuthRateLimits;
}

type Caller = { id: string; sessionId: string; email: string; role: string };

const wrongPassword = (field: string) => fieldError(`body.${field}`, 'is not your current password');

/** The signed-in user's own account: profile, password, deactivation. */
export function createProfileService(deps: ProfileServiceDeps) {
  const { database, clock, audit } = deps;

  /** Checks the caller's current password; guessing is rate limited like sign-in. */
  async function confirmPassword(caller: Caller, password: string, field: string, ctx: RequestContext) {
    await deps.rateLimiter.hit([
      { rule: deps.limits.loginPerIp, key: ctx.ip },
      { rule: deps.limits.loginPerEmail, key: caller.email },
    ]);
    const hash = await findPasswordHash(database.db, caller.id);
    if (!hash) throw notFound('User');
    if (!(await verifyPassword(hash, password))) throw wrongPassword(field);
  }

  return {
    async update(
      caller: Caller,
      changes: { name?: string; phone?: string | null; locale?: 'id' | 'en' },
      ctx: RequestContext,
    ) {
      const now = clock.now();
      return database.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ ...changes, updatedAt: now })
          .where(eq(users.id, caller.id));
        await audit.record(
          {
            actorId: caller.id,
            action: 'user.profile_updated',
            targetType: 'user',
            targetId: caller.id,
            ip: ctx.ip,
            details: { fields: Object.keys(changes) },
          },
          tx,
        );
        return (await findAccount(tx, caller.id)) as Account;
      });
    },

    /** Changes the password and signs out every other session; the caller's own session stays. */
    async changePassword(
      caller: Caller,
      input: { currentPassword: string; newPassword: string },
      ctx: RequestContext,
    ): Promise<{ revokedSessions: number }> {
      await confirmPassword(caller, input.currentPassword, 'currentPassword', ctx);
      const passwordHash = await hashPassword(input.newPassword);
      const now = clock.now();
      return database.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, caller.id));
        const revokedSessions = await revokeSessions(tx, {
          userId: caller.id,
          reason: 'password_changed',
          now,
          exceptSessionId: caller.sessionId,
        });
        await audit.record(
          {
            actorId: caller.id,
            action: 'user.password_changed',
            targetType: 'user',
            targetId: caller.id,
            ip: ctx.ip,
            details: { revokedSessions },
          },
          tx,
        );
        return { revokedSessions };
      });
    },

    /** Deactivates the caller's own account (password required). The last active administrator cannot. */
    async deactivate(caller: Caller, input: { password: string }, ctx: RequestContext): Promise<void> {
      await confirmPassword(caller, input.password, 'password', ctx);
      const now = clock.now();
      await database.transaction(async (tx) => {
        if (caller.role === ROLES.ADMINISTRATOR) {
          // Serialise with other administrator changes so two admins cannot both leave at once.
          await lockAdministrators(tx);
          if ((await countActiveAdministrators(tx)) <= 1) {
            throw conflict('You are the last active administrator; make someone else an administrator first');
          }
        }
        await deactivateAccount(tx, { userId: caller.id, by: 'self', actorId: caller.id, now });
        await audit.record(
          { actorId: caller.id, action: 'user.deactivated', targetType: 'user', targetId: caller.id, ip: ctx.ip },
          tx,
        );
      });
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
