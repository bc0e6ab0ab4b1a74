import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { AppInstance } from './app-instance.js';

/** OpenAPI 3.1 generated from the routes' zod schemas, served at /openapi.json with a UI at /docs. */
export async function registerOpenApi(app: AppInstance, options: { publicUrl: string; version: string }) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kapal API',
        version: options.version,
        description: 'Sell hosted open-source apps and run them on Kubernetes.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          workerAgentToken: { type: 'http', scheme: 'bearer', description: 'WORKER_AGENT_TOKEN' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
