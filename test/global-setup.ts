import { runMigrations } from '../src/platform/db/migrate.js';
import { recreateTemplateDatabase } from './helpers/database.js';
import { requireTestCluster } from './helpers/env.js';

/** Once per run: a freshly migrated template database that every test file clones. */
export default async function setup() {
  requireTestCluster();
  await recreateTemplateDatabase(runMigrations);
}
