import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { type AuthGuard, currentUser } from '../accounts/index.js';
import { MAX_STREAMS_PER_USER, PING_EVERY_MS, RECONNECT_MS, type StatusStreams } from './status-stream.js';

const eventStream = z
  .string()
  .describe(
    'Server-sent events. `event: ready` (data `{}`): (re)fetch your subscriptions and pods now. ' +
      '`event: status` (data `{"kind":"subscription"|"pod","id":"<uuid>","status":"<status>"|null}`, null when the row is gone): one row changed. ' +
      '`event: resync` (data `{}`): changes may have been missed, fetch everything again. Lines starting with `:` are keep-alive comments.',
  );

/**
 * GET /events: the signed-in user's subscriptions' and pods' status as it changes (server-sent events), for
 * the dashboard. The answer is a stream sent through Fastify (not hijacked), so the request id, security
 * headers, request log and HTTP metrics apply as to any answer. Node's request timeout ends once the request
 * has arrived, so it never cuts the stream; closing the app ends every stream first (`preClose`), so
 * `app.close()` does not wait for clients.
 */
export async function statusStreamRoutes(app: AppInstance, deps: { streams: StatusStreams; guard: AuthGuard }) {
  const { streams, guard } = deps;
  app.addHook('preClose', (done) => {
    streams.close();
    done();
  });

  app.get(
    '/events',
    {
      // A HEAD would open a stream only to end it.
      exposeHeadRoute: false,
      onRequest: guard.user,
      schema: {
        tags: ['subscriptions'],
        security: [{ bearerAuth: [] }],
        summary: 'Live status of your subscriptions and pods (server-sent events)',
        description:
          `A \`text/event-stream\` that stays open: \`retry: ${RECONNECT_MS}\`, then \`event: ready\`, then \`event: status\` for each change of one of your subscriptions or pods, ` +
          `\`event: resync\` when changes may have been missed, and a \`: ping\` comment every ${PING_EVERY_MS / 1000} s. ` +
          `At most ${MAX_STREAMS_PER_USER} streams per user are open at a time on one server (429 RATE_LIMITED beyond).`,
        response: {
          200: { description: 'The event stream', content: { 'text/event-stream': { schema: eventStream } } },
          ...errorResponses(401, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const stream = streams.open(currentUser(request).id);
      // The caller hanging up (or the answer failing) ends the stream and frees its place.
      reply.raw.once('close', () => stream.destroy());
      return reply
        .code(200)
        .headers({
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache',
          'x-accel-buffering': 'no',
          // The connection serves this one answer: when the stream ends (shutdown), it closes too.
          connection: 'close',
        })
        .send(stream as never);
    },
  );
}
