// Authenticated GET /api/v1/me: JWT verification plus the guard's one indexed query (user ⨝ session).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { authSessions, users } from '../src/modules/accounts/accounts.tables.js';
import { createAccessTokens } from '../src/modules/accounts/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import { createDatabase } from '../src/platform/db/db.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import type { Scenario } from './scenarios.js';

export const meScenario: Scenario = {
  name: 'me',
  description: 'GET /api/v1/me with a bearer token (JWT verify + one indexed query of user and session)',
  method: 'GET',
  path: '/api/v1/me',
  target: 0.5,
  async setup() {
    const config = loadConfig();
    // A database of the run's own, migrated, with one user and a live session.
    const name = `kapal_bench_${randomBytes(4).toString('hex')}`;
    const url = new URL(config.database.url);
    const adminUrl = new URL(config.database.url);
    adminUrl.pathname = '/postgres';
    url.pathname = `/${name}`;
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await runMigrations(url.toString());
    const database = createDatabase({ url: url.toString() });
    const [user] = await database.db
      .insert(users)
      .values({ email: 'bench@example.test', passwordHash: 'unusable', name: 'Bench' })
      .returning({ id: users.id });
    const [session] = await database.db
      .insert(authSessions)
      .values({ userId: user!.id })
      .returning({ id: authSessions.id });
    await database.close();
    const token = await createAccessTokens({ secret: config.auth.jwtSecret, ttlSeconds: 3600 }).sign({
      userId: user!.id,
      role: 'USER',
      sessionId: session!.id,
    });
    return {
      env: { DATABASE_URL: url.toString() },
      headers: { authorization: `Bearer ${token}` },
      async teardown() {
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  },
};
