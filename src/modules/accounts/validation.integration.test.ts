import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, registerUser, tableCounts } from '../../../test/helpers/accounts.js';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';

type Caller = 'anonymous' | 'user' | 'admin';
interface BodyRoute {
  method: 'POST' | 'PATCH' | 'DELETE';
  url: (target: string) => string;
  as: Caller;
  valid: Record<string, unknown>;
  /** Each field, and a wrong value for it. */
  wrong: Record<string, unknown>;
}

// Every body of the accounts routes, each field wrong in turn while the others are right.
const routes: BodyRoute[] = [
  {
    method: 'POST',
    url: () => '/api/v1/auth/register',
    as: 'anonymous',
    valid: { email: 'valid-new@example.test', password: 'correct-horse-battery-9', name: 'Valid' },
    wrong: { email: 'not-an-email', password: 'short1', name: '' },
  },
  {
    method: 'POST',
    url: () => '/api/v1/auth/login',
    as: 'anonymous',
    valid: { email: 'valid@example.test', password: 'whatever-1' },
    wrong: { email: 42, password: '' },
  },
  {
    method: 'POST',
    url: () => '/api/v1/auth/refresh',
    as: 'anonymous',
    valid: { refreshToken: 'x' },
    wrong: { refreshToken: '' },
  },
  {
    method: 'PATCH',
    url: () => '/api/v1/me',
    as: 'user',
    valid: { name: 'New Name', phone: '+62 812 0000 0000' },
    wrong: { name: '', phone: 'call me maybe', email: 'new@example.test' },
  },
  {
    method: 'POST',
    url: () => '/api/v1/me/password',
    as: 'user',
    valid: { currentPassword: 'correct-horse-battery-9', newPassword: 'brand-new-secret-7' },
    wrong: { currentPassword: '', newPassword: 'nodigitshere' },
  },
  {
    method: 'DELETE',
    url: () => '/api/v1/me',
    as: 'user',
    valid: { password: 'correct-horse-battery-9' },
    wrong: { password: 7 },
  },
  {
    method: 'POST',
    url: () => '/api/v1/admin/users',
    as: 'admin',
    valid: {
      email: 'made@example.test',
      password: 'correct-horse-battery-9',
      name: 'Made',
      phone: '+62 811 1111 111',
      role: 'USER',
    },
    wrong: { email: 'made@', password: '1234567890', name: ' ', phone: 'x', role: 'ROOT' },
  },
  {
    method: 'PATCH',
    url: (target) => `/api/v1/admin/users/${target}`,
    as: 'admin',
    valid: { email: 'renamed@example.test', name: 'Renamed', phone: null, role: 'ADMINISTRATOR', isActive: false },
    wrong: {
      email: 'renamed',
      name: '',
      phone: 'abc',
      role: 'admin',
      isActive: 'yes',
      password: 'correct-horse-battery-9',
    },
  },
  {
    method: 'POST',
    url: () => '/api/v1/admin/users/bulk',
    as: 'admin',
    valid: { action: 'change-role', role: 'ADMINISTRATOR', userIds: [] as string[] },
    wrong: { action: 'explode', role: 'ROOT', userIds: ['not-a-uuid'] },
  },
];

describe('validation: every body field wrong in turn is a 400 naming the field, and nothing is written', () => {
  let t: TestRuntime;
  let callers: Record<Exclude<Caller, 'anonymous'>, TestUser>;
  let target: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    callers = { user: await createUserWithToken(t), admin: await createUserWithToken(t, { role: 'ADMINISTRATOR' }) };
    target = (await registerUser(t)).id;
    const bulk = routes.find((r) => r.url('') === '/api/v1/admin/users/bulk')!;
    bulk.valid.userIds = [target];
  });
  afterAll(async () => {
    await t.close();
  });

  for (const route of routes) {
    for (const [field, value] of Object.entries(route.wrong)) {
      it(`${route.method} ${route.url('{id}')}: ${field} = ${JSON.stringify(value)}`, async () => {
        const before = await tableCounts(t);
        const res = await call(t, {
          method: route.method,
          url: route.url(target),
          headers: route.as === 'anonymous' ? {} : callers[route.as].headers,
          payload: { ...route.valid, [field]: value },
        });
        expect(res.statusCode, res.body).toBe(400);
        const error = res.json().error;
        expect(error.code).toBe('VALIDATION_FAILED');
        // The field is named: in a detail's path, or (for a field that must not be there) in the message.
        const aboutField = (d: { path: string; message: string }) =>
          d.path === `body.${field}` || d.path.startsWith(`body.${field}.`) || d.message.includes(`"${field}"`);
        // Only this field is named: the rest of the body is valid, so the 400 is about this field alone.
        expect(error.details.length, res.body).toBeGreaterThan(0);
        expect(error.details.every(aboutField), res.body).toBe(true);
        expect(await tableCounts(t)).toEqual(before);
      });
    }
  }
});
