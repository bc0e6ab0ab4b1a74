import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/db.js';

/**
 * A bare subscription row (and a user to own it) for tests that need one to exist, such as a render whose
 * generated secrets refer to it; no plan, no charge, no objects. Returns the subscription's and user's ids.
 */
export async function insertBareSubscription(
  db: Db,
  options: { id?: string; userId?: string; name?: string } = {},
): Promise<{ id: string; userId: string }> {
  const id = options.id ?? randomUUID();
  const userId = options.userId ?? randomUUID();
  const tag = randomBytes(6).toString('hex');
  await db.execute(sql`
    insert into users (id, email, password_hash, name) values (${userId}, ${`bare-${tag}@example.test`}, 'x', 'Bare')
    on conflict (id) do nothing`);
  await db.execute(sql`
    insert into subscriptions (id, user_id, name, host, price_idr, period_start, period_end)
    values (${id}, ${userId}, ${options.name ?? `bare-${tag}`}, ${`bare-${tag}.apps.test`}, 0, now(), now() + interval '30 days')`);
  return { id, userId };
}

/**
 * A subscription of `userId` whose pod has ended (TERMINATED, objects gone), written straight to the
 * database: no plan, no charge, no cluster objects. For tests of the routes around it (the authorization
 * matrix): reads answer 200, actions that need a running app 409. Returns the subscription's and pod's ids.
 */
export async function anEndedPodOf(db: Db, userId: string): Promise<{ subscriptionId: string; podId: string }> {
  const { id } = await insertBareSubscription(db, { userId });
  const podId = randomUUID();
  await db.execute(sql`
    insert into pods (id, subscription_id, user_id, status, namespace, workload_kind, workload_name,
                      provisioning_deadline_at, terminated_at)
    values (${podId}, ${id}, ${userId}, 'TERMINATED', ${`tenant-${userId}`}, 'Deployment', ${`bare-${podId.slice(0, 8)}`},
            now(), now())`);
  return { subscriptionId: id, podId };
}
