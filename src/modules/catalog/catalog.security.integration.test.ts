import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { services } from './catalog.tables.js';

const ID = '00000000-0000-4000-8000-000000000000';
/**
 * Each admin route, and what the administrator gets once past the guard: a list, the 400 of an empty
 * body, or the 404 of a service, plan or category that does not exist (not the 404 of a missing route).
 */
const ADMIN_ROUTES = [
  ['GET', '/admin/services', 200],
  ['GET', '/admin/services/stats', 200],
  ['POST', '/admin/services', 400],
  ['GET', `/admin/services/${ID}`, 404],
  ['PATCH', `/admin/services/${ID}`, 400],
  ['DELETE', `/admin/services/${ID}`, 404],
  ['GET', `/admin/services/${ID}/plans`, 404],
  ['POST', `/admin/services/${ID}/plans`, 400],
  ['GET', `/admin/services/${ID}/plans/${ID}`, 404],
  ['PATCH', `/admin/services/${ID}/plans/${ID}`, 400],
  ['DELETE', `/admin/services/${ID}/plans/${ID}`, 404],
  ['GET', '/admin/categories', 200],
  ['POST', '/admin/categories', 400],
  ['GET', `/admin/categories/${ID}`, 404],
  ['PATCH', `/admin/categories/${ID}`, 400],
  ['DELETE', `/admin/categories/${ID}`, 404],
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
      ...(method === 'POST' || method === 'PATCH' ? { payload: {} } : {}),
    });

  it.each(ADMIN_ROUTES)(
    '%s %s: anonymous 401, USER 404 (as if it did not exist), ADMIN gets %i from the route itself',
    async (method, url, adminStatus) => {
      const anonymous = await send(method, url);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('UNAUTHORIZED');
      const asUser = await send(method, url, user.headers);
      expect(asUser.statusCode).toBe(404);
      expect(asUser.json().error).toMatchObject({
        code: 'NOT_FOUND',
        message: `Route ${method} /api/v1${url} not found`,
      });
      const asAdmin = await send(method, url, admin.headers);
      expect(asAdmin.statusCode, asAdmin.body).toBe(adminStatus);
      if (adminStatus === 400) expect(asAdmin.json().error.code).toBe('VALIDATION_FAILED');
      if (adminStatus === 404) expect(asAdmin.json().error.message).toMatch(/^(Service|Plan|Category) not found$/);
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
