import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

/**
 * Response serialization from the route's zod schema, compiled once per route into a fast-json-stringify
 * function through the schema's JSON Schema (the same one the OpenAPI document shows). Like zod's own
 * serializer it writes only the fields the schema declares, and it refuses values it cannot represent
 * (the error handler turns that into a 500). A schema JSON Schema cannot express falls back to zod.
 */
export const serializerCompiler: FastifySerializerCompiler<ZodType> = (route) => {
  try {
    const jsonSchema = z.toJSONSchema(route.schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
    return fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
  } catch {
    return zodSerializerCompiler(route);
  }
};
