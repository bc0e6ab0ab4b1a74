// Administrators' lists over a filled database: GET /api/v1/admin/users and /admin/audit-log, first page.
// The baseline is a bare server that runs the same SQL (captured from drizzle) through pg on each request
// and answers the same bytes, so the ratio is Kapal's overhead (guard, validation, mapping, serialization)
// over the queries themselves.
import { searchUsers } from '../src/modules/accounts/index.js';
import { createAuditLog } from '../src/modules/audit/index.js';
import { systemClock } from '../src/platform/clock.js';
import { createBenchDatabase } from './bench-database.js';
import { captureSql } from './capture-sql.js';
import type { Scenario } from './scenarios.js';

const USERS = 1_000;
const AUDIT_ENTRIES = 5_000;

export const adminScenarios: Scenario[] = [
  {
    name: 'admin-users',
    description: `GET /api/v1/admin/users as an administrator, ${USERS} users, first page of 20 (page and count queries)`,
    method: 'GET',
    path: '/api/v1/admin/users',
    target: 0.5,
    async setup() {
      const bench = await createBenchDatabase();
      await bench.database.pool.query(
        `insert into users (email, password_hash, name, role, created_at)
         select 'user' || i || '@example.test', 'unusable', 'User ' || i, 'USER', now() - i * interval '1 hour'
         from generate_series(1, $1::int) as i`,
        [USERS],
      );
      const headers = await bench.signedIn('ADMINISTRATOR');
      // What the route runs for a request without a query string (the schema's defaults).
      const queries = await captureSql(bench.database.pool, (db) =>
        searchUsers(db, { sort: '-createdAt', page: 1, pageSize: 20 }),
      );
      return {
        env: { DATABASE_URL: bench.url },
        headers,
        bareSql: { databaseUrl: bench.url, queries },
        teardown: () => bench.drop(),
      };
    },
  },
  {
    name: 'audit-log',
    description: `GET /api/v1/admin/audit-log as an administrator, ${AUDIT_ENTRIES} entries, first page of 20 (page and count queries)`,
    method: 'GET',
    path: '/api/v1/admin/audit-log',
    target: 0.5,
    async setup() {
      const bench = await createBenchDatabase();
      await bench.database.pool.query(
        `insert into audit_log (occurred_at, actor_id, action, target_type, target_id, ip, details)
         select now() - i * interval '1 minute', gen_random_uuid(), (array['auth.login', 'auth.login_failed', 'admin.user.updated'])[1 + i % 3],
                'user', gen_random_uuid()::text, '192.0.2.' || (i % 250), jsonb_build_object('attempt', i, 'userAgent', 'bench')
         from generate_series(1, $1::int) as i`,
        [AUDIT_ENTRIES],
      );
      const headers = await bench.signedIn('ADMINISTRATOR');
      const queries = await captureSql(bench.database.pool, (db) =>
        createAuditLog({ database: { db }, clock: systemClock }).list({ page: 1, pageSize: 20 }),
      );
      return {
        env: { DATABASE_URL: bench.url },
        headers,
        bareSql: { databaseUrl: bench.url, queries },
        teardown: () => bench.drop(),
      };
    },
  },
];
