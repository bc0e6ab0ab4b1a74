import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, registerUser, tableCounts } from '../../../test/helpers/accounts.js';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { users } from '../accounts/accounts.tables.js';
import { createAuditLog } from '../audit/index.js';
import { createAdminUsersService } from './admin-users.service.js';

describe('/admin/users: errors', () => {
  let t: TestRuntime;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
  });
  afterAll(async () => {
    await t.close();
  });
  const db = () => t.runtime.database.db;
  const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    call(t, { method, url: `/api/v1${url}`, headers: admin.headers, payload });
  const missing = '00000000-0000-4000-8000-000000000000';

  it('an unknown user id is 404 on read, update and delete; a malformed one is 400', async () => {
    expect((await as('GET', `/admin/users/${missing}`)).statusCode).toBe(404);
    expect((await as('PATCH', `/admin/users/${missing}`, { name: 'X' })).statusCode).toBe(404);
    expect((await as('DELETE', `/admin/users/${missing}`)).statusCode).toBe(404);
    const bad = await as('GET', '/admin/users/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('params.id');
  });

  it('creating or renaming to a taken email (any case) is 409 and writes nothing', async () => {
    const user = await registerUser(t);
    const other = await registerUser(t);
    const before = await tableCounts(t);
    const create = await as('POST', '/admin/users', {
      email: user.email.toUpperCase(),
      password: 'initial-secret-12',
      name: 'Dup',
    });
    expect(create.statusCode).toBe(409);
    const rename = await as('PATCH', `/admin/users/${other.id}`, { email: user.email });
    expect(rename.statusCode).toBe(409);
    expect(await tableCounts(t)).toEqual(before);
    const [row] = await db().select().from(users).where(eq(users.id, other.id));
    expect(row!.email).toBe(other.email);
  });

  it('an administrator cannot demote, deactivate or delete themselves here (409); nothing changes', async () => {
    const before = await tableCounts(t);
    for (const [method, body] of [
      ['PATCH', { role: 'USER' }],
      ['PATCH', { isActive: false }],
      ['DELETE', undefined],
    ] as const) {
      const res = await as(method, `/admin/users/${admin.id}`, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/your own account/);
    }
    expect(await tableCounts(t)).toEqual(before);
    const [row] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ role: 'ADMINISTRATOR', isActive: true });
  });

  it('delete is refused while the user has live subscriptions, with a message saying so; nothing is deleted', async () => {
    // Subscriptions arrive in a later issue; this port is what it will implement (here: a user with two).
    const service = createAdminUsersService({
      database: t.runtime.database,
      clock: t.runtime.clock,
      audit: createAuditLog(t.runtime),
      liveSubscriptions: { countLive: async () => 2 },
    });
    const user = await registerUser(t);
    const before = await tableCounts(t);
    await expect(service.remove({ id: admin.id }, user.id, { ip: '127.0.0.1' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'This user has 2 live subscriptions; cancel them before deleting the user (or deactivate the user instead)',
    });
    const results = await service.bulk({ id: admin.id }, { action: 'delete', userIds: [user.id] }, { ip: '127.0.0.1' });
    expect(results).toMatchObject([{ id: user.id, ok: false, error: { code: 'CONFLICT' } }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('bulk names at most 100 users: 101 ids is a 400 naming the limit and changes nothing; 100 are taken', async () => {
    const user = await registerUser(t);
    const ids = (n: number) => [user.id, ...Array.from({ length: n - 1 }, () => randomUUID())];
    const before = await tableCounts(t);
    const over = await as('POST', '/admin/users/bulk', { action: 'deactivate', userIds: ids(101) });
    expect(over.statusCode).toBe(400);
    expect(over.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(over.json().error.message).toMatch(/body\.userIds: .*100/);
    expect(await tableCounts(t)).toEqual(before);
    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row!.isActive).toBe(true);

    const atLimit = await as('POST', '/admin/users/bulk', { action: 'deactivate', userIds: ids(100) });
    expect(atLimit.statusCode).toBe(200);
    expect(atLimit.json().summary).toEqual({ succeeded: 1, failed: 99 });
  });

  it('delete is refused (409, not 500) for a user with money history, which is kept; deactivating still works', async () => {
    const user = await registerUser(t);
    const billing = t.runtime.modules.ports.billing!;
    await t.runtime.database.transaction((tx) =>
      billing.adjust(tx, {
        userId: user.id,
        amount: 50_000,
        reason: 'goodwill credit',
        actorId: admin.id,
        idempotencyKey: `test-${randomUUID()}`,
      }),
    );
    const res = await as('DELETE', `/admin/users/${user.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/records that must be kept.*deactivate the user instead/);
    expect(await db().select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
    expect((await as('PATCH', `/admin/users/${user.id}`, { isActive: false })).statusCode).toBe(200);
  });
});
