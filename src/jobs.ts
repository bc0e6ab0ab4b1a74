// The application's job catalog, merged from the modules' own (src/modules/index.ts).
import { jobCatalogOf } from './composition.js';
import { type AppJobCatalog, modules } from './modules/index.js';

export type { AppJobCatalog };
export const jobCatalog = jobCatalogOf(modules) as AppJobCatalog;
