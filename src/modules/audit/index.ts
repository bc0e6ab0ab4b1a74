export { auditLog } from './audit.schema.js';
export { type AuditEntry, type AuditLog, createAuditLog } from './audit.service.js';
