import { and, eq } from 'drizzle-orm';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, type RegisteredUser, registerUser, uniqueEmail } from '../../../test/helpers/accounts.js';
import { createUserWithToken } from '../../../test/helpers/auth.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { registerErrorHandler } from '../../platform/http/error-handler.js';
import type { WorkerRunner } from '../../platform/queue/worker-runner.js';
import { createWorker } from '../../worker.js';
import { auditLog } from '../audit/audit.tables.js';
import { users } from './accounts.tables.js';
import { createVerificationTokens, VERIFICATION_TTL_SECONDS } from './verification-token.js';

const PUBLIC_URL = 'https://kapal.example.test';
/** The verification mail, in the default locale (Indonesian). */
const SUBJECT = 'Verifikasi alamat email Anda untuk Kapal';

/** The text of a mail as the reader sees it: its plain-text part, decoded. */
const decodedBody = (mail: ReceivedMail): string => mail.text;

function tokenOf(mail: ReceivedMail): string {
  const link = new RegExp(`${PUBLIC_URL}/verify-email\\?token=([A-Za-z0-9_.-]+)`).exec(decodedBody(mail));
  if (!link) throw new Error(`no verification link in:\n${mail.raw}`);
  return link[1]!;
}

describe('email verification (REQUIRE_EMAIL_VERIFICATION off, as in development and tests)', {
  timeout: 150_000,
}, () => {
  let smtp: SmtpSink;
  let t: TestRuntime;
  let worker: WorkerRunner;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestRuntime({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    worker = createWorker(t.runtime);
    await worker.start();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  const mailsTo = (email: string) =>
    smtp.messages.filter((m) => m.to.includes(email) && m.template === 'verify-email' && m.subject === SUBJECT);
  const nthMailTo = (email: string, n: number) =>
    // Two jobs per mail (verify-email, then deliver): generous on a machine whose cores are busy.
    waitFor(() => mailsTo(email)[n - 1], { timeoutMs: 60_000, what: `verification mail #${n} to ${email}` });
  const verify = (token: unknown) => call(t, { method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  const me = async (user: { headers: Record<string, string> }) =>
    (await call(t, { method: 'GET', url: '/api/v1/me', headers: user.headers })).json();
  const verifiedAt = async (id: string) =>
    (await t.runtime.database.db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, id)))[0]?.at;
  const changeEmail = async (user: { id: string }, email: string) => {
    const admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    const res = await call(t, {
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      headers: admin.headers,
      payload: { email },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('registration mails a link to PUBLIC_URL/verify-email; its token verifies the email, and /me says so', async () => {
    const user = await registerUser(t);
    expect((await me(user)).emailVerified).toBe(false);

    const mail = await nthMailTo(user.email, 1);
    const body = decodedBody(mail);
    expect(body).toContain(`${PUBLIC_URL}/verify-email?token=`);
    expect(mail.text).toContain('Tautan berlaku 24 jam');
    const res = await verify(tokenOf(mail));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ emailVerified: true, alreadyVerified: false });

    expect(await me(user)).toMatchObject({ id: user.id, emailVerified: true });
    expect(await verifiedAt(user.id)).toBeInstanceOf(Date);
    const audit = await t.runtime.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, user.id), eq(auditLog.action, 'user.email_verified')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ email: user.email });

    // Idempotent: the same link again is 200, changes nothing, audits nothing.
    const again = await verify(tokenOf(mail));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ emailVerified: true, alreadyVerified: true });
    const auditAfter = await t.runtime.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, user.id), eq(auditLog.action, 'user.email_verified')));
    expect(auditAfter).toHaveLength(1);

    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobState(`verify-email-${user.id}`)) === 'completed', {
      what: 'the registration verification job to complete',
    });
    expect((await queue.getJob(`verify-email-${user.id}`))?.returnvalue).toEqual({
      sent: true,
      deliveryId: expect.any(String),
    });
  });

  it('refuses a malformed token (400 naming the field) and a tampered one (400), leaving the user unverified', async () => {
    const user = await registerUser(t);
    const token = tokenOf(await nthMailTo(user.email, 1));

    for (const malformed of ['', 'no-dot-here', 'a.b.c', `${token}!`, 'x.'.repeat(300), 42, null]) {
      const res = await verify(malformed);
      expect(res.statusCode, String(malformed)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details[0].path).toBe('body.token');
    }

    const [payload, mac] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const otherUser = await registerUser(t);
    const tampered = [
      // someone else's account under this signature
      `${Buffer.from(JSON.stringify({ ...claims, sub: otherUser.id })).toString('base64url')}.${mac}`,
      // a later expiry under this signature
      `${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url')}.${mac}`,
      // the MAC changed
      `${payload}.${mac.slice(0, -2)}${mac.at(-2) === 'A' ? 'B' : 'A'}${mac.at(-1)}`,
    ];
    for (const bad of tampered) {
      const res = await verify(bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('BAD_REQUEST');
      expect(res.json().error.message).toMatch(/not valid/);
    }
    expect(await verifiedAt(user.id)).toBeNull();
    expect(await verifiedAt(otherUser.id)).toBeNull();
  });

  it('refuses an expired link with 410 LINK_EXPIRED, and a fresh one still works', async () => {
    const user = await registerUser(t);
    const issuedAt = new Date(Date.now() - (VERIFICATION_TTL_SECONDS + 60) * 1000);
    const expired = createVerificationTokens({
      secret: t.runtime.config.auth.jwtSecret,
      now: () => issuedAt,
    }).sign({ userId: user.id, email: user.email }).token;

    const res = await verify(expired);
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toMatchObject({ code: 'LINK_EXPIRED', message: expect.stringMatching(/expired/) });
    expect(await verifiedAt(user.id)).toBeNull();

    expect((await verify(tokenOf(await nthMailTo(user.email, 1)))).statusCode).toBe(200);
    expect(await verifiedAt(user.id)).toBeInstanceOf(Date);
  });

  it('a link for the old email stops working once the email changes; a link for the new one works', async () => {
    const user = await registerUser(t);
    const oldToken = tokenOf(await nthMailTo(user.email, 1));
    const newEmail = uniqueEmail('moved');
    expect((await changeEmail(user, newEmail)).emailVerified).toBe(false);

    const res = await verify(oldToken);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
    expect(await verifiedAt(user.id)).toBeNull();

    const resend = await call(t, { method: 'POST', url: '/api/v1/auth/verify-email/resend', headers: user.headers });
    expect(resend.statusCode).toBe(202);
    expect(resend.json()).toEqual({ email: newEmail });
    expect((await verify(tokenOf(await nthMailTo(newEmail, 1)))).statusCode).toBe(200);
    expect((await me(user)).emailVerified).toBe(true);
  });

  it('changing a verified email clears the verification; setting the same address again keeps it', async () => {
    const user = await registerUser(t);
    expect((await verify(tokenOf(await nthMailTo(user.email, 1)))).statusCode).toBe(200);

    expect((await changeEmail(user, user.email.toUpperCase())).emailVerified).toBe(true);
    expect(await verifiedAt(user.id)).toBeInstanceOf(Date);

    expect((await changeEmail(user, uniqueEmail('changed'))).emailVerified).toBe(false);
    expect(await verifiedAt(user.id)).toBeNull();
    expect((await me(user)).emailVerified).toBe(false);
  });

  it('resend: a new link each time, at most 3 per hour per account (429 with Retry-After), even from new addresses', async () => {
    const user: RegisteredUser = await registerUser(t);
    await nthMailTo(user.email, 1);
    const resend = () =>
      call(t, { method: 'POST', url: '/api/v1/auth/verify-email/resend', headers: bearer(user.accessToken) });

    for (let i = 0; i < 3; i++) expect((await resend()).statusCode).toBe(202);
    const refused = await resend();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // Registration's mail and three more; the fourth request sent nothing.
    await nthMailTo(user.email, 4);
    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobCountByTypes('waiting', 'active', 'delayed')) === 0, {
      what: 'the notifications queue to drain',
    });
    expect(mailsTo(user.email)).toHaveLength(4);

    // Every link mailed works (the first click verifies, the later ones are the idempotent 200).
    const answers = [];
    for (const mail of mailsTo(user.email)) answers.push((await verify(tokenOf(mail))).json().alreadyVerified);
    expect(answers).toEqual([false, true, true, true]);
  });

  it('resend for a verified account is 409 and mails nothing', async () => {
    const user = await registerUser(t);
    expect((await verify(tokenOf(await nthMailTo(user.email, 1)))).statusCode).toBe(200);
    const res = await call(t, { method: 'POST', url: '/api/v1/auth/verify-email/resend', headers: user.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    const queue = t.runtime.jobs.queues().get('notifications')!;
    await waitFor(async () => (await queue.getJobCountByTypes('waiting', 'active', 'delayed')) === 0, {
      what: 'the notifications queue to drain',
    });
    expect(mailsTo(user.email)).toHaveLength(1);
  });

  it('the verification job sends nothing to a user who verified or left before it ran', async () => {
    const user = await registerUser(t);
    expect((await verify(tokenOf(await nthMailTo(user.email, 1)))).statusCode).toBe(200);
    const queue = t.runtime.jobs.queues().get('notifications')!;
    const verified = await t.runtime.jobs.enqueue('notifications.verify-email', { userId: user.id });
    const gone = await t.runtime.jobs.enqueue('notifications.verify-email', {
      userId: '00000000-0000-4000-8000-00000000beef',
    });
    for (const [job, reason] of [
      [verified, 'already-verified'],
      [gone, 'deleted'],
    ] as const) {
      await waitFor(async () => (await queue.getJobState(job.id)) === 'completed', { what: 'the job to complete' });
      expect((await queue.getJob(job.id))?.returnvalue).toEqual({ sent: false, reason });
    }
    expect(mailsTo(user.email)).toHaveLength(1);
  });

  it('with the requirement off, the emailVerification port lets an unverified user purchase', async () => {
    const port = t.runtime.modules.ports.emailVerification!;
    expect(port.required).toBe(false);
    const user = await registerUser(t);
    await expect(port.assertMayPurchase(user.id)).resolves.toBeUndefined();
  });
});

describe('REQUIRE_EMAIL_VERIFICATION=true: the emailVerification port refuses purchases by unverified users', () => {
  let smtp: SmtpSink;
  let t: TestRuntime;
  let worker: WorkerRunner;
  let purchase: AppInstance;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestRuntime({ env: { SMTP_URL: smtp.url, PUBLIC_URL, REQUIRE_EMAIL_VERIFICATION: 'true' } });
    worker = createWorker(t.runtime);
    await worker.start();
    // No purchase route exists yet (billing and subscriptions are to come): a tiny one built the way they
    // will build theirs, from the ports the composition root handed out, with the real error mapping. It
    // uses the route hook alone; the service function is checked directly.
    const { authGuard, emailVerification } = t.runtime.modules.ports;
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    registerErrorHandler(app);
    app.post('/purchase', { onRequest: [authGuard!.user, emailVerification!.requireVerifiedEmail] }, async () => ({
      purchased: true,
    }));
    await app.ready();
    purchase = app;
  });
  afterAll(async () => {
    await purchase?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('an unverified user signs in and reads /me, but a purchase is 403 EMAIL_NOT_VERIFIED until the link is used', async () => {
    const user = await registerUser(t);
    const login = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.emailVerified).toBe(false);

    const port = t.runtime.modules.ports.emailVerification!;
    expect(port.required).toBe(true);
    await expect(port.assertMayPurchase(user.id)).rejects.toMatchObject({ code: 'EMAIL_NOT_VERIFIED', status: 403 });
    const refused = await purchase.inject({ method: 'POST', url: '/purchase', headers: user.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'EMAIL_NOT_VERIFIED',
      message: expect.stringMatching(/verify-email\/resend/),
    });
    expect((await purchase.inject({ method: 'POST', url: '/purchase' })).statusCode).toBe(401);

    const mail = await waitFor(
      () =>
        smtp.messages.find((m) => m.to.includes(user.email) && m.template === 'verify-email' && m.subject === SUBJECT),
      {
        what: 'the verification mail',
      },
    );
    const verified = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/verify-email',
      payload: { token: tokenOf(mail) },
    });
    expect(verified.statusCode).toBe(200);

    await expect(port.assertMayPurchase(user.id)).resolves.toBeUndefined();
    const allowed = await purchase.inject({ method: 'POST', url: '/purchase', headers: user.headers });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toEqual({ purchased: true });
  });

  it('checks in the caller’s transaction, and an email change takes the right away again', async () => {
    const user = await registerUser(t);
    const mail = await waitFor(
      () =>
        smtp.messages.find((m) => m.to.includes(user.email) && m.template === 'verify-email' && m.subject === SUBJECT),
      {
        what: 'the verification mail',
      },
    );
    await call(t, { method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: tokenOf(mail) } });
    const port = t.runtime.modules.ports.emailVerification!;
    await t.runtime.database.transaction((tx) => port.assertMayPurchase(user.id, tx));

    const admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    const changed = await call(t, {
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      headers: admin.headers,
      payload: { email: uniqueEmail('new') },
    });
    expect(changed.statusCode).toBe(200);
    await expect(t.runtime.database.transaction((tx) => port.assertMayPurchase(user.id, tx))).rejects.toMatchObject({
      code: 'EMAIL_NOT_VERIFIED',
    });
    const refused = await purchase.inject({ method: 'POST', url: '/purchase', headers: user.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('EMAIL_NOT_VERIFIED');
  });

  it('an unknown user is 404 from assertMayPurchase, not a purchase', async () => {
    const port = t.runtime.modules.ports.emailVerification!;
    await expect(port.assertMayPurchase('00000000-0000-4000-8000-00000000beef')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
