import { and, eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/helpers/accounts.js';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { users } from '../accounts/accounts.tables.js';

type Change = { method: 'PATCH' | 'DELETE'; payload?: object };

describe('/admin/users: at least one active administrator always remains', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(async () => {
    await t.close();
  });

  const activeAdministrators = async () =>
    (
      await t.runtime.database.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'ADMINISTRATOR'), eq(users.isActive, true)))
    ).length;

  /** Exactly two active administrators: these two. */
  async function twoAdministrators(): Promise<[TestUser, TestUser]> {
    const a = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    const b = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    await t.runtime.database.db
      .update(users)
      .set({ role: 'USER' })
      .where(and(eq(users.role, 'ADMINISTRATOR'), notInArray(users.id, [a.id, b.id])));
    expect(await activeAdministrators()).toBe(2);
    return [a, b];
  }

  const act = (actor: TestUser, target: TestUser, change: Change) =>
    call(t, {
      method: change.method,
      url: `/api/v1/admin/users/${target.id}`,
      headers: actor.headers,
      payload: change.payload,
    });

  it.each<[string, Change]>([
    ['demote', { method: 'PATCH', payload: { role: 'USER' } }],
    ['deactivate', { method: 'PATCH', payload: { isActive: false } }],
    ['delete', { method: 'DELETE' }],
  ])('two administrators who %s each other at once: one wins, one administrator remains', async (_what, change) => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await twoAdministrators();
      const answers = await Promise.all([act(a, b, change), act(b, a, change)]);
      const statuses = answers.map((r) => r.statusCode).sort();
      // The loser is refused (409: the last administrator), or, when the winner committed first, is no
      // longer an administrator (404, as for any non-administrator) or no longer exists (401).
      expect(
        statuses.filter((s) => s < 300),
        `round ${round}: ${statuses}`,
      ).toHaveLength(1);
      expect([401, 404, 409]).toContain(statuses[1]);
      expect(await activeAdministrators()).toBe(1);
    }
  });
});
