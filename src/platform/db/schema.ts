// Every table of every module, for drizzle's relational queries and for drizzle-kit.
// A module's tables live in its own `*.schema.ts`; add a line here when a module gains one.
export * from '../../modules/accounts/accounts.schema.js';
export * from '../../modules/audit/audit.schema.js';
export * from '../../modules/catalog/catalog.schema.js';
export * from '../../modules/domain-events/domain-events.schema.js';
export * from '../../modules/templates/templates.schema.js';
