// What scenarios set up: a migrated database of the run's own, and signed-in users with bearer tokens.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { authSessions, users } from '../src/modules/accounts/accounts.tables.js';
import { createAccessTokens, type Role } from '../src/modules/accounts/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import { createDatabase, type Database } from '../src/platform/db/db.js';
import { runMigrations } from '../src/platform/db/migrate.js';

export interface BenchDatabase {
  url: string;
  /** A pool on the database (drizzle and pg), for filling it; closed by `drop`. */
  database: Database;
  /** A user of `role` with a live session: the Authorization header that signs in as them. */
  signedIn(role: Role): Promise<{ authorization: string }>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const config = loadConfig();
  const name = `kapal_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(config.database.url);
  url.pathname = `/${name}`;
  const adminUrl = new URL(config.database.url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await runMigrations(url.toString());
  const database = createDatabase({ url: url.toString(), poolMax: 2, applicationName: 'kapal-bench-setup' });
  const tokens = createAccessTokens({ secret: config.auth.jwtSecret, ttlSeconds: 3600 });
  return {
    url: url.toString(),
    database,
    async signedIn(role) {
      const [user] = await database.db
        .insert(users)
        .values({
          email: `bench-${randomBytes(4).toString('hex')}@example.test`,
          passwordHash: 'unusable',
          name: 'Bench',
          role,
        })
        .returning({ id: users.id });
      const [session] = await database.db
        .insert(authSessions)
        .values({ userId: user!.id })
        .returning({ id: authSessions.id });
      const token = await tokens.sign({ userId: user!.id, role, sessionId: session!.id });
      return { authorization: `Bearer ${token}` };
    },
    async drop() {
      await database.close();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
