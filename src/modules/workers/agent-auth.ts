import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../../platform/errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The worker agents' guard: `Authorization: Bearer <WORKER_AGENT_TOKEN>`, compared in constant time (both
 * sides hashed first, so neither the token's content nor its length shows in the timing). 401 otherwise,
 * before the body is validated.
 */
export function agentTokenGuard(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match || !timingSafeEqual(digest(match[1]!), expected))
      throw unauthorized('A valid worker agent token is required');
  };
}
