import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './helpers/test-runtime.js';

const SCHEMA_FILE = new URL('../web/src/api/schema.d.ts', import.meta.url);
const HEADER =
  '// Generated from /openapi.json by `npm run web:api` (openapi-typescript); do not edit.\n' +
  '// test/web-api-types.integration.test.ts fails when the API and this file disagree.\n';

/**
 * The dashboard's typed client (openapi-fetch) is checked against the API's own document: a contract
 * change that the checked-in types do not know fails here, and the dashboard's type check then names every
 * call it breaks. `npm run web:api` rewrites the file (UPDATE_WEB_API=1).
 */
describe("the dashboard's API types", () => {
  let t: TestRuntime;
  let generated: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    generated = HEADER + astToString(await openapiTS(doc, { alphabetize: true }));
  });
  afterAll(() => t.close());

  it('match /openapi.json', async () => {
    if (process.env.UPDATE_WEB_API === '1') await writeFile(SCHEMA_FILE, generated);
    const checkedIn = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    expect(checkedIn === generated, 'web/src/api/schema.d.ts is stale: run `npm run web:api`').toBe(true);
  });
});
