import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, tableCounts } from './helpers/accounts.js';
import { startTestRuntime, type TestRuntime } from './helpers/test-runtime.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MiB = 1024 * 1024;

/** What every route gets from the HTTP layer: the body limit and the request id. */
describe('HTTP layer', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.close());

  /** A registration whose JSON body is exactly `bytes` long (the name is what pads it). */
  const registerOfSize = (bytes: number) => {
    const shell = JSON.stringify({ email: 'big@example.test', password: 'correct-horse-battery-9', name: '' });
    const body = JSON.stringify({
      email: 'big@example.test',
      password: 'correct-horse-battery-9',
      name: 'a'.repeat(bytes - shell.length),
    });
    expect(Buffer.byteLength(body)).toBe(bytes);
    return call(t, {
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
  };

  it('refuses a body over 1 MiB with 413 and the error envelope, and writes nothing', async () => {
    const before = await tableCounts(t);
    const res = await registerOfSize(MiB + 1);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), requestId: res.headers['x-request-id'] },
    });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('reads a body of exactly 1 MiB (then validation judges it: the name is too long)', async () => {
    const res = await registerOfSize(MiB);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().error.message).toMatch(/body\.name/);
  });

  it('keeps a sane incoming x-request-id, in the header and in the error envelope', async () => {
    const res = await call(t, { method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': 'edge-42.trace_A' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-request-id']).toBe('edge-42.trace_A');
    expect(res.json().error.requestId).toBe('edge-42.trace_A');
  });

  it.each([
    ['spaces', 'two words'],
    ['markup', '<script>alert(1)</script>'],
    ['a path', '../../etc/passwd'],
    ['too long', 'a'.repeat(129)],
    ['a header injection attempt', 'abc%0d%0aset-cookie:x=1'],
  ])('replaces a malformed x-request-id (%s) with a fresh one and never echoes it', async (_, malformed) => {
    const send = () => call(t, { method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': malformed } });
    const [first, second] = [await send(), await send()];
    for (const res of [first, second]) {
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
      expect(res.body).not.toContain(malformed);
    }
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });
});
