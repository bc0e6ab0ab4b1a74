import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db/db.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/pg-errors.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import {
  type Account,
  activateAccount,
  countActiveAdministrators,
  countUsers,
  deactivateAccount,
  deleteUser,
  findAccount,
  hashPassword,
  insertUser,
  isAdministrator,
  lockAccount,
  lockAdministrators,
  type RequestContext,
  type Role,
  searchUsers,
  type UserFilters,
  updateUserFields,
} from '../accounts/index.js';
import type { AuditLog } from '../audit/index.js';
import { recordDomainEvent } from '../domain-events/index.js';
import type { LiveSubscriptions } from './live-subscriptions.js';

export interface UserChanges {
  email?: string;
  name?: string;
  phone?: string | null;
  role?: Role;
  isActive?: boolean;
}

export type BulkAction = { action: 'activate' | 'deactivate' | 'delete' } | { action: 'change-role'; role: Role };
export type BulkItemResult =
  | { id: string; ok: true; outcome: 'updated' | 'unchanged' | 'deleted' }
  | { id: string; ok: false; error: { code: string; message: string } };

type Actor = { id: string };

/** Administrators managing users. Every change is one transaction with its audit entry (and outbox event). */
export function createAdminUsersService(deps: {
  database: Pick<Database, 'db' | 'transaction'>;
  clock: Clock;
  audit: AuditLog;
  liveSubscriptions: LiveSubscriptions;
}) {
  const { database, clock, audit } = deps;

  async function lockUser(tx: Tx, id: string): Promise<Account> {
    const row = await lockAccount(tx, id);
    if (!row) throw notFound('User');
    return row;
  }

  /**
   * Refuses a change that would leave no active administrator. Taken under one transaction-scoped lock,
   * so two administrators demoting or deleting each other at once cannot both succeed.
   */
  async function keepAnAdministrator(tx: Tx, user: Account, what: string) {
    if (!isAdministrator(user)) return;
    await lockAdministrators(tx);
    if ((await countActiveAdministrators(tx)) <= 1) {
      throw conflict(`You cannot ${what} the last active administrator; make another administrator first`);
    }
  }

  function refuseSelf(actor: Actor, id: string, what: string) {
    if (actor.id === id) throw conflict(`You cannot ${what} your own account here; another administrator can`);
  }

  /** Applies changes to one user inside `tx`; returns whether anything changed. */
  async function applyChanges(tx: Tx, actor: Actor, id: string, changes: UserChanges, ctx: RequestContext) {
    const before = await lockUser(tx, id);
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(changes) as Array<keyof UserChanges>) {
      if (changes[key] !== undefined && changes[key] !== before[key])
        diff[key] = { from: before[key], to: changes[key] };
    }
    if (Object.keys(diff).length === 0) return { account: before, changed: false };
    if (diff.role) refuseSelf(actor, id, 'change the role of');
    if (diff.isActive) refuseSelf(actor, id, 'deactivate');
    if (diff.role && changes.role !== before.role) await keepAnAdministrator(tx, before, 'demote');
    if (changes.isActive === false) await keepAnAdministrator(tx, before, 'deactivate');

    const now = clock.now();
    const { isActive, ...fields } = Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, v.to])) as UserChanges;
    if (Object.keys(fields).length > 0) await updateUserFields(tx, id, fields, now);
    if (isActive === false) {
      await deactivateAccount(tx, { userId: id, by: 'administrator', actorId: actor.id, now });
    } else if (isActive === true) {
      await activateAccount(tx, id, now);
    }

    const entry = { actorId: actor.id, targetType: 'user', targetId: id, ip: ctx.ip };
    await audit.record({ ...entry, action: 'admin.user.updated', details: { changes: diff } }, tx);
    if (diff.role) await audit.record({ ...entry, action: 'admin.user.role_changed', details: diff.role }, tx);
    if (isActive !== undefined) {
      await audit.record({ ...entry, action: isActive ? 'admin.user.activated' : 'admin.user.deactivated' }, tx);
    }
    return { account: (await findAccount(tx, id))!, changed: true };
  }

  async function removeUser(tx: Tx, actor: Actor, id: string, ctx: RequestContext) {
    refuseSelf(actor, id, 'delete');
    const user = await lockUser(tx, id);
    await keepAnAdministrator(tx, user, 'delete');
    const live = await deps.liveSubscriptions.countLive(tx, id);
    if (live > 0) {
      throw conflict(
        `This user has ${live} live subscription${live === 1 ? '' : 's'}; cancel them before deleting the user (or deactivate the user instead)`,
      );
    }
    const now = clock.now();
    await deleteUser(tx, id).catch((err) => {
      // Money history (the ledger, transactions, invoices) must outlive the account: it is kept, so the
      // account can only be deactivated. Any other module's records that refer to the user say the same.
      if (isForeignKeyViolation(err)) {
        throw conflict('This user has records that must be kept (payments, invoices); deactivate the user instead');
      }
      throw err;
    });
    await recordDomainEvent(tx, {
      type: 'user.deleted',
      aggregateId: id,
      payload: { userId: id, actorId: actor.id },
      occurredAt: now,
    });
    await audit.record(
      {
        actorId: actor.id,
        action: 'admin.user.deleted',
        targetType: 'user',
        targetId: id,
        ip: ctx.ip,
        details: { email: user.email, role: user.role },
      },
      tx,
    );
  }

  const withUniqueEmail = <T>(work: Promise<T>) =>
    work.catch((err) => {
      if (isUniqueViolation(err)) throw conflict('An account with this email already exists');
      throw err;
    });

  return {
    list: (filters: UserFilters) => searchUsers(database.db, filters),

    async get(id: string): Promise<Account> {
      const account = await findAccount(database.db, id);
      if (!account) throw notFound('User');
      return account;
    },

    async create(
      actor: Actor,
      input: { email: string; password: string; name: string; phone?: string | null; role: Role },
      ctx: RequestContext,
    ): Promise<Account> {
      const passwordHash = await hashPassword(input.password);
      const now = clock.now();
      return withUniqueEmail(
        database.transaction(async (tx) => {
          const userId = await insertUser(tx, { ...input, passwordHash, now });
          await audit.record(
            {
              actorId: actor.id,
              action: 'admin.user.created',
              targetType: 'user',
              targetId: userId,
              ip: ctx.ip,
              details: { role: input.role },
            },
            tx,
          );
          return (await findAccount(tx, userId))!;
        }),
      );
    },

    async update(actor: Actor, id: string, changes: UserChanges, ctx: RequestContext): Promise<Account> {
      const { account } = await withUniqueEmail(
        database.transaction((tx) => applyChanges(tx, actor, id, changes, ctx)),
      );
      return account;
    },

    async remove(actor: Actor, id: string, ctx: RequestContext): Promise<void> {
      await database.transaction((tx) => removeUser(tx, actor, id, ctx));
    },

    /** One transaction per user, so one refusal does not undo the others; each gets its own result. */
    async bulk(
      actor: Actor,
      input: BulkAction & { userIds: string[] },
      ctx: RequestContext,
    ): Promise<BulkItemResult[]> {
      const results: BulkItemResult[] = [];
      for (const id of input.userIds) {
        try {
          if (input.action === 'delete') {
            await database.transaction((tx) => removeUser(tx, actor, id, ctx));
            results.push({ id, ok: true, outcome: 'deleted' });
            continue;
          }
          const changes: UserChanges =
            input.action === 'change-role' ? { role: input.role } : { isActive: input.action === 'activate' };
          const { changed } = await database.transaction((tx) => applyChanges(tx, actor, id, changes, ctx));
          results.push({ id, ok: true, outcome: changed ? 'updated' : 'unchanged' });
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          results.push({ id, ok: false, error: { code: err.code, message: err.message } });
        }
      }
      return results;
    },

    async stats(days = 30) {
      const today = clock.now();
      const since = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1)));
      const { groups, daily } = await countUsers(database.db, since);
      const byRole = { USER: 0, ADMINISTRATOR: 0 };
      const byStatus = { active: 0, inactive: 0 };
      let total = 0;
      for (const g of groups) {
        byRole[g.role] += g.n;
        byStatus[g.isActive ? 'active' : 'inactive'] += g.n;
        total += g.n;
      }
      const perDay = new Map(daily.map((d) => [d.day, d.n]));
      const signupsPerDay = Array.from({ length: days }, (_, i) => {
        const date = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
        return { date, count: perDay.get(date) ?? 0 };
      });
      return { total, byRole, byStatus, signupsPerDay };
    },
  };
}

export type AdminUsersService = ReturnType<typeof createAdminUsersService>;
