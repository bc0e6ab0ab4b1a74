/**
 * A scenario names the request to load-test. `setup` prepares what it needs (a database, a user, a
 * token) and returns the environment of the Kapal server and the request headers; `teardown` undoes it.
 * The bare baseline answers with the very bytes Kapal answered to the same request; with `bareSql` it
 * first runs those statements through pg on each request, so the ratio is Kapal's overhead over its queries.
 */
import { adminPodsScenario } from './admin-pods-scenario.js';
import { adminScenarios } from './admin-scenarios.js';
import type { CapturedQuery } from './capture-sql.js';
import { catalogScenarios } from './catalog-scenarios.js';
import { meScenario } from './me-scenario.js';

export interface ScenarioContext {
  env: Record<string, string>;
  headers: Record<string, string>;
  /** The statements the bare server runs per request (in parallel, as drizzle does), on this database. */
  bareSql?: { databaseUrl: string; queries: CapturedQuery[] };
  /** Figures of the scenario's own (printed after the table) and problems that fail the run; asked before teardown. */
  report?: () => Promise<{ lines: string[]; problems: string[] }>;
  teardown?: () => Promise<void>;
}

export interface Scenario {
  name: string;
  description: string;
  method: 'GET';
  path: string;
  /** Requests/s of Kapal as a fraction of the bare server's that the scenario must reach. */
  target?: number;
  setup?: () => Promise<ScenarioContext>;
}

export const scenarios: Scenario[] = [
  meScenario,
  ...catalogScenarios,
  ...adminScenarios,
  adminPodsScenario,
  {
    name: 'healthz',
    description: 'GET /healthz (routing, request id, schema serialization, metrics hook)',
    method: 'GET',
    path: '/healthz',
  },
];
