export { auditModule } from './audit.module.js';
export type { Actor, AuditEntry, AuditLog } from './audit.service.js';
export { createAuditLog } from './audit.service.js';
