import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, registerUser } from '../../../test/helpers/accounts.js';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';

describe('GET /admin/audit-log', () => {
  let t: TestRuntime;
  let admin: TestUser;
  let customer: Awaited<ReturnType<typeof registerUser>>;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    // A day in the life: sign-up, a failed and a good sign-in, a password change, a role change.
    customer = await registerUser(t);
    const from = { remoteAddress: '198.51.100.9' };
    await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: customer.email, password: 'wrong-one-1' },
      ...from,
    });
    await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: customer.email, password: customer.password },
      ...from,
    });
    await call(t, {
      method: 'POST',
      url: '/api/v1/me/password',
      headers: customer.headers,
      payload: { currentPassword: customer.password, newPassword: 'next-password-22' },
      ...from,
    });
    await call(t, {
      method: 'PATCH',
      url: `/api/v1/admin/users/${customer.id}`,
      headers: admin.headers,
      payload: { role: 'ADMINISTRATOR' },
      remoteAddress: '192.0.2.50',
    });
  });
  afterAll(async () => {
    await t.close();
  });
  const list = async (query: string) => {
    const res = await call(t, { method: 'GET', url: `/api/v1/admin/audit-log?${query}`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('records sign-ins, failed sign-ins, password and role changes with who, target, when and IP, newest first', async () => {
    const page = await list(`targetId=${customer.id}`);
    expect(page.items.map((e: { action: string }) => e.action)).toEqual([
      'admin.user.role_changed',
      'admin.user.updated',
      'user.password_changed',
      'auth.login_failed',
      'user.registered',
    ]);
    const roleChange = page.items[0];
    expect(roleChange).toMatchObject({ actorId: admin.id, targetType: 'user', ip: '192.0.2.50' });
    expect(roleChange.details).toEqual({ from: 'USER', to: 'ADMINISTRATOR' });
    expect(new Date(roleChange.occurredAt).getTime()).toBeLessThanOrEqual(Date.now());
    const signIns = await list(`actorId=${customer.id}&action=auth.login`);
    expect(signIns.items).toHaveLength(1);
    expect(signIns.items[0]).toMatchObject({ targetType: 'session', ip: '198.51.100.9' });
  });

  it('filters by actor, action, target type and date range, and pages with totals', async () => {
    const byAdmin = await list(`actorId=${admin.id}`);
    expect(byAdmin.total).toBe(2);
    expect(byAdmin.items).toHaveLength(2);
    expect(byAdmin.items.every((e: { actorId: string }) => e.actorId === admin.id)).toBe(true);
    const failed = await list('action=auth.login_failed');
    expect(failed.items.map((e: { targetId: string }) => e.targetId)).toEqual([customer.id]);
    const sessions = await list('targetType=session');
    expect(sessions.items.length).toBeGreaterThan(0);
    expect(sessions.items.every((e: { targetType: string }) => e.targetType === 'session')).toBe(true);

    const all = await list('pageSize=2');
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(all.items).toHaveLength(2);
    expect(all.totalPages).toBe(Math.ceil(all.total / 2));
    const second = await list('pageSize=2&page=2');
    expect(second.items[0].id).not.toBe(all.items[0].id);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(`from=${future}`)).total).toBe(0);
    expect((await list(`to=2000-01-01`)).total).toBe(0);
    expect((await list(`from=2000-01-01&to=${future}`)).total).toBe(all.total);
  });

  it('rejects a bad filter with a 400 naming it', async () => {
    const res = await call(t, { method: 'GET', url: '/api/v1/admin/audit-log?from=yesterday', headers: admin.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('querystring.from');
  });
});
