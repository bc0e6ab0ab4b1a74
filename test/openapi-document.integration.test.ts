import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationMatrix } from './authorization-matrix.js';
import { startTestRuntime, type TestRuntime } from './helpers/test-runtime.js';

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Every route documents itself: a feature is not done until it shows up properly in /openapi.json. */
describe('the OpenAPI document', () => {
  let t: TestRuntime;
  let operations: [string, Operation][];
  beforeAll(async () => {
    t = await startTestRuntime();
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]),
    );
  });
  afterAll(() => t.close());

  it('lists the API under /api/v1 and the operations endpoints', () => {
    const names = operations.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /api/v1/me']));
    expect(names.filter((n) => !/ \/(healthz|readyz|metrics)$/.test(n)).every((n) => n.includes(' /api/v1/'))).toBe(
      true,
    );
  });

  it('gives every operation a summary, a tag and a documented success response', () => {
    for (const [name, op] of operations) {
      expect(op.summary, name).toBeTruthy();
      expect(op.tags?.length, name).toBeGreaterThan(0);
      const success = Object.keys(op.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
      expect(success.length, `${name} documents no 2xx response`).toBeGreaterThan(0);
    }
  });

  it('declares bearer security and documents 401 on every route the authorization matrix closes to anonymous', () => {
    const closed = operations.filter(([name]) => authorizationMatrix[name]?.expect.anonymous === 401);
    expect(closed.length).toBeGreaterThan(0);
    for (const [name, op] of closed) {
      // Worker agents sign in with WORKER_AGENT_TOKEN, everyone else with a user's access token.
      const scheme = name.includes(' /api/v1/system/') ? 'workerAgentToken' : 'bearerAuth';
      expect(op.security, `${name} declares no security`).toEqual([{ [scheme]: [] }]);
      expect(Object.keys(op.responses ?? {}), name).toContain('401');
    }
  });
});
