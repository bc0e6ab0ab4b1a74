import { eq } from 'drizzle-orm';
import type { AppJobCatalog } from '../../jobs.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db/db.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { conflict, unauthorized } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';
import type { AuditLog } from '../audit/index.js';
import type { AccessTokens, Role } from './access-token.js';
import type { TokenPair } from './accounts.http.js';
import {
  type Account,
  findAccount,
  findUserByEmail,
  insertRefreshToken,
  insertSession,
  lockRefreshToken,
} from './accounts.repository.js';
import { authSessions, refreshTokens, users } from './accounts.tables.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.js';
import type { AuthRateLimits, RateLimiter } from './rate-limit.js';
import { hashRefreshToken, newRefreshToken } from './refresh-token.js';

/** Where a request came from, for rate limits, sessions and the audit trail. */
export interface RequestContext {
  ip: string;
  userAgent?: string;
}

export interface AuthServiceDeps {
  database: Pick<Database, 'db' | 'transaction'>;
  clock: Clock;
  tokens: AccessTokens;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  rateLimiter: RateLimiter;
  limits: AuthRateLimits;
  audit: AuditLog;
  jobs: Pick<JobProducer<AppJobCatalog>, 'enqueue'>;
  logger: Pick<Logger, 'warn'>;
  /** Counted once per account created by sign-up (kapal_signups_total), after its commit. */
  signups?: { inc(): void };
}

const INVALID_CREDENTIALS = 'Invalid email or password';
const INVALID_REFRESH = 'Invalid or expired refresh token';

/** Registration, sign-in, refresh-token rotation and sign-out. */
export function createAuthService(deps: AuthServiceDeps) {
  const { database, clock, audit, limits } = deps;

  /** Starts a session (a refresh-token family) inside the caller's transaction. */
  async function startSession(tx: Tx, userId: string, ctx: RequestContext, now: Date) {
    const sessionId = await insertSession(tx, { userId, ip: ctx.ip, userAgent: ctx.userAgent, now });
    const refresh = newRefreshToken();
    await insertRefreshToken(tx, {
      sessionId,
      tokenHash: refresh.hash,
      now,
      expiresAt: new Date(now.getTime() + deps.refreshTtlSeconds * 1000),
    });
    return { sessionId, refreshToken: refresh.token };
  }

  async function tokenPair(user: { id: string; role: Role }, sessionId: string, refreshToken: string) {
    const accessToken = await deps.tokens.sign({ userId: user.id, role: user.role, sessionId });
    return { tokenType: 'Bearer', accessToken, expiresIn: deps.accessTtlSeconds, refreshToken } satisfies TokenPair;
  }

  return {
    async register(input: { email: string; password: string; name: string }, ctx: RequestContext) {
      await deps.rateLimiter.hit([
        { rule: limits.registerPerIp, key: ctx.ip },
        { rule: limits.registerPerEmail, key: input.email },
      ]);
      if (await findUserByEmail(database.db, input.email)) throw conflict('An account with this email already exists');
      const passwordHash = await hashPassword(input.password);
      const now = clock.now();
      const { account, sessionId, refreshToken } = await database
        .transaction(async (tx) => {
          const [row] = await tx
            .insert(users)
            .values({
              email: input.email,
              name: input.name,
              passwordHash,
              lastLoginAt: now,
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: users.id });
          const started = await startSession(tx, row!.id, ctx, now);
          await audit.record(
            { actorId: row!.id, action: 'user.registered', targetType: 'user', targetId: row!.id, ip: ctx.ip },
            tx,
          );
          return { account: (await findAccount(tx, row!.id))!, ...started };
        })
        .catch((err) => {
          if (isUniqueViolation(err)) throw conflict('An account with this email already exists');
          throw err;
        });
      deps.signups?.inc();
      // The account exists whether or not the mails can be queued; a lost mail is not worth a failed sign-up
      // (a lost verification link can be sent again with /auth/verify-email/resend).
      await deps.jobs
        .enqueue('notifications.welcome', { userId: account.id }, { jobId: `welcome-${account.id}` })
        .catch((err) => deps.logger.warn({ err, userId: account.id }, 'could not enqueue the welcome mail'));
      await deps.jobs
        .enqueue('notifications.verify-email', { userId: account.id }, { jobId: `verify-email-${account.id}` })
        .catch((err) => deps.logger.warn({ err, userId: account.id }, 'could not enqueue the verification mail'));
      return { user: account, tokens: await tokenPair(account, sessionId, refreshToken) };
    },

    async login(input: { email: string; password: string }, ctx: RequestContext) {
      await deps.rateLimiter.hit([
        { rule: limits.loginPerIp, key: ctx.ip },
        { rule: limits.loginPerEmail, key: input.email },
      ]);
      const user = await findUserByEmail(database.db, input.email);
      if (!user) {
        await burnPasswordCheck(input.password);
        await audit.record({
          actorId: null,
          action: 'auth.login_failed',
          ip: ctx.ip,
          details: { email: input.email, reason: 'unknown_email' },
        });
        throw unauthorized(INVALID_CREDENTIALS);
      }
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        await audit.record({
          actorId: null,
          action: 'auth.login_failed',
          targetType: 'user',
          targetId: user.id,
          ip: ctx.ip,
          details: { email: input.email, reason: 'wrong_password' },
        });
        throw unauthorized(INVALID_CREDENTIALS);
      }
      if (!user.isActive) {
        await audit.record({
          actorId: user.id,
          action: 'auth.login_failed',
          targetType: 'user',
          targetId: user.id,
          ip: ctx.ip,
          details: { email: input.email, reason: 'deactivated' },
        });
        throw unauthorized('This account is deactivated');
      }
      const now = clock.now();
      const { account, sessionId, refreshToken } = await database.transaction(async (tx) => {
        const started = await startSession(tx, user.id, ctx, now);
        await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
        await audit.record(
          {
            actorId: user.id,
            action: 'auth.login',
            targetType: 'session',
            targetId: started.sessionId,
            ip: ctx.ip,
          },
          tx,
        );
        return { account: (await findAccount(tx, user.id))!, ...started };
      });
      return { user: account, tokens: await tokenPair(account, sessionId, refreshToken) };
    },

    /**
     * Exchanges a refresh token for a new pair. A token is good once: presenting a used one means it was
     * stolen (or replayed), so its whole family (the session) is revoked and the caller must sign in again.
     */
    async refresh(refreshToken: string, ctx: RequestContext): Promise<TokenPair> {
      await deps.rateLimiter.hit([{ rule: limits.refreshPerIp, key: ctx.ip }]);
      const now = clock.now();
      const outcome = await database.transaction(async (tx) => {
        const found = await lockRefreshToken(tx, hashRefreshToken(refreshToken));
        if (!found) return { kind: 'invalid' } as const;
        await deps.rateLimiter.hit([{ rule: limits.refreshPerAccount, key: found.userId }]);
        if (found.sessionRevokedAt || !found.isActive || found.expiresAt <= now) return { kind: 'invalid' } as const;
        if (found.usedAt) {
          await tx
            .update(authSessions)
            .set({ revokedAt: now, revokedReason: 'refresh_token_reuse' })
            .where(eq(authSessions.id, found.sessionId));
          await audit.record(
            {
              actorId: null,
              action: 'auth.refresh_reuse',
              targetType: 'session',
              targetId: found.sessionId,
              ip: ctx.ip,
              details: { userId: found.userId },
            },
            tx,
          );
          return { kind: 'reused' } as const;
        }
        await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, found.tokenId));
        await tx.update(authSessions).set({ lastUsedAt: now }).where(eq(authSessions.id, found.sessionId));
        const next = newRefreshToken();
        await insertRefreshToken(tx, {
          sessionId: found.sessionId,
          tokenHash: next.hash,
          now,
          expiresAt: new Date(now.getTime() + deps.refreshTtlSeconds * 1000),
        });
        return { kind: 'rotated', found, refreshToken: next.token } as const;
      });
      if (outcome.kind === 'reused') throw unauthorized('Refresh token was already used; the session is revoked');
      if (outcome.kind === 'invalid') throw unauthorized(INVALID_REFRESH);
      return tokenPair(
        { id: outcome.found.userId, role: outcome.found.role },
        outcome.found.sessionId,
        outcome.refreshToken,
      );
    },

    /** Ends the caller's session: its refresh token and its access tokens stop working. */
    async logout(user: { id: string; sessionId: string }, ctx: RequestContext): Promise<void> {
      const now = clock.now();
      await database.transaction(async (tx) => {
        await tx
          .update(authSessions)
          .set({ revokedAt: now, revokedReason: 'logout' })
          .where(eq(authSessions.id, user.sessionId));
        await audit.record(
          { actorId: user.id, action: 'auth.logout', targetType: 'session', targetId: user.sessionId, ip: ctx.ip },
          tx,
        );
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
export type { Account };
