// Authenticated GET /api/v1/me: JWT verification plus the guard's account lookup, which after the first
// request is a session cache hit (invalidated by PostgreSQL notifications), so this measures the cached path.
import { createBenchDatabase } from './bench-database.js';
import type { Scenario } from './scenarios.js';

export const meScenario: Scenario = {
  name: 'me',
  description: 'GET /api/v1/me with a bearer token (JWT verify; session cache hit, no query: the cached path)',
  method: 'GET',
  path: '/api/v1/me',
  target: 0.5,
  async setup() {
    const bench = await createBenchDatabase();
    const headers = await bench.signedIn('USER');
    return { env: { DATABASE_URL: bench.url }, headers, teardown: () => bench.drop() };
  },
};
