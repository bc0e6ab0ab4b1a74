import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/pg-errors.js';
import { AppError, type ErrorCode, type ErrorDetail } from '../errors.js';
import {
  KubeConflictError,
  KubeError,
  KubeForbiddenError,
  KubeInvalidError,
  KubeNotFoundError,
  KubeUnreachableError,
} from '../kube/kube-errors.js';
import { isRedisUnavailable } from '../redis.js';
import type { AppInstance } from './app-instance.js';
import type { PageFallback } from './dashboard.js';

interface Envelope {
  error: { code: ErrorCode; message: string; requestId: string; details?: ErrorDetail[]; [field: string]: unknown };
}

/**
 * A Kubernetes error a route did not map itself. The API server's message names namespaces, objects and
 * Kapal's service account, so none of it reaches the caller: the log keeps it under the request id.
 */
function kubeErrorResponse(err: KubeError): { status: number; code: ErrorCode; message: string } {
  if (err instanceof KubeUnreachableError || err.status === 429) {
    return {
      status: 503,
      code: 'DEPENDENCY_UNAVAILABLE',
      message: 'The Kubernetes API is unavailable; try again later',
    };
  }
  if (err instanceof KubeConflictError) {
    return {
      status: 409,
      code: 'CONFLICT',
      message: 'The change conflicts with the current state in Kubernetes; try again',
    };
  }
  if (err instanceof KubeNotFoundError) {
    return { status: 404, code: 'NOT_FOUND', message: 'Not found in Kubernetes' };
  }
  if (err instanceof KubeInvalidError) {
    return { status: 422, code: 'UNPROCESSABLE', message: 'Kubernetes refused the request as invalid' };
  }
  if (err instanceof KubeForbiddenError) {
    return {
      status: 502,
      code: 'DEPENDENCY_FAILED',
      message: 'Kubernetes does not allow Kapal this operation; an operator must grant the permission',
    };
  }
  return { status: 502, code: 'DEPENDENCY_FAILED', message: 'The Kubernetes API failed to carry out the operation' };
}

/**
 * The one place errors become HTTP responses. Domain errors keep their code and message; schema
 * validation names the field; Fastify's own 4xx keep their status; anything else is a 500 whose
 * message says nothing about internals (the log has the detail, under the same request id).
 */
export function registerErrorHandler(app: AppInstance, options: { pageFallback?: PageFallback } = {}): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (
      status: number,
      code: ErrorCode,
      message: string,
      details?: ErrorDetail[],
      fields?: Record<string, unknown>,
    ) => {
      const body: Envelope = {
        error: { ...fields, code, message, requestId: request.id, ...(details ? { details } : {}) },
      };
      return reply.status(status).type('application/json').send(body);
    };

    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return send(err.status, err.code, err.message, err.details, err.fields);
    }

    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const details = err.validation.map((issue) => ({
        path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      const message = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return send(400, 'VALIDATION_FAILED', message, details);
    }

    if (err instanceof KubeError) {
      const mapped = kubeErrorResponse(err);
      if (mapped.status >= 500) request.log.error({ err }, 'Kubernetes request failed');
      else request.log.warn({ err }, 'Kubernetes refused a request');
      return send(mapped.status, mapped.code, mapped.message);
    }

    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return send(500, 'INTERNAL', 'Internal server error');
    }

    if (isDatabaseUnavailable(err)) {
      request.log.error({ err }, 'PostgreSQL is unavailable');
      reply.header('retry-after', '5');
      return send(503, 'DEPENDENCY_UNAVAILABLE', 'The database is unavailable; try again in a moment');
    }

    if (isRedisUnavailable(err)) {
      request.log.error({ err }, 'Redis is unavailable');
      reply.header('retry-after', '5');
      return send(503, 'DEPENDENCY_UNAVAILABLE', 'A service Kapal depends on is unavailable; try again in a moment');
    }

    const status = err.statusCode ?? 500;
    if (status === 413) return send(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large');
    if (status === 429) return send(429, 'RATE_LIMITED', err.message);
    if (status >= 400 && status < 500) return send(status, 'BAD_REQUEST', err.message);

    request.log.error({ err }, 'unhandled error');
    return send(500, 'INTERNAL', 'Internal server error');
  });

  app.setNotFoundHandler((request, reply) => {
    // A browser navigating to a dashboard page (/subscriptions/…) gets the app, which routes on its own.
    const page = options.pageFallback?.(request, reply);
    if (page) return page;
    const body: Envelope = {
      error: {
        code: 'NOT_FOUND',
        message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
        requestId: request.id,
      },
    };
    return reply.status(404).send(body);
  });
}

/**
 * Errors Fastify raises before routing (a malformed URL, a path parameter over the length limit): the
 * `frameworkErrors` option of the Fastify factory, so they get the same envelope as everything else.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'Malformed request URL';
  const body: Envelope = { error: { code: 'BAD_REQUEST', message, requestId: request.id } };
  reply.status(status).type('application/json').send(body);
}
