import type { QueueInspector } from '../../platform/queue/queue-inspector.js';
import type { Actor, AuditLog } from '../audit/index.js';

/** The job queues for administrators: what the inspector shows, and retries, each audited before it happens. */
export function createQueuesService(deps: { inspector: QueueInspector; audit: Pick<AuditLog, 'record'> }) {
  return {
    overview: deps.inspector.overview,

    async retryFailed(actor: Actor, queue: string, jobId: string) {
      const entry = { actorId: actor.id, targetType: 'job', targetId: `${queue}/${jobId}`, ip: actor.ip };
      return deps.inspector.retryFailed(queue, jobId, {
        beforeRetry: () => deps.audit.record({ ...entry, action: 'admin.queue.job_retried' }),
      });
    },
  };
}

export type QueuesService = ReturnType<typeof createQueuesService>;
