import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { conflict, insufficientCredit, notFound, rateLimited } from '../errors.js';
import { KubeUnreachableError, toKubeError } from '../kube/kube-errors.js';
import { registerErrorHandler } from './error-handler.js';
import { serializerCompiler } from './serializer.js';

describe('the error mapper', () => {
  const app = Fastify({ logger: false, genReqId: () => 'req-1' }).withTypeProvider<ZodTypeProvider>();

  beforeAll(async () => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandler(app);
    app.post(
      '/things',
      { schema: { body: z.object({ name: z.string().min(2), price: z.number().int().positive() }) } },
      async () => ({ ok: true }),
    );
    app.get('/missing', async () => {
      throw notFound('Subscription');
    });
    app.get('/taken', async () => {
      throw conflict('Email is already registered');
    });
    app.get('/broke', async () => {
      throw new Error('password=hunter2 at db.internal:5432');
    });
    app.get('/poor', async () => {
      throw insufficientCredit(50_000, 5_000);
    });
    app.get('/slow-down', async () => {
      throw rateLimited(42);
    });
    // What KubeClient throws, built from the API server's own answers; each message carries internals.
    const internals = 'system:serviceaccount:kapal-system:kapal nodes "kwok-node-0" 10.96.0.1:443';
    const kubeFailures: Record<string, () => Error> = {
      unreachable: () =>
        new KubeUnreachableError(`list Pod: Kubernetes API did not answer within 10000 ms (${internals})`),
      'server-unavailable': () => toKubeError({ code: 503, body: { message: internals } }, 'list Node'),
      throttled: () => toKubeError({ code: 429, body: { message: internals } }, 'list Node'),
      conflict: () =>
        toKubeError({ code: 409, body: { message: `Operation cannot be fulfilled on ${internals}` } }, 'patch node'),
      'not-found': () => toKubeError({ code: 404, body: JSON.stringify({ message: internals }) }, 'get Node'),
      forbidden: () => toKubeError({ code: 403, body: { message: `${internals} is forbidden` } }, 'evict pod'),
      unauthorized: () => toKubeError({ code: 401, body: { message: internals } }, 'evict pod'),
      invalid: () => toKubeError({ code: 422, body: { message: `${internals} is invalid` } }, 'apply'),
      'server-error': () => toKubeError({ code: 500, body: { message: internals } }, 'apply'),
    };
    app.get('/kube/:failure', async (request) => {
      throw kubeFailures[(request.params as { failure: string }).failure]!();
    });
    app.get(
      '/typed',
      { schema: { response: { 200: z.object({ count: z.number() }) } } },
      async () => ({ count: 'many' }) as unknown as { count: number },
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('400 names every wrong field', async () => {
    const res = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x', price: -1 } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.requestId).toBe('req-1');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(['body.name', 'body.price']);
    expect(error.message).toMatch(/^body\.name: .+; body\.price: .+$/);
  });

  it('400 for a body that is not JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });

  it('maps domain errors to their status, code and message', async () => {
    const cases = [
      ['/missing', 404, 'NOT_FOUND', 'Subscription not found'],
      ['/taken', 409, 'CONFLICT', 'Email is already registered'],
      ['/slow-down', 429, 'RATE_LIMITED', 'Too many requests; retry in 42 s'],
    ] as const;
    for (const [url, status, code, message] of cases) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.json(), url).toEqual({ error: { code, message, requestId: 'req-1' } });
    }
    const poor = await app.inject({ method: 'GET', url: '/poor' });
    expect(poor.statusCode).toBe(402);
    expect(poor.json()).toEqual({
      error: {
        code: 'INSUFFICIENT_CREDIT',
        message: 'Insufficient credit: this needs 50000 IDR and the balance is 5000 IDR; top up 45000 IDR or more',
        requestId: 'req-1',
        required: 50_000,
        available: 5_000,
      },
    });
    const limited = await app.inject({ method: 'GET', url: '/slow-down' });
    expect(limited.headers['retry-after']).toBe('42');
  });

  it('maps Kubernetes errors a route did not map itself, saying nothing of what the API server said', async () => {
    const cases = [
      ['unreachable', 503, 'DEPENDENCY_UNAVAILABLE'],
      ['server-unavailable', 503, 'DEPENDENCY_UNAVAILABLE'],
      ['throttled', 503, 'DEPENDENCY_UNAVAILABLE'],
      ['conflict', 409, 'CONFLICT'],
      ['not-found', 404, 'NOT_FOUND'],
      ['forbidden', 502, 'DEPENDENCY_FAILED'],
      ['unauthorized', 502, 'DEPENDENCY_FAILED'],
      ['invalid', 422, 'UNPROCESSABLE'],
      ['server-error', 502, 'DEPENDENCY_FAILED'],
    ] as const;
    for (const [failure, status, code] of cases) {
      const res = await app.inject({ method: 'GET', url: `/kube/${failure}` });
      expect(res.statusCode, failure).toBe(status);
      const { error } = res.json();
      expect(error, failure).toEqual({ code, message: expect.any(String), requestId: 'req-1' });
      expect(error.message, failure).toMatch(/Kubernetes/);
      for (const leak of ['kwok-node-0', 'serviceaccount', '10.96.0.1', '443', '10000', 'list', 'patch', 'evict']) {
        expect(error.message, failure).not.toContain(leak);
      }
    }
  });

  it('500 says nothing about internals', async () => {
    for (const url of ['/broke', '/typed']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error', requestId: 'req-1' } });
    }
  });
});
