import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './helpers/test-runtime.js';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>';

/** The API serves a dashboard build at `/`: its files, and index.html for the pages the app routes itself. */
describe('the dashboard served by the API', () => {
  let t: TestRuntime;
  let dir: string;
  const get = (url: string, accept = 'text/html,application/xhtml+xml') =>
    t.app.inject({ method: 'GET', url, headers: { accept } });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kapal-dashboard-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'app-1a2b.js'), 'console.log("kapal")');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestRuntime({ env: { DASHBOARD_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers / and every page path a browser opens with index.html, under a strict policy', async () => {
    for (const path of [
      '/',
      '/subscriptions/0b7d1c3e-1111-4222-8333-944445555666',
      '/admin/workers',
      '/billing?order_id=x',
    ]) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.body, path).toBe(INDEX);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self' https?:\/\/\S+;/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('serves the built files, hashed assets cached for a year', async () => {
    const asset = await get('/assets/app-1a2b.js', '*/*');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("kapal")');
    expect(asset.headers['cache-control']).toContain('immutable');
    const icon = await get('/favicon.svg', '*/*');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).not.toContain('immutable');
  });

  it('never answers an API path, a missing file, a non-page request or another method with the page', async () => {
    for (const [method, url, accept] of [
      ['GET', '/api/v1/no-such-route', 'text/html'],
      ['GET', '/api/v1/subscriptions', 'text/html'],
      ['GET', '/assets/missing-9z.js', 'text/html'],
      ['GET', '/subscriptions', 'application/json'],
      ['POST', '/subscriptions', 'text/html'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { accept } });
      expect(res.headers['content-type'], `${method} ${url}`).toMatch(/^application\/json/);
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.json().error.code, `${method} ${url}`).toMatch(/NOT_FOUND|UNAUTHORIZED/);
    }
  });

  it('keeps the API docs and operations endpoints as they were', async () => {
    expect((await get('/healthz', 'application/json')).statusCode).toBe(200);
    expect((await get('/openapi.json', 'application/json')).json().openapi).toMatch(/^3\./);
  });
});
