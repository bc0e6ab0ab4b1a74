import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kapal } from './deps.js';
import type { AppInstance } from './platform/http/app-instance.js';
import { DASHBOARD_DIR, registerDashboard } from './platform/http/dashboard.js';
import { frameworkErrorHandler, registerErrorHandler } from './platform/http/error-handler.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { recordRoutes } from './platform/http/route-registry.js';
import { registerSecurity } from './platform/http/security.js';
import { serializerCompiler } from './platform/http/serializer.js';
import { registerHttpMetrics } from './platform/metrics.js';

export const API_PREFIX = '/api/v1';
const VERSION = '0.1.0';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Builds the HTTP API from the platform and the modules built on it (`createRuntime`); nothing here
 * reads the environment or opens a connection. Each module registers its own routes.
 */
/**
 * One JSON line per request, once answered: request id (pino's `reqId`), method, route template, path
 * without its query string (a query may carry a token), status, duration and the signed-in user's id when
 * the auth guard knew it. Headers and bodies are never logged (docs/OBSERVABILITY.md).
 */
function logRequests(app: AppInstance) {
  app.addHook('onResponse', (request, reply, done) => {
    const queryAt = request.url.indexOf('?');
    request.log.info(
      {
        method: request.method,
        route: request.is404 ? 'unmatched' : request.routeOptions.url,
        path: queryAt === -1 ? request.url : request.url.slice(0, queryAt),
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        userId: (request as { user?: { id?: string } }).user?.id,
      },
      'request completed',
    );
    done();
  });
}

export async function buildApp(deps: Kapal): Promise<AppInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: deps.config.http.trustProxy,
    bodyLimit: 1024 * 1024,
    // A slow client cannot hold a connection: its headers must arrive within 10 s and its whole request
    // within the request timeout, checked every second (Node checks every 30 s by default). Answers (a
    // followed log) may stream for longer.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: deps.config.http.requestTimeoutMs,
          headersTimeout: Math.min(10_000, deps.config.http.requestTimeoutMs),
          connectionsCheckingInterval: 1_000,
        },
        handler,
      ),
    frameworkErrors: frameworkErrorHandler,
    // Keep a caller's id when it is sane, so one id follows a request across services.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // Fastify's two lines per request (incoming, completed) are replaced by one of our own (logRequests).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  recordRoutes(app);
  registerSecurity(app, {
    corsOrigins: deps.config.http.corsOrigins,
    hsts: deps.config.http.publicUrl.startsWith('https:'),
  });
  registerInputGuard(app);
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
  const pageFallback = await registerDashboard(app, {
    dir: deps.config.http.dashboardDir ?? DASHBOARD_DIR,
    snapOrigin: new URL(deps.config.midtrans.snapUrl).origin,
  });
  registerErrorHandler(app, { pageFallback });
  logRequests(app);
  registerHttpMetrics(app, deps.metrics);
  await registerOpenApi(app, { publicUrl: deps.config.http.publicUrl, version: VERSION });

  await deps.modules.registerRoutes(app, 'root');
  await app.register((api) => deps.modules.registerRoutes(api, 'api'), { prefix: API_PREFIX });
  return app;
}
