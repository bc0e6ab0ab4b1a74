import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppJobCatalog } from '../../jobs.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, DbExecutor } from '../../platform/db/db.js';
import { AppError, conflict, notFound, unauthorized } from '../../platform/errors.js';
import type { JobProducer } from '../../platform/queue/job-producer.js';
import type { AuditLog } from '../audit/index.js';
import { findAccount } from './accounts.repository.js';
import { users } from './accounts.tables.js';
import type { RequestContext } from './auth.service.js';
import type { AuthRateLimits, RateLimiter } from './rate-limit.js';
import { lockAccount } from './user-directory.js';
import {
  emailFingerprint,
  expiredVerificationLink,
  invalidVerificationLink,
  type VerificationTokens,
} from './verification-token.js';

/** The dashboard page that reads `token` from its query and posts it to `POST /api/v1/auth/verify-email`. */
export const VERIFY_EMAIL_PAGE = '/verify-email';

export const emailNotVerified = () =>
  new AppError(
    'EMAIL_NOT_VERIFIED',
    'Verify your email address first: open the link we mailed you, or ask for a new one with ' +
      'POST /api/v1/auth/verify-email/resend',
  );

/**
 * The purchase rule on its own: with REQUIRE_EMAIL_VERIFICATION on, an account whose current email is not
 * verified may sign in and look around, but not top up or subscribe (403 EMAIL_NOT_VERIFIED).
 */
export function assertEmailVerified(account: { emailVerifiedAt: Date | null }, required: boolean): void {
  if (required && account.emailVerifiedAt === null) throw emailNotVerified();
}

/**
 * What the accounts module offers other modules as the `emailVerification` port. Billing (top-ups) and
 * subscriptions use one of the first two before they take money or start an app.
 */
export interface EmailVerification {
  /** REQUIRE_EMAIL_VERIFICATION as configured. */
  readonly required: boolean;
  /**
   * A route hook placed after the auth guard: `onRequest: [guard.user, emailVerification.requireVerifiedEmail]`.
   * Judges the account row the guard just read (kept current by the session cache's notifications).
   */
  requireVerifiedEmail(request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void;
  /** The same rule for a service, read from PostgreSQL (in the caller's transaction when given). */
  assertMayPurchase(userId: string, executor?: DbExecutor): Promise<void>;
  /** The link mailed to the user: `${PUBLIC_URL}/verify-email?token=…`, valid 24 h from now. */
  linkFor(account: { id: string; email: string }): { url: string; expiresAt: Date };
}

export interface EmailVerificationDeps {
  database: Pick<Database, 'db' | 'transaction'>;
  clock: Clock;
  tokens: VerificationTokens;
  audit: AuditLog;
  rateLimiter: RateLimiter;
  limits: Pick<AuthRateLimits, 'verifyEmailResendPerAccount'>;
  jobs: Pick<JobProducer<AppJobCatalog>, 'enqueue'>;
  publicUrl: string;
  required: boolean;
}

/** Email verification: the signed link, its check, the resend, and the purchase rule. */
export function createEmailVerificationService(deps: EmailVerificationDeps) {
  const { database, clock, tokens, audit, required } = deps;
  const pageUrl = `${deps.publicUrl.replace(/\/+$/, '')}${VERIFY_EMAIL_PAGE}`;

  const port: EmailVerification = {
    required,
    requireVerifiedEmail(request, _reply, done) {
      if (!required) return done();
      if (!request.user) return done(unauthorized());
      try {
        assertEmailVerified(request.user.account, required);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    async assertMayPurchase(userId, executor = database.db) {
      if (!required) return;
      const account = await findAccount(executor, userId);
      if (!account) throw notFound('User');
      assertEmailVerified(account, required);
    },
    linkFor(account) {
      const { token, expiresAt } = tokens.sign({ userId: account.id, email: account.email });
      return { url: `${pageUrl}?token=${token}`, expiresAt };
    },
  };

  return {
    port,

    /**
     * Marks the email verified. 400 for a token that is not ours, names no account, or was sent to an email
     * the account no longer has; 410 for a genuine one past its time. Idempotent: an account whose current
     * email is already verified gets 200 again, whatever the age of the link.
     */
    async verify(token: string, ctx: RequestContext): Promise<{ emailVerified: true; alreadyVerified: boolean }> {
      const claims = tokens.read(token);
      return database.transaction(async (tx) => {
        const account = await lockAccount(tx, claims.userId);
        if (!account?.isActive) throw invalidVerificationLink();
        if (emailFingerprint(account.email) !== claims.emailFingerprint) {
          throw invalidVerificationLink();
        }
        if (account.emailVerifiedAt) return { emailVerified: true, alreadyVerified: true };
        if (claims.expired) throw expiredVerificationLink();
        const now = clock.now();
        await tx
          .update(users)
          .set({ emailVerifiedAt: now, updatedAt: now })
          .where(and(eq(users.id, account.id), isNull(users.emailVerifiedAt)));
        await audit.record(
          {
            actorId: account.id,
            action: 'user.email_verified',
            targetType: 'user',
            targetId: account.id,
            ip: ctx.ip,
            details: { email: account.email },
          },
          tx,
        );
        return { emailVerified: true, alreadyVerified: false };
      });
    },

    /** Mails a new link to the signed-in user; 3 per hour per account, every attempt counted. */
    async resend(caller: { id: string }): Promise<{ email: string }> {
      await deps.rateLimiter.hit([{ rule: deps.limits.verifyEmailResendPerAccount, key: caller.id }]);
      const account = await findAccount(database.db, caller.id);
      if (!account) throw notFound('User');
      if (account.emailVerifiedAt) throw conflict('Your email address is already verified');
      // No job id: each resend is a mail of its own. The worker mints the token, so none sits in Redis.
      await deps.jobs.enqueue('notifications.verify-email', { userId: account.id });
      return { email: account.email };
    },
  };
}

export type EmailVerificationService = ReturnType<typeof createEmailVerificationService>;
