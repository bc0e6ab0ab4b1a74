import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.js';
import { startTestRuntime, type TestRuntime } from './helpers/test-runtime.js';

const ALLOWED = 'https://dashboard.kapal.test';

/** Opens a raw connection and resolves with everything the server sent once it closes it. */
function rawExchange(port: number, write: (socket: Socket) => void): Promise<{ text: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => write(socket));
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
    });
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    socket.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
  });
}

/** Security headers, CORS from the allow-list, and a bound on how long a client may take to send. */
describe('HTTP hardening', () => {
  let t: TestRuntime;
  let port: number;
  beforeAll(async () => {
    t = await startTestRuntime({
      env: { CORS_ORIGINS: `${ALLOWED}, http://127.0.0.1:5173`, HTTP_REQUEST_TIMEOUT_MS: '1500' },
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(() => t.close());

  it('API answers carry the security headers and a CSP that lets nothing load', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/services' });
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    // PUBLIC_URL is http here: no HSTS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // Errors and unknown routes too.
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a preflight from an allowed origin gets 204 with the methods and headers it may use', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/subscriptions',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']).toContain('authorization');
    expect(res.headers.vary).toContain('origin');
  });

  it('a preflight or a call from any other origin gets no CORS grant', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const call = await t.app.inject({
      method: 'GET',
      url: '/api/v1/services',
      headers: { origin: 'https://evil.example' },
    });
    expect(call.statusCode).toBe(200);
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a call from an allowed origin may read the answer and its request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/services', headers: { origin: ALLOWED } });
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-expose-headers']).toContain('x-request-id');
  });

  it('a client that sends its request too slowly is cut off at the request timeout', async () => {
    // Headers complete, then a body that never finishes.
    const slow = await rawExchange(port, (socket) => {
      socket.write(
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"email":',
      );
    });
    expect(slow.ms).toBeLessThan(15_000);
    expect(slow.text === '' || /^HTTP\/1\.1 408/.test(slow.text)).toBe(true);
    // Headers that never finish.
    const stalled = await rawExchange(port, (socket) => socket.write('GET /api/v1/services HTTP/1.1\r\nHost: x\r\n'));
    expect(stalled.ms).toBeLessThan(15_000);
  });

  it('refuses a NUL character in the path, the query or the body with 400 naming where it is', async () => {
    const inPath = await t.app.inject({ method: 'GET', url: '/api/v1/services/%00nul' });
    expect(inPath.statusCode).toBe(400);
    expect(inPath.json().error.message).toMatch(/^params\.slug: must not contain a NUL/);
    const inQuery = await t.app.inject({ method: 'GET', url: '/api/v1/services?q=a%00b' });
    expect(inQuery.statusCode).toBe(400);
    const inBody = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@example.test', password: 'x\u0000y' },
    });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().error.details).toEqual([{ path: 'body.password', message: expect.any(String) }]);
    // The webhook reads its body as text: a NUL there is refused before it is recorded.
    const webhook = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/midtrans',
      headers: { 'content-type': 'application/json' },
      payload: '{"order_id":"\u0000"}',
    });
    expect(webhook.statusCode).toBe(400);
  });

  it('the webhook and the agents refuse a body far larger than theirs with 413', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(100 * 1024) });
    for (const url of ['/api/v1/webhooks/midtrans', '/api/v1/system/workers/heartbeat']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.runtime.config.workerAgentToken}` },
        payload: big,
      });
      expect(res.statusCode, url).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('CORS_ORIGINS refuses a wildcard or a URL with a path, saying which', () => {
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/"\*" is not an origin/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/app' })).toThrow(/"https:\/\/a.example\/app"/);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example/, http://localhost:5173' }).http.corsOrigins).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
  });
});
