import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { services } from './catalog.schema.js';

const ID = '00000000-0000-4000-8000-000000000000';
const ADMIN_ROUTES = [
  ['GET', '/admin/services'],
  ['GET', '/admin/services/stats'],
  ['POST', '/admin/services'],
  ['GET', `/admin/services/${ID}`],
  ['PATCH', `/admin/services/${ID}`],
  ['DELETE', `/admin/services/${ID}`],
  ['GET', `/admin/services/${ID}/plans`],
  ['POST', `/admin/services/${ID}/plans`],
  ['GET', `/admin/services/${ID}/plans/${ID}`],
  ['PATCH', `/admin/services/${ID}/plans/${ID}`],
  ['DELETE', `/admin/services/${ID}/plans/${ID}`],
  ['GET', '/admin/categories'],
  ['POST', '/admin/categories'],
  ['GET', `/admin/categories/${ID}`],
  ['PATCH', `/admin/categories/${ID}`],
  ['DELETE', `/admin/categories/${ID}`],
] as const;

describe('catalog authorization', () => {
  let t: TestRuntime;
  let user: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestRuntime();
    user = await createUserWithToken(t, { role: 'USER' });
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
  });
  afterAll(() => t?.close());

  const send = (method: string, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers,
      ...(method === 'POST' || method === 'PATCH' ? { payload: { slug: 'x-y', name: 'X', templateRef: 'n8n' } } : {}),
    });

  it.each(ADMIN_ROUTES)(
    '%s %s: anonymous 401, USER 404 (as if it did not exist), ADMIN passes the guard',
    async (method, url) => {
      const anonymous = await send(method, url);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('UNAUTHORIZED');
      const asUser = await send(method, url, user.headers);
      expect(asUser.statusCode).toBe(404);
      expect(asUser.json().error.code).toBe('NOT_FOUND');
      const asAdmin = await send(method, url, admin.headers);
      expect([401, 403]).not.toContain(asAdmin.statusCode);
    },
  );

  it('a USER cannot create a service: nothing is written', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/services',
      headers: user.headers,
      payload: { slug: 'sneaky', name: 'Sneaky', templateRef: 'n8n' },
    });
    expect(res.statusCode).toBe(404);
    expect(await t.runtime.database.db.select().from(services).where(eq(services.slug, 'sneaky'))).toEqual([]);
  });

  it('the public catalog needs no token, and a bad token there is ignored rather than rejected', async () => {
    expect((await send('GET', '/services')).statusCode).toBe(200);
    expect((await send('GET', '/services', { authorization: 'Bearer nonsense' })).statusCode).toBe(200);
  });
});
