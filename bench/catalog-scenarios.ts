// The public catalog: GET /api/v1/services and /services/{slug} over the seeded catalog. After the first
// request both are answered from memory (dropped on PostgreSQL notifications), so this measures the cached path.
import { catalogSeedStep } from '../src/modules/catalog/catalog.seed.js';
import { loadTemplates } from '../src/modules/templates/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import { createBenchDatabase } from './bench-database.js';
import type { Scenario, ScenarioContext } from './scenarios.js';

async function seededCatalog(): Promise<ScenarioContext> {
  const bench = await createBenchDatabase();
  await catalogSeedStep.run({ database: bench.database, templates: loadTemplates(loadConfig().apps.templatesDir) });
  return { env: { DATABASE_URL: bench.url }, headers: {}, teardown: () => bench.drop() };
}

export const catalogScenarios: Scenario[] = [
  {
    name: 'services',
    description: 'GET /api/v1/services, the seeded catalog (answer and ETag from memory: the cached path)',
    method: 'GET',
    path: '/api/v1/services',
    target: 0.5,
    setup: seededCatalog,
  },
  {
    name: 'service',
    description: 'GET /api/v1/services/n8n (answer and ETag from memory: the cached path)',
    method: 'GET',
    path: '/api/v1/services/n8n',
    target: 0.5,
    setup: seededCatalog,
  },
];
