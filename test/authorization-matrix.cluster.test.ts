import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationMatrix, type MatrixFixtures, PERSONAS, type Persona } from './authorization-matrix.js';
import { createUserWithToken } from './helpers/auth.js';
import { apiRoutes } from './helpers/routes.js';
import { startTestRuntime, type TestRuntime } from './helpers/test-runtime.js';

describe('authorization matrix: every route × anonymous, user, another user, administrator', () => {
  let t: TestRuntime;
  let routes: string[];

  beforeAll(async () => {
    t = await startTestRuntime();
    // As Fastify registered them, so a route hidden from /openapi.json is held to the matrix all the same.
    routes = apiRoutes(t.app).map((r) => r.key);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has an entry for every route the app registered, and none for a route that is gone', () => {
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((r) => !(r in authorizationMatrix));
    const stale = Object.keys(authorizationMatrix).filter((r) => !routes.includes(r));
    expect(missing, 'routes without an entry in test/authorization-matrix.ts').toEqual([]);
    expect(stale, 'entries in test/authorization-matrix.ts for routes that do not exist').toEqual([]);
  });

  it('answers each persona as the matrix says', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const expectation = authorizationMatrix[route];
      if (!expectation) continue; // reported by the test above
      const [method, path] = route.split(' ') as [string, string];
      const fx: MatrixFixtures = {
        t,
        user: await createUserWithToken(t),
        otherUser: await createUserWithToken(t),
        admin: await createUserWithToken(t, { role: 'ADMINISTRATOR' }),
      };
      const request = (await expectation.request?.(fx)) ?? {};
      const params: Record<string, string> = { id: fx.user.id, ...request.params };
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = params[name];
        if (value === undefined) throw new Error(`${route}: the matrix entry must give a value for {${name}}`);
        return encodeURIComponent(value);
      });
      const headers: Record<Persona, Record<string, string>> = {
        anonymous: {},
        user: fx.user.headers,
        otherUser: fx.otherUser.headers,
        admin: fx.admin.headers,
      };
      for (const persona of PERSONAS) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          query: request.query,
          headers: headers[persona],
          ...(request.body === undefined ? {} : { payload: request.body as object }),
          // A stream that never ends answers once its head is written; its body drains until the app closes.
          ...(expectation.stream ? { payloadAsStream: true } : {}),
        });
        if (expectation.stream) res.stream().resume();
        const wanted = expectation.expect[persona];
        if (res.statusCode !== wanted) {
          const body = expectation.stream ? '(a stream)' : res.body.slice(0, 200);
          failures.push(`${route} as ${persona}: expected ${wanted}, got ${res.statusCode} ${body}`);
        }
        // A route that is not for you looks exactly like a route that does not exist.
        if (res.statusCode === 404 && persona !== 'anonymous' && wanted === 404 && route.includes('/admin/')) {
          expect(res.json().error.message).toBe(`Route ${method} ${url} not found`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
