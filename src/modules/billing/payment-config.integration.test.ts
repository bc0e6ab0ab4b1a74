import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { paymentConfigOf } from './payment-config.js';

describe('GET /billing/payment-config', () => {
  let placeholder: TestRuntime;
  let configured: TestRuntime;
  beforeAll(async () => {
    [placeholder, configured] = await Promise.all([
      startTestRuntime(),
      startTestRuntime({
        env: { MIDTRANS_CLIENT_KEY: 'SB-Mid-client-real-looking', MIDTRANS_SNAP_URL: 'http://127.0.0.1:9/' },
      }),
    ]);
  });
  afterAll(() => Promise.all([placeholder?.close(), configured?.close()]));

  it('offers the Snap popup with a real client key: the key and snap.js of the configured Snap, to anyone', async () => {
    const res = await configured.app.inject({ method: 'GET', url: '/api/v1/billing/payment-config' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      snap: { clientKey: 'SB-Mid-client-real-looking', scriptUrl: 'http://127.0.0.1:9/snap/snap.js' },
    });
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('offers no popup while the client key is the development placeholder: the dashboard redirects', async () => {
    const res = await placeholder.app.inject({ method: 'GET', url: '/api/v1/billing/payment-config' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ snap: null });
  });

  it('points at the Midtrans sandbox or production snap.js by default', () => {
    const base = { serverKey: 's', clientKey: 'Mid-client-x', apiUrl: '', enabledPayments: [], requestTimeoutMs: 1 };
    expect(paymentConfigOf({ ...base, isProduction: false, snapUrl: 'https://app.sandbox.midtrans.com' })).toEqual({
      snap: { clientKey: 'Mid-client-x', scriptUrl: 'https://app.sandbox.midtrans.com/snap/snap.js' },
    });
    expect(paymentConfigOf({ ...base, isProduction: true, snapUrl: 'https://app.midtrans.com' }).snap?.scriptUrl).toBe(
      'https://app.midtrans.com/snap/snap.js',
    );
  });
});
