import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, conflict, notFound, rateLimited } from '../errors.js';
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
      throw new AppError('INSUFFICIENT_CREDIT', 'Balance 5,000 is below the price 50,000');
    });
    app.get('/slow-down', async () => {
      throw rateLimited(42);
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
      ['/poor', 422, 'INSUFFICIENT_CREDIT', 'Balance 5,000 is below the price 50,000'],
      ['/slow-down', 429, 'RATE_LIMITED', 'Too many requests; retry in 42 s'],
    ] as const;
    for (const [url, status, code, message] of cases) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.json(), url).toEqual({ error: { code, message, requestId: 'req-1' } });
    }
    const limited = await app.inject({ method: 'GET', url: '/slow-down' });
    expect(limited.headers['retry-after']).toBe('42');
  });

  it('500 says nothing about internals', async () => {
    for (const url of ['/broke', '/typed']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error', requestId: 'req-1' } });
    }
  });
});
