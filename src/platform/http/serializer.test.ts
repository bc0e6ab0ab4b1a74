import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from './serializer.js';

const compile = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

describe('response serializer', () => {
  const account = z.object({
    id: z.uuid(),
    name: z.string(),
    role: z.enum(['USER', 'ADMINISTRATOR']),
    phone: z.string().nullable(),
    lastLoginAt: z.iso.datetime().nullable(),
    tags: z.array(z.string()),
  });

  it('writes only the declared fields, dates as ISO strings, nulls as null', () => {
    const out = compile(account)({
      id: '11111111-1111-4111-8111-111111111111',
      name: 'Ayu',
      role: 'USER',
      phone: null,
      lastLoginAt: new Date('2026-11-25T10:00:00Z'),
      tags: ['a'],
      passwordHash: 'must never leave the server',
    });
    expect(JSON.parse(out)).toEqual({
      id: '11111111-1111-4111-8111-111111111111',
      name: 'Ayu',
      role: 'USER',
      phone: null,
      lastLoginAt: '2026-11-25T10:00:00.000Z',
      tags: ['a'],
    });
  });

  it('refuses a value the schema cannot represent instead of writing nonsense', () => {
    expect(() => compile(z.object({ count: z.number() }))({ count: 'many' })).toThrow();
    expect(() => compile(account)({ name: 'no id' })).toThrow();
  });

  it('falls back to zod for schemas JSON Schema cannot express', () => {
    // z.date() has no JSON Schema; zod's serializer writes it through JSON.stringify.
    const withDate = z.object({ at: z.date() });
    expect(JSON.parse(compile(withDate)({ at: new Date(5), extra: 1 }))).toEqual({ at: '1970-01-01T00:00:00.005Z' });
  });
});
