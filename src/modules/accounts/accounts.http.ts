import { z } from 'zod';
import { ROLES } from './access-token.js';
import type { Account } from './accounts.repository.js';

/** Email as typed by a person: trimmed and lower-cased before it is checked, stored or compared. */
export const emailSchema = z
  .string({ message: 'must be a string' })
  .max(320, 'must be at most 320 characters')
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(254, 'must be at most 254 characters'))
  .meta({ description: 'Email address; case-insensitive, stored lower-cased' });

export const nameSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const phoneSchema = z
  .string({ message: 'must be a string' })
  .max(32, 'must be at most 32 characters')
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number such as +62 812 3456 7890')
  .nullable();

/** The languages of a user's mails: Indonesian (the default) and English. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z
  .enum(LOCALES, { message: 'must be id (Indonesian) or en (English)' })
  .describe('The language of your mails: id (Indonesian) or en (English)');

export const roleSchema = z.enum([ROLES.USER, ROLES.ADMINISTRATOR], { message: 'must be USER or ADMINISTRATOR' });

export const userView = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    locale: localeSchema,
    role: roleSchema,
    isActive: z.boolean(),
    emailVerified: z.boolean().describe('Whether the current email was proven by a verification link'),
    lastLoginAt: z.iso.datetime().nullable(),
    deactivatedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export type UserView = z.infer<typeof userView>;

/** Views of cached account objects (the guard's session cache) are made once, not per request. */
const views = new WeakMap<Account, UserView>();

export function toUserView(account: Account): UserView {
  const known = views.get(account);
  if (known) return known;
  const view: UserView = {
    id: account.id,
    email: account.email,
    name: account.name,
    phone: account.phone,
    locale: account.locale === 'en' ? 'en' : 'id',
    role: account.role,
    isActive: account.isActive,
    emailVerified: account.emailVerifiedAt !== null,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
    deactivatedAt: account.deactivatedAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
  views.set(account, view);
  return view;
}

export const tokenPair = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string().describe('JWT for the Authorization header; short-lived'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    refreshToken: z.string().describe('Opaque; exchange it once at /auth/refresh for a new pair'),
  })
  .meta({ id: 'TokenPair' });

export type TokenPair = z.infer<typeof tokenPair>;

export const session = z.object({ user: userView, tokens: tokenPair }).meta({ id: 'Session' });
