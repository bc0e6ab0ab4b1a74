import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { TestRuntime } from './test-runtime.js';

let ipSeq = 0;
/** A client address of its own, so per-IP rate limits trip only in the tests that mean to trip them. */
export const freshIp = () => {
  ipSeq += 1;
  return `10.${(process.pid >> 8) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`;
};

/** `app.inject` from a fresh client address unless the test names one. */
export function call(t: Pick<TestRuntime, 'app'>, options: InjectOptions & { url: string }) {
  return t.app.inject({ remoteAddress: freshIp(), ...options });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const uniqueEmail = (tag = 'user') => `${tag}-${randomBytes(5).toString('hex')}@example.test`;

export interface RegisteredUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  headers: { authorization: string };
}

/** Registers through the API, as a customer would. */
export async function registerUser(
  t: Pick<TestRuntime, 'app'>,
  options: { email?: string; password?: string; name?: string } = {},
): Promise<RegisteredUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? 'correct-horse-battery-9';
  const res = await call(t, {
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, name: options.name ?? 'Ayu Lestari' },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    id: body.user.id,
    email: body.user.email,
    password,
    accessToken: body.tokens.accessToken,
    refreshToken: body.tokens.refreshToken,
    headers: bearer(body.tokens.accessToken),
  };
}

/** Row counts of the tables a request could write, to prove it wrote nothing. */
export async function tableCounts(t: Pick<TestRuntime, 'runtime'>) {
  const { rows } = await t.runtime.database.db.execute<Record<string, number>>(sql`
    select (select count(*)::int from users) as users,
           (select count(*)::int from auth_sessions) as sessions,
           (select count(*)::int from refresh_tokens) as refresh_tokens,
           (select count(*)::int from audit_log) as audit_log,
           (select count(*)::int from domain_events) as domain_events,
           (select coalesce(max(updated_at)::text, '') from users) as last_update`);
  return rows[0];
}
