import { z } from 'zod';
import type { AuditRecord } from './audit.service.js';

export const auditEntryView = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export const toAuditEntryView = (r: AuditRecord) => ({ ...r, occurredAt: r.occurredAt.toISOString() });
