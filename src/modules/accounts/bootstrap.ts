import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/db.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { badRequest, conflict } from '../../platform/errors.js';
import type { AuditLog } from '../audit/index.js';
import { ROLES, type Role } from './access-token.js';
import { emailSchema, nameSchema } from './accounts.http.js';
import { type Account, findAccount, findUserByEmail } from './accounts.repository.js';
import { users } from './accounts.tables.js';
import { hashPassword, passwordSchema } from './password.js';

type BootstrapDeps = { database: Pick<Database, 'db' | 'transaction'>; clock: Clock; audit: Pick<AuditLog, 'record'> };
interface NewAccount {
  email: string;
  password: string;
  name: string;
  role: Role;
}

function checked(input: NewAccount): NewAccount {
  const fields = { email: emailSchema, password: passwordSchema, name: nameSchema } as const;
  const out = { ...input };
  for (const [field, schema] of Object.entries(fields) as Array<
    [keyof typeof fields, (typeof fields)[keyof typeof fields]]
  >) {
    const result = schema.safeParse(input[field]);
    if (!result.success) throw badRequest(`${field}: ${result.error.issues[0]?.message ?? 'is invalid'}`);
    out[field] = result.data;
  }
  return out;
}

async function insertAccount(deps: BootstrapDeps, input: NewAccount, via: string): Promise<Account> {
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const { audit } = deps;
  return deps.database
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      await audit.record(
        {
          actorId: null,
          action: 'admin.user.created',
          targetType: 'user',
          targetId: row!.id,
          details: { via, role: input.role },
        },
        tx,
      );
      return (await findAccount(tx, row!.id))!;
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw conflict(`An account with the email ${input.email} already exists`);
      throw err;
    });
}

/** `kapal admin create`: a new administrator; refuses an email that is taken (it never resets a password). */
export async function createAdministrator(
  deps: BootstrapDeps,
  input: { email: string; password: string; name: string },
): Promise<Account> {
  const account = checked({ ...input, role: ROLES.ADMINISTRATOR });
  return insertAccount(deps, account, 'cli');
}

/** Seed step helper: creates the account unless its email exists (then leaves it exactly as it is). */
export async function ensureAccount(deps: BootstrapDeps, input: NewAccount): Promise<'created' | 'exists'> {
  const account = checked(input);
  if (await findUserByEmail(deps.database.db, account.email)) return 'exists';
  try {
    await insertAccount(deps, account, 'seed');
    return 'created';
  } catch (err) {
    // Another seed run won the race: the account exists, which is what we wanted.
    if (err instanceof Error && (err as { code?: string }).code === 'CONFLICT') return 'exists';
    throw err;
  }
}
