import { parseArgs } from 'node:util';
import { createAdministrator } from '../modules/accounts/index.js';
import { createAuditLog } from '../modules/audit/index.js';
import { systemClock } from '../platform/clock.js';
import type { Config } from '../platform/config/config.js';
import { createDatabase } from '../platform/db/db.js';
import { AppError } from '../platform/errors.js';

export const ADMIN_USAGE = `kapal admin create --email <email> --password <password> [--name <name>]

  Creates an administrator. The password may come from ADMIN_PASSWORD instead of the flag
  (keeps it out of the process list). An email that already has an account is refused.
`;

/** `kapal admin ...` (the arguments after `admin`); returns the process exit code. */
export async function adminCommand(config: Config, argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${ADMIN_USAGE}`);
    return 64;
  }
  const { positionals, values } = parsed;
  const email = values.email;
  const password = values.password ?? config.bootstrapAdmin?.password ?? process.env.ADMIN_PASSWORD;
  if (positionals[0] !== 'create' || !email || !password) {
    process.stderr.write(ADMIN_USAGE);
    return 64;
  }
  // Only the database is needed: no queue, Redis or cluster connection for a one-off command.
  const database = createDatabase({ url: config.database.url, poolMax: 2, applicationName: 'kapal-cli' });
  try {
    const admin = await createAdministrator(
      { database, clock: systemClock, audit: createAuditLog({ database, clock: systemClock }) },
      { email, password, name: values.name ?? 'Administrator' },
    );
    process.stdout.write(`administrator ${admin.email} created (id ${admin.id})\n`);
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
}
