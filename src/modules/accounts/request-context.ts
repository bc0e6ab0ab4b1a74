import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/index.js';
import type { RequestContext } from './auth.service.js';
import { currentUser } from './auth-guard.js';

/** Where a request came from (client IP honours TRUST_PROXY), for rate limits, sessions and the audit trail. */
export const requestContext = (request: FastifyRequest): RequestContext => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

/** The signed-in user of a guarded route as the audit trail names them: id and client address. */
export const actorOf = (request: FastifyRequest): Actor => ({ id: currentUser(request).id, ip: request.ip });
