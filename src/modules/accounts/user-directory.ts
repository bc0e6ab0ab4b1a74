import { and, asc, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/db.js';
import { containsPattern } from '../../platform/http/listing.js';
import { ROLES, type Role } from './access-token.js';
import { type Account, accountColumns } from './accounts.repository.js';
import { users } from './accounts.tables.js';

/**
 * The accounts tables as administrators need them: search, counts, and the writes of /admin/users.
 * Only this module touches `users`; the admin-users module calls these with its own transaction.
 */

export const USER_SORTS = [
  'createdAt',
  '-createdAt',
  'email',
  '-email',
  'name',
  '-name',
  'lastLoginAt',
  '-lastLoginAt',
] as const;
export type UserSort = (typeof USER_SORTS)[number];

export interface UserFilters {
  q?: string;
  role?: Role;
  status?: 'active' | 'inactive';
  createdFrom?: Date;
  createdTo?: Date;
  sort: UserSort;
  page: number;
  pageSize: number;
}

export interface NewUser {
  email: string;
  name: string;
  phone?: string | null;
  role: Role;
  passwordHash: string;
  now: Date;
}

export type UserFields = Partial<Pick<Account, 'email' | 'name' | 'phone' | 'role'>>;

// Names sort the way people read them, whatever the database collation: case-insensitively.
const sortColumns = {
  createdAt: sql`${users.createdAt}`,
  email: sql`${users.email}`,
  name: sql`lower(${users.name})`,
  lastLoginAt: sql`${users.lastLoginAt}`,
};
const signupDay = sql<string>`to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;

/** Which filters a search has and how it sorts: the statements differ by shape only, never by value. */
const shapeOf = (f: UserFilters) =>
  `${f.sort} ${f.q ? 'q' : ''}${f.role ? 'r' : ''}${f.status ? 's' : ''}${f.createdFrom ? 'f' : ''}${f.createdTo ? 't' : ''}`;

function buildSearch(executor: DbExecutor, filters: UserFilters) {
  const conditions: SQL[] = [];
  if (filters.q) {
    const pattern = sql.placeholder('pattern');
    conditions.push(or(ilike(users.email, pattern), ilike(users.name, pattern))!);
  }
  if (filters.role) conditions.push(eq(users.role, sql.placeholder('role')));
  if (filters.status) conditions.push(eq(users.isActive, sql.placeholder('active')));
  if (filters.createdFrom) conditions.push(gte(users.createdAt, sql.placeholder('createdFrom')));
  if (filters.createdTo) conditions.push(lt(users.createdAt, sql.placeholder('createdTo')));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const descending = filters.sort.startsWith('-');
  const column = sortColumns[filters.sort.replace('-', '') as keyof typeof sortColumns];
  const order = descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  // No name: unnamed statements, as an ad-hoc query sends; only drizzle's building of the SQL is kept.
  const unnamed = undefined as unknown as string;
  return {
    items: executor
      .select(accountColumns)
      .from(users)
      .where(where)
      .orderBy(order, descending ? desc(users.id) : asc(users.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(unnamed),
    total: executor.select({ total: count() }).from(users).where(where).prepare(unnamed),
  };
}

/**
 * A search's statements, built once per executor and shape (at most 8 sorts × 32 filter sets): drizzle
 * otherwise builds the SQL text on every call, a fifth of the CPU of GET /admin/users.
 */
const searchesByExecutor = new WeakMap<DbExecutor, Map<string, ReturnType<typeof buildSearch>>>();

export async function searchUsers(
  executor: DbExecutor,
  filters: UserFilters,
): Promise<{ items: Account[]; total: number }> {
  let searches = searchesByExecutor.get(executor);
  if (!searches) {
    searches = new Map();
    searchesByExecutor.set(executor, searches);
  }
  const shape = shapeOf(filters);
  let search = searches.get(shape);
  if (!search) {
    search = buildSearch(executor, filters);
    searches.set(shape, search);
  }
  // Values as drizzle binds them to these columns (timestamps as ISO strings).
  const values = {
    pattern: filters.q ? containsPattern(filters.q) : undefined,
    role: filters.role,
    active: filters.status === 'active',
    createdFrom: filters.createdFrom?.toISOString(),
    createdTo: filters.createdTo?.toISOString(),
    limit: filters.pageSize,
    offset: (filters.page - 1) * filters.pageSize,
  };
  const [items, [totals]] = await Promise.all([search.items.execute(values), search.total.execute(values)]);
  return { items, total: totals?.total ?? 0 };
}

/** Users by role and status, and sign-ups per UTC day since `since`. */
export async function countUsers(executor: DbExecutor, since: Date) {
  const [groups, daily] = await Promise.all([
    executor
      .select({ role: users.role, isActive: users.isActive, n: count() })
      .from(users)
      .groupBy(users.role, users.isActive),
    executor.select({ day: signupDay, n: count() }).from(users).where(gte(users.createdAt, since)).groupBy(signupDay),
  ]);
  return { groups, daily };
}

/** The user's row, locked for the rest of the transaction. */
export async function lockAccount(tx: DbExecutor, id: string): Promise<Account | undefined> {
  const [row] = await tx.select(accountColumns).from(users).where(eq(users.id, id)).for('update');
  return row;
}

export async function insertUser(tx: DbExecutor, user: NewUser): Promise<string> {
  const [row] = await tx
    .insert(users)
    .values({
      email: user.email,
      name: user.name,
      phone: user.phone ?? null,
      role: user.role,
      passwordHash: user.passwordHash,
      createdAt: user.now,
      updatedAt: user.now,
    })
    .returning({ id: users.id });
  return row!.id;
}

/** A new email is unproven: changing it clears the verification (the same address again keeps it). */
export async function updateUserFields(tx: DbExecutor, id: string, fields: UserFields, now: Date): Promise<void> {
  const verification =
    fields.email === undefined
      ? {}
      : {
          emailVerifiedAt: sql`case when lower(${users.email}) = lower(${fields.email}) then ${users.emailVerifiedAt} end`,
        };
  await tx
    .update(users)
    .set({ ...fields, ...verification, updatedAt: now })
    .where(eq(users.id, id));
}

export async function activateAccount(tx: DbExecutor, id: string, now: Date): Promise<void> {
  await tx.update(users).set({ isActive: true, deactivatedAt: null, updatedAt: now }).where(eq(users.id, id));
}

export async function deleteUser(tx: DbExecutor, id: string): Promise<void> {
  await tx.delete(users).where(eq(users.id, id));
}

export const isAdministrator = (account: Pick<Account, 'role' | 'isActive'>) =>
  account.role === ROLES.ADMINISTRATOR && account.isActive;
