import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiRoute, apiRoutes } from './helpers/routes.js';
import { startTestRuntime, type TestRuntime } from './helpers/test-runtime.js';

/** The API's contract, held over every route Fastify registered, not only those /openapi.json shows. */
describe('route contract', () => {
  let t: TestRuntime;
  let routes: ApiRoute[];
  let documented: Set<string>;
  beforeAll(async () => {
    t = await startTestRuntime();
    routes = apiRoutes(t.app);
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    documented = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
  });
  afterAll(() => t.close());

  const takesInput = (r: ApiRoute) => Boolean(r.schema?.params || r.schema?.querystring || r.schema?.body);
  const documents400 = (r: ApiRoute) => Object.keys((r.schema?.response as object | undefined) ?? {}).includes('400');

  it('finds the routes, those with input among them', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter(takesInput).length).toBeGreaterThan(20);
    expect(routes.map((r) => r.key)).toContain('GET /api/v1/admin/users/{id}');
  });

  it('every route with params, query or body documents its 400', () => {
    const missing = routes.filter((r) => takesInput(r) && !documents400(r)).map((r) => r.key);
    expect(missing, 'routes without a documented 400').toEqual([]);
  });

  it('every string, number and list a client sends has a bound (length, range or a closed set)', async () => {
    type Schema = Record<string, unknown> & { $ref?: string };
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; schema?: Schema }[];
            requestBody?: { content?: Record<string, { schema?: Schema }> };
          }
        >
      >;
      components?: { schemas?: Record<string, Schema> };
    };
    const unbounded: string[] = [];
    const visit = (schema: Schema | undefined, where: string, seen: Set<string>) => {
      if (!schema) return;
      if (schema.$ref) {
        const name = schema.$ref.split('/').pop()!;
        if (seen.has(name)) return;
        return visit(doc.components?.schemas?.[name], where, new Set([...seen, name]));
      }
      for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
        for (const option of (schema[key] as Schema[] | undefined) ?? []) visit(option, where, seen);
      }
      const types = ([] as unknown[]).concat(schema.type ?? []);
      const closed = schema.enum !== undefined || schema.const !== undefined;
      if (
        types.includes('string') &&
        !closed &&
        schema.maxLength === undefined &&
        !['uuid', 'date-time', 'date', 'email'].includes(schema.format as string)
      ) {
        unbounded.push(`${where}: a string without maxLength`);
      }
      if (
        (types.includes('integer') || types.includes('number')) &&
        !closed &&
        schema.maximum === undefined &&
        schema.exclusiveMaximum === undefined
      ) {
        unbounded.push(`${where}: a number without maximum`);
      }
      if (types.includes('array') && schema.maxItems === undefined) unbounded.push(`${where}: a list without maxItems`);
      if (types.includes('array')) visit(schema.items as Schema, `${where}[]`, seen);
      for (const [name, property] of Object.entries((schema.properties as Record<string, Schema>) ?? {})) {
        visit(property, `${where}.${name}`, seen);
      }
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const key = `${method.toUpperCase()} ${path}`;
        for (const parameter of operation.parameters ?? [])
          visit(parameter.schema, `${key} ${parameter.name}`, new Set());
        visit(operation.requestBody?.content?.['application/json']?.schema, `${key} body`, new Set());
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('every route is in the OpenAPI document unless it says it is hidden, and the document has no other', () => {
    const shown = routes.filter((r) => !r.hidden).map((r) => r.key);
    expect(
      shown.filter((key) => !documented.has(key)),
      'registered but not documented',
    ).toEqual([]);
    expect(
      [...documented].filter((key) => !routes.some((r) => r.key === key)),
      'documented but not served',
    ).toEqual([]);
  });
});
