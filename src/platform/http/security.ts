import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from './app-instance.js';

/** Headers a browser may send on a cross-origin call to the API, and those its script may read back. */
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, x-request-id';
const EXPOSED_HEADERS = 'x-request-id, retry-after, content-disposition';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
/** How long a browser may cache a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = '600';

export interface SecurityOptions {
  /** Exact origins (`https://app.example.com`) whose pages may call the API from a browser. */
  corsOrigins: readonly string[];
  /** Send Strict-Transport-Security (the public URL is https). */
  hsts: boolean;
}

function setCommonHeaders(reply: FastifyReply, url: string, hsts: boolean) {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  // The API answers data, never a page: nothing in it may load or run. The docs UI and the dashboard
  // (outside /api) serve their own scripts and styles, so they get only the framing rule.
  reply.header(
    'content-security-policy',
    url.startsWith('/api/') ? "default-src 'none'; frame-ancestors 'none'" : "frame-ancestors 'none'",
  );
  if (hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
}

/**
 * Security headers on every answer, and CORS from an allow-list: a preflight from an allowed origin is
 * answered 204 with what it may send; one from any other origin gets 204 without CORS headers, so the
 * browser refuses the call. Requests without an Origin (servers, curl, the webhook) are not affected.
 */
export function registerSecurity(app: AppInstance, options: SecurityOptions): void {
  const allowed = new Set(options.corsOrigins);
  const allowOrigin = (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    reply.header('vary', 'origin');
    if (origin && allowed.has(origin)) {
      reply.header('access-control-allow-origin', origin);
      return true;
    }
    return false;
  };

  // onRequest runs for every request, including those no route matches, so preflights need no route.
  app.addHook('onRequest', (request, reply, done) => {
    setCommonHeaders(reply, request.url, options.hsts);
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      if (allowOrigin(request, reply)) {
        reply.header('access-control-allow-methods', ALLOWED_METHODS);
        reply.header('access-control-allow-headers', ALLOWED_HEADERS);
        reply.header('access-control-max-age', PREFLIGHT_MAX_AGE);
      }
      reply.code(204).send();
      return;
    }
    if (request.headers.origin && allowOrigin(request, reply)) {
      reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    }
    done();
  });
}
