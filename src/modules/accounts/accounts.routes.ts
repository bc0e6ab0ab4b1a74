import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import {
  emailSchema,
  localeSchema,
  nameSchema,
  phoneSchema,
  session,
  tokenPair,
  toUserView,
  userView,
} from './accounts.http.js';
import type { AuthService } from './auth.service.js';
import { type AuthGuard, currentUser } from './auth-guard.js';
import type { EmailVerificationService } from './email-verification.service.js';
import { passwordSchema } from './password.js';
import type { ProfileService } from './profile.service.js';
import { requestContext } from './request-context.js';
import { MAX_VERIFICATION_TOKEN_LENGTH, VERIFICATION_TOKEN_PATTERN } from './verification-token.js';

const bearer = [{ bearerAuth: [] }];
const password = z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(128);

/** Registration, sign-in, token refresh, sign-out, email verification, and the signed-in user's own account. */
export async function accountsRoutes(
  app: AppInstance,
  {
    auth,
    profile,
    verification,
    guard,
  }: { auth: AuthService; profile: ProfileService; verification: EmailVerificationService; guard: AuthGuard },
) {
  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account and sign in',
        body: z.object({ email: emailSchema, password: passwordSchema, name: nameSchema }),
        response: { 201: session, ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const result = await auth.register(request.body, requestContext(request));
      return reply.status(201).send({ user: toUserView(result.user), tokens: result.tokens });
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: z.object({ email: emailSchema, password }),
        response: { 200: session, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const result = await auth.login(request.body, requestContext(request));
      return { user: toUserView(result.user), tokens: result.tokens };
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new token pair (the old refresh token is spent)',
        body: z.object({
          refreshToken: z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(200),
        }),
        response: { 200: tokenPair, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => auth.refresh(request.body.refreshToken, requestContext(request)),
  );

  app.post(
    '/auth/logout',
    {
      onRequest: guard.user,
      schema: {
        tags: ['auth'],
        summary: "Sign out: revoke this access token's session and its refresh token",
        security: bearer,
        response: { 204: z.null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await auth.logout(currentUser(request), requestContext(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/verify-email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Verify your email address with the token of the link we mailed you',
        description:
          'Public: the token is the proof. 400 for a token that is malformed, tampered with, or sent to an ' +
          'email the account no longer has; 410 LINK_EXPIRED for a genuine link older than 24 h (ask for a ' +
          'new one). An account whose email is already verified gets 200 again.',
        body: z.object({
          token: z
            .string({ message: 'must be a string' })
            .min(1, 'must not be empty')
            .max(MAX_VERIFICATION_TOKEN_LENGTH, `must be at most ${MAX_VERIFICATION_TOKEN_LENGTH} characters`)
            .regex(VERIFICATION_TOKEN_PATTERN, 'must be the token of a verification link'),
        }),
        response: {
          200: z.object({ emailVerified: z.literal(true), alreadyVerified: z.boolean() }),
          ...errorResponses(400, 410),
        },
      },
    },
    async (request) => verification.verify(request.body.token, requestContext(request)),
  );

  app.post(
    '/auth/verify-email/resend',
    {
      onRequest: guard.user,
      schema: {
        tags: ['auth'],
        summary: 'Mail a new verification link to your current email (3 per hour)',
        security: bearer,
        response: {
          202: z.object({ email: z.string().describe('Where the link is being sent') }),
          ...errorResponses(401, 409, 429),
        },
      },
    },
    async (request, reply) => reply.status(202).send(await verification.resend(currentUser(request))),
  );

  app.get(
    '/me',
    {
      onRequest: guard.user,
      schema: {
        tags: ['me'],
        summary: 'The signed-in user',
        security: bearer,
        response: { 200: userView, ...errorResponses(401) },
      },
    },
    async (request) => toUserView(currentUser(request).account),
  );

  app.patch(
    '/me',
    {
      onRequest: guard.user,
      schema: {
        tags: ['me'],
        summary: 'Update your profile',
        security: bearer,
        body: z
          .object({ name: nameSchema.optional(), phone: phoneSchema.optional(), locale: localeSchema.optional() })
          .strict()
          .refine((b) => Object.keys(b).length > 0, 'must change at least one field'),
        response: { 200: userView, ...errorResponses(400, 401) },
      },
    },
    async (request) => toUserView(await profile.update(currentUser(request), request.body, requestContext(request))),
  );

  app.post(
    '/me/password',
    {
      onRequest: guard.user,
      schema: {
        tags: ['me'],
        summary: 'Change your password; every other session is signed out',
        security: bearer,
        body: z.object({ currentPassword: password, newPassword: passwordSchema }),
        response: { 200: z.object({ revokedSessions: z.number().int() }), ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => profile.changePassword(currentUser(request), request.body, requestContext(request)),
  );

  app.delete(
    '/me',
    {
      onRequest: guard.user,
      schema: {
        tags: ['me'],
        summary: 'Deactivate your account (your password confirms it); sign-in is refused afterwards',
        security: bearer,
        body: z.object({ password }),
        response: { 204: z.null(), ...errorResponses(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      await profile.deactivate(currentUser(request), request.body, requestContext(request));
      return reply.status(204).send(null);
    },
  );
}
