import { randomBytes } from 'node:crypto';
import { runMigrations } from '../src/platform/db/migrate.js';
import { createTemplateDatabase } from './helpers/database.js';
import { requireTestCluster } from './helpers/env.js';

/**
 * Once per run: a freshly migrated template database that every test file clones. Its name is the run's
 * own (passed to the test workers through the environment), so two runs on one machine never collide.
 */
export default async function setup() {
  requireTestCluster();
  const name = `kapal_test_tpl_${randomBytes(4).toString('hex')}`;
  const dropTemplate = await createTemplateDatabase(name, runMigrations);
  process.env.KAPAL_TEST_TEMPLATE_DATABASE = name;
  return dropTemplate;
}
