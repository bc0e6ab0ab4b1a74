import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshIp } from './helpers/accounts.js';
import { createUserWithToken } from './helpers/auth.js';
import { type BillingBed, startBillingBed } from './helpers/billing.js';
import type { TestRuntime } from './helpers/test-runtime.js';

/**
 * Hostile input on every documented operation, generated from /openapi.json: for each path, query and body
 * field, seeded random and boundary values (wrong types, missing and extra fields, empty, huge and unicode
 * strings, negative and huge numbers, malformed ids), plus invalid JSON, a wrong content type and an
 * oversized body, as anonymous, a user and an administrator. Every answer is 2xx or 4xx (never 5xx) and a
 * 4xx carries the error envelope; an operation whose every answer was refused wrote nothing.
 *
 * Replay a failure with the seed it prints: `FUZZ_SEED=<seed> npx vitest run test/fuzz.cluster.test.ts`.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CASES_PER_PERSONA = Number(process.env.FUZZ_CASES ?? 6);

/** mulberry32: a small seeded generator, so a run can be replayed from its seed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof generator>;

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a',
  'x'.repeat(300),
  'y'.repeat(70_000),
  '💥🚀ünïcødé Ω≈ç√ 日本語',
  '\u0000nul',
  '\u202eright-to-left',
  "' OR 1=1 --",
  '%_\\%',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '{"$where":"1"}',
  'null',
  '-1',
  '1e309',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'true',
  'https://evil.example/x',
];
const HOSTILE_NUMBERS = [0, -1, 1, 2 ** 31, -(2 ** 31), 2 ** 53 + 1, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER];
const WRONG_TYPES: unknown[] = [null, true, false, [], {}, [1, 'a'], { nested: { deep: [null] } }, 123, 'string'];

function resolve(doc: OpenApi, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(doc, doc.components?.schemas?.[name]);
  }
  return schema;
}

/** A value the schema accepts, roughly: a boundary or a plausible one. */
function validValue(doc: OpenApi, raw: Schema | undefined, rng: Rng, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return rng.pick(schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return validValue(doc, rng.pick(options), rng, depth + 1);
  if (schema.allOf?.length) return validValue(doc, schema.allOf[0], rng, depth + 1);
  const type = Array.isArray(schema.type) ? rng.pick(schema.type.filter((t) => t !== 'null')) : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'email') return `fuzz-${rng.int(1e9)}@example.test`;
      if (schema.format === 'date-time') return new Date(Date.UTC(2026, rng.int(12), 1 + rng.int(28))).toISOString();
      if (schema.format === 'date') return '2026-11-29';
      return 'f'.repeat(Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 12, 12)));
    case 'integer':
    case 'number':
      return rng.pick([schema.minimum ?? 0, schema.maximum ?? 100, schema.minimum ?? 1]);
    case 'boolean':
      return rng.chance(0.5);
    case 'array':
      return depth > 3 ? [] : [validValue(doc, schema.items, rng, depth + 1)];
    case 'object':
    default: {
      if (!schema.properties || depth > 3) return {};
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties)) {
        out[key] = validValue(doc, property, rng, depth + 1);
      }
      return out;
    }
  }
}

/** A value meant to be refused, or a boundary one: hostile strings, extreme numbers, the wrong type. */
function hostileValue(doc: OpenApi, raw: Schema | undefined, rng: Rng): unknown {
  const schema = resolve(doc, raw);
  const roll = rng.int(4);
  if (roll === 0) return rng.pick(WRONG_TYPES);
  if (roll === 1) return rng.pick(HOSTILE_NUMBERS);
  if (roll === 2) return rng.pick(HOSTILE_STRINGS);
  return validValue(doc, schema, rng);
}

/** As a path segment or query value: strings only. */
const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

function fuzzBody(doc: OpenApi, raw: Schema | undefined, rng: Rng): unknown {
  const schema = resolve(doc, raw);
  const roll = rng.int(6);
  if (roll === 0) return rng.pick(WRONG_TYPES);
  const body = (validValue(doc, schema, rng) ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (rng.chance(0.15)) delete body[key];
    else if (rng.chance(0.5)) body[key] = hostileValue(doc, property, rng);
  }
  if (rng.chance(0.3)) body[rng.pick(['__proto__', 'constructor', 'extra', 'role', 'balance', 'userId'])] = 'x';
  return body;
}

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

function fuzzRequest(doc: OpenApi, method: string, path: string, operation: Operation, rng: Rng): FuzzRequest {
  const parameters = operation.parameters ?? [];
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    const value = rng.chance(0.3) ? validValue(doc, parameter?.schema, rng) : hostileValue(doc, parameter?.schema, rng);
    // An empty segment would be another route; the router, not the handler, answers that.
    return encodeURIComponent(asText(value) || 'x');
  });
  const query = new URLSearchParams();
  for (const parameter of parameters.filter((p) => p.in === 'query')) {
    if (rng.chance(0.4)) continue;
    const value = rng.chance(0.4) ? validValue(doc, parameter.schema, rng) : hostileValue(doc, parameter.schema, rng);
    query.append(parameter.name, asText(value));
    if (rng.chance(0.1)) query.append(parameter.name, asText(hostileValue(doc, parameter.schema, rng)));
  }
  if (rng.chance(0.2)) query.append(rng.pick(['unknown', 'page[size]', '__proto__']), '1');
  const headers: Record<string, string> = {};
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  let payload: string | undefined;
  if (method !== 'get' && method !== 'delete') {
    const kind = rng.int(10);
    if (kind === 0) {
      headers['content-type'] = 'application/json';
      payload = rng.pick(['{"a":', '{', 'nul', '[1,2', '{"x":1}}', '\u0000']);
    } else if (kind === 1) {
      headers['content-type'] = 'text/plain';
      payload = 'plain text';
    } else if (kind === 2) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify({ pad: 'z'.repeat(1024 * 1024) });
    } else {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(fuzzBody(doc, bodySchema, rng));
    }
  }
  const search = query.toString();
  return { method: method.toUpperCase(), url: search ? `${url}?${search}` : url, headers, payload };
}

/** Every row count and newest row version of every table: changes when anything is written. */
async function writeFingerprint(t: TestRuntime): Promise<string> {
  const { rows: tables } = await t.runtime.database.db.execute<{ name: string }>(
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename not like '__drizzle%' order by 1`,
  );
  const parts = tables.map(
    (r) =>
      `select '${r.name}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as v from ${r.name}`,
  );
  const { rows } = await t.runtime.database.db.execute<{ t: string; v: string }>(sql.raw(parts.join(' union all ')));
  return rows
    .map((r) => `${r.t}=${r.v}`)
    .sort()
    .join(' ');
}

/**
 * Requests that are part of the fuzz's set-up or would act on other test files' cluster objects: the
 * orphan cleanup is fuzzed as a dry run only (a confirmed one with `includeUnknown` would delete other test
 * files' apps, which this file's database does not know).
 */
function tame(request: FuzzRequest): FuzzRequest {
  if (!request.url.startsWith('/api/v1/admin/pods/orphaned/cleanup') || !request.payload) return request;
  try {
    const body = JSON.parse(request.payload);
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      return { ...request, payload: JSON.stringify({ ...body, confirm: false }) };
    }
  } catch {}
  return request;
}

/** An error answer's body; a stream's 2xx is left to drain until the app closes (it never ends). */
async function readUnlessStreaming(res: { statusCode: number; stream(): NodeJS.ReadableStream }): Promise<string> {
  const stream = res.stream();
  if (res.statusCode < 300) {
    stream.resume();
    return '(a stream)';
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Tables a refused request writes on purpose: every Midtrans notification is kept, forged or not, as
 * evidence (docs/PAYMENTS.md).
 */
const RECORDED_WHEN_REFUSED: Record<string, string[]> = {
  'POST /api/v1/webhooks/midtrans': ['payment_notifications'],
};

describe('fuzz: hostile input on every operation of /openapi.json', () => {
  // The billing bed: the real platform plus the fake Midtrans server, so top-ups reach a payment gateway.
  let bed: BillingBed;
  let t: TestRuntime;
  let doc: OpenApi;
  beforeAll(async () => {
    bed = await startBillingBed();
    t = bed.t;
    doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  });
  afterAll(() => bed?.close());

  it('answers every request with 2xx or a 4xx error envelope, and a refused operation writes nothing', async () => {
    const rng = generator(SEED);
    const failures: string[] = [];
    let count = 0;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(60);
    for (const { path, method, operation } of operations) {
      // Fresh personas per operation, made before the fingerprint: DELETE /me may deactivate one.
      const personas = {
        anonymous: {},
        user: (await createUserWithToken(t)).headers,
        admin: (await createUserWithToken(t, { role: 'ADMINISTRATOR' })).headers,
      };
      const before = await writeFingerprint(t);
      let accepted = 0;
      // An event stream's 200 never ends: its status is read from the head and its body left to the app's
      // close; an error answer is read whole.
      const streams = Boolean(operation.responses?.['200']?.content?.['text/event-stream']);
      for (const [persona, auth] of Object.entries(personas)) {
        for (let i = 0; i < CASES_PER_PERSONA; i += 1) {
          const request = tame(fuzzRequest(doc, method, path, operation, rng));
          count += 1;
          const res = await t.app.inject({
            method: request.method as 'GET',
            url: request.url,
            headers: { ...request.headers, ...auth },
            remoteAddress: freshIp(),
            ...(request.payload === undefined ? {} : { payload: request.payload }),
            ...(streams ? { payloadAsStream: true } : {}),
          });
          const body = !streams ? res.body : await readUnlessStreaming(res);
          const what = `${persona} ${request.method} ${request.url.slice(0, 200)} ${request.payload?.slice(0, 200) ?? ''}`;
          if (res.statusCode >= 500) {
            failures.push(`${res.statusCode} for ${what}: ${body.slice(0, 300)}`);
          } else if (res.statusCode >= 400) {
            const error = (() => {
              try {
                return JSON.parse(body).error;
              } catch {
                return undefined;
              }
            })();
            if (typeof error?.code !== 'string' || typeof error?.message !== 'string' || !error.message) {
              failures.push(`${res.statusCode} without the error envelope for ${what}: ${body.slice(0, 200)}`);
            }
          } else {
            accepted += 1;
          }
        }
      }
      if (accepted === 0) {
        const after = await writeFingerprint(t);
        if (after !== before) {
          const allowed = RECORDED_WHEN_REFUSED[`${method.toUpperCase()} ${path}`] ?? [];
          const changed = after
            .split(' ')
            .filter((part) => !before.split(' ').includes(part))
            .filter((part) => !allowed.includes(part.split('=')[0]!));
          if (changed.length > 0) {
            failures.push(`${method.toUpperCase()} ${path}: refused every request but wrote ${changed.join(', ')}`);
          }
        }
      }
    }
    console.log(`fuzz: seed ${SEED}, ${count} requests over ${operations.length} operations`);
    expect(failures, `seed ${SEED} (replay with FUZZ_SEED=${SEED})`).toEqual([]);
  }, 900_000);
});
