import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { adminUsersRoutes } from './modules/admin-users/admin-users.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { catalogRoutes } from './modules/catalog/index.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { queuesRoutes } from './modules/queues/queues.routes.js';
import { workersRoutes } from './modules/workers/workers.routes.js';
import type { AppInstance } from './platform/http/app-instance.js';
import { frameworkErrorHandler, registerErrorHandler } from './platform/http/error-handler.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { recordRoutes } from './platform/http/route-registry.js';
import { serializerCompiler } from './platform/http/serializer.js';
import { registerHttpMetrics } from './platform/metrics.js';

export const API_PREFIX = '/api/v1';
const VERSION = '0.1.0';

/** A module's routes, mounted under /api/v1. Each module wires itself in its own `*.routes.ts`. */
type RoutePlugin = (app: AppInstance, deps: AppDeps) => Promise<void>;
const apiModules: RoutePlugin[] = [
  accountsRoutes,
  adminUsersRoutes,
  auditRoutes,
  catalogRoutes,
  queuesRoutes,
  workersRoutes,
];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Builds the HTTP API from its parts; nothing here reads the environment or opens a connection. */
export async function buildApp(deps: AppDeps): Promise<AppInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: deps.config.http.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    // Keep a caller's id when it is sane, so one id follows a request across services.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // Per-request access lines only when debugging; errors are always logged with the request id.
    logController: new LogController({
      disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>();

  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // Read-your-writes for in-memory caches fed by PostgreSQL notifications (the session cache): a request
    // that may have changed something answers only once this process has seen the notifications of its
    // own commits, so the caller's next request is judged on the new state.
    if (SAFE_METHODS.has(request.method)) return done(null, payload);
    deps.dbNotifications.barrier().then(
      () => done(null, payload),
      (err: Error) => done(err),
    );
  });
  registerErrorHandler(app);
  registerHttpMetrics(app, deps.metrics);
  await registerOpenApi(app, { publicUrl: deps.config.http.publicUrl, version: VERSION });

  await healthRoutes(app, deps);
  await app.register(
    async (api) => {
      for (const routes of apiModules) await routes(api, deps);
    },
    { prefix: API_PREFIX },
  );
  return app;
}
