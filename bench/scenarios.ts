/**
 * A scenario names the request to load-test. `setup` prepares what it needs (a database, a user, a
 * token) and returns the environment of the Kapal server and the request headers; `teardown` undoes it.
 * The bare baseline answers with the very bytes Kapal answered to the same request.
 */
import { meScenario } from './me-scenario.js';

export interface ScenarioContext {
  env: Record<string, string>;
  headers: Record<string, string>;
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
  {
    name: 'healthz',
    description: 'GET /healthz (routing, request id, schema serialization, metrics hook)',
    method: 'GET',
    path: '/healthz',
  },
];
