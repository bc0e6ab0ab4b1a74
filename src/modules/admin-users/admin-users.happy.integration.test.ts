import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, registerUser, uniqueEmail } from '../../../test/helpers/accounts.js';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { authSessions, users } from '../accounts/accounts.tables.js';
import { auditLog } from '../audit/audit.tables.js';
import { domainEvents } from '../domain-events/domain-events.tables.js';

describe('/admin/users: happy path', () => {
  let t: TestRuntime;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR', name: 'Root Admin' });
  });
  afterAll(async () => {
    await t.close();
  });
  const db = () => t.runtime.database.db;
  const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    call(t, { method, url: `/api/v1${url}`, headers: admin.headers, payload, remoteAddress: '192.0.2.1' });
  const actionsOn = async (targetId: string) =>
    (await db().select().from(auditLog).where(eq(auditLog.targetId, targetId))).map((a) => a.action).sort();

  it('POST creates a user who can sign in, audited', async () => {
    const email = uniqueEmail('made');
    const res = await as('POST', '/admin/users', {
      email: email.toUpperCase(),
      password: 'initial-secret-12',
      name: 'Made',
      role: 'ADMINISTRATOR',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, role: 'ADMINISTRATOR', isActive: true });
    const login = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'initial-secret-12' },
    });
    expect(login.statusCode).toBe(200);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'admin.user.created'));
    expect(entry).toMatchObject({ actorId: admin.id, targetId: res.json().id, ip: '192.0.2.1' });
  });

  it('GET /admin/users/{id} reads one user', async () => {
    const user = await registerUser(t, { name: 'Sari' });
    const res = await as('GET', `/admin/users/${user.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, email: user.email, name: 'Sari' });
  });

  it('PATCH changes profile, email and role; the role change is audited with from/to and applies at once', async () => {
    const user = await registerUser(t);
    const email = uniqueEmail('renamed');
    const res = await as('PATCH', `/admin/users/${user.id}`, { name: 'Renamed', email, role: 'ADMINISTRATOR' });
    expect(res.statusCode).toBe(200);
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ name: 'Renamed', email, role: 'ADMINISTRATOR' });
    expect(await actionsOn(user.id)).toEqual(['admin.user.role_changed', 'admin.user.updated', 'user.registered']);
    const [roleChange] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.user.role_changed'), eq(auditLog.targetId, user.id)));
    expect(roleChange!.details).toEqual({ from: 'USER', to: 'ADMINISTRATOR' });
    // Their existing token now opens admin routes: the guard reads the role from the database.
    const stats = await call(t, { method: 'GET', url: '/api/v1/admin/users/stats', headers: user.headers });
    expect(stats.statusCode).toBe(200);
  });

  it('PATCH isActive=false deactivates: sessions revoked, token refused, user.deactivated recorded; true reactivates', async () => {
    const user = await registerUser(t);
    const res = await as('PATCH', `/admin/users/${user.id}`, { isActive: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().isActive).toBe(false);
    const sessions = await db().select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.revokedAt).not.toBeNull();
    expect((await call(t, { method: 'GET', url: '/api/v1/me', headers: user.headers })).statusCode).toBe(401);
    const [event] = await db().select().from(domainEvents).where(eq(domainEvents.aggregateId, user.id));
    expect(event).toMatchObject({ type: 'user.deactivated', payload: { by: 'administrator', actorId: admin.id } });

    const back = await as('PATCH', `/admin/users/${user.id}`, { isActive: true });
    expect(back.json()).toMatchObject({ isActive: true, deactivatedAt: null });
    const login = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(login.statusCode).toBe(200);
    expect(await actionsOn(user.id)).toEqual(
      expect.arrayContaining(['admin.user.deactivated', 'admin.user.activated', 'admin.user.updated']),
    );
  });

  it('DELETE removes the user and their sessions, records user.deleted, keeps the audit trail', async () => {
    const user = await registerUser(t);
    const res = await as('DELETE', `/admin/users/${user.id}`);
    expect(res.statusCode).toBe(204);
    expect(await db().select().from(users).where(eq(users.id, user.id))).toEqual([]);
    expect(await db().select().from(authSessions).where(eq(authSessions.userId, user.id))).toEqual([]);
    const [event] = await db().select().from(domainEvents).where(eq(domainEvents.aggregateId, user.id));
    expect(event?.type).toBe('user.deleted');
    expect(await actionsOn(user.id)).toEqual(['admin.user.deleted', 'user.registered']);
  });

  it('GET /admin/users searches, filters, sorts and pages with totals', async () => {
    const tag = `srch${Date.now().toString(36)}`;
    const made: string[] = [];
    for (const name of ['Charlie', 'alpha', 'Bravo']) {
      made.push((await registerUser(t, { email: uniqueEmail(tag), name: `${name} ${tag}` })).id);
    }
    await db().update(users).set({ isActive: false }).where(eq(users.id, made[0]!));

    const page1 = await as('GET', `/admin/users?q=${tag.toUpperCase()}&sort=name&pageSize=2`);
    expect(page1.statusCode).toBe(200);
    expect(page1.json()).toMatchObject({ page: 1, pageSize: 2, total: 3, totalPages: 2 });
    expect(page1.json().items.map((u: { name: string }) => u.name)).toEqual([`alpha ${tag}`, `Bravo ${tag}`]);
    const page2 = await as('GET', `/admin/users?q=${tag}&sort=name&pageSize=2&page=2`);
    expect(page2.json().items.map((u: { name: string }) => u.name)).toEqual([`Charlie ${tag}`]);

    const inactive = await as('GET', `/admin/users?q=${tag}&status=inactive`);
    expect(inactive.json().items.map((u: { id: string }) => u.id)).toEqual([made[0]]);
    const admins = await as('GET', `/admin/users?q=${tag}&role=ADMINISTRATOR`);
    expect(admins.json().total).toBe(0);
    const future = await as('GET', `/admin/users?q=${tag}&createdFrom=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(future.json().total).toBe(0);
    const recent = await as('GET', `/admin/users?q=${tag}&createdFrom=2020-01-01&sort=-createdAt`);
    expect(recent.json().items.map((u: { id: string }) => u.id)).toEqual([...made].reverse());
    // A LIKE wildcard is a literal character, not "anything".
    expect((await as('GET', '/admin/users?q=%25')).json().total).toBe(0);
  });

  it('GET /admin/users/stats counts by role and status and sign-ups per day for 30 days', async () => {
    const res = await as('GET', '/admin/users/stats');
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    const rows = await db().select().from(users);
    expect(stats.total).toBe(rows.length);
    expect(stats.byRole.ADMINISTRATOR).toBe(rows.filter((r) => r.role === 'ADMINISTRATOR').length);
    expect(stats.byStatus.inactive).toBe(rows.filter((r) => !r.isActive).length);
    expect(stats.signupsPerDay).toHaveLength(30);
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.signupsPerDay.at(-1)).toEqual({
      date: today,
      count: rows.filter((r) => r.createdAt.toISOString().slice(0, 10) === today).length,
    });
  });

  it('POST /admin/users/bulk acts per user and reports each: updated, unchanged, refused, not found', async () => {
    const a = await registerUser(t);
    const b = await registerUser(t);
    await db().update(users).set({ role: 'ADMINISTRATOR' }).where(eq(users.id, b.id));
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await as('POST', '/admin/users/bulk', {
      action: 'change-role',
      role: 'ADMINISTRATOR',
      userIds: [a.id, b.id, admin.id, missing],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      results: [
        { id: a.id, ok: true, outcome: 'updated' },
        { id: b.id, ok: true, outcome: 'unchanged' },
        { id: admin.id, ok: true, outcome: 'unchanged' },
        { id: missing, ok: false, error: { code: 'NOT_FOUND', message: 'User not found' } },
      ],
      summary: { succeeded: 3, failed: 1 },
    });
    const rows = await db()
      .select()
      .from(users)
      .where(inArray(users.id, [a.id, b.id]));
    expect(rows.map((r) => r.role)).toEqual(['ADMINISTRATOR', 'ADMINISTRATOR']);

    const deactivate = await as('POST', '/admin/users/bulk', { action: 'deactivate', userIds: [a.id, admin.id] });
    expect(deactivate.json().results).toEqual([
      { id: a.id, ok: true, outcome: 'updated' },
      {
        id: admin.id,
        ok: false,
        error: { code: 'CONFLICT', message: 'You cannot deactivate your own account here; another administrator can' },
      },
    ]);
    const [aRow] = await db().select().from(users).where(eq(users.id, a.id));
    expect(aRow!.isActive).toBe(false);

    const remove = await as('POST', '/admin/users/bulk', { action: 'delete', userIds: [a.id, b.id] });
    expect(remove.json().summary).toEqual({ succeeded: 2, failed: 0 });
    expect(
      await db()
        .select()
        .from(users)
        .where(inArray(users.id, [a.id, b.id])),
    ).toEqual([]);
  });

  it('POST /admin/users/bulk activate: deactivated users come back and can sign in; an active one is unchanged', async () => {
    const [a, b, c] = [await registerUser(t), await registerUser(t), await registerUser(t)];
    const off = await as('POST', '/admin/users/bulk', { action: 'deactivate', userIds: [a.id, b.id] });
    expect(off.json().summary).toEqual({ succeeded: 2, failed: 0 });
    const signIn = (user: typeof a) =>
      call(t, { method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    expect((await signIn(a)).statusCode).toBe(401);

    const res = await as('POST', '/admin/users/bulk', { action: 'activate', userIds: [a.id, b.id, c.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      results: [
        { id: a.id, ok: true, outcome: 'updated' },
        { id: b.id, ok: true, outcome: 'updated' },
        { id: c.id, ok: true, outcome: 'unchanged' },
      ],
      summary: { succeeded: 3, failed: 0 },
    });
    const rows = await db()
      .select({ id: users.id, isActive: users.isActive, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(inArray(users.id, [a.id, b.id, c.id]));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row, row.id).toMatchObject({ isActive: true, deactivatedAt: null });
    expect((await signIn(a)).statusCode).toBe(200);
    expect(await actionsOn(a.id)).toContain('admin.user.activated');
    expect(await actionsOn(c.id)).not.toContain('admin.user.activated');
  });
});
