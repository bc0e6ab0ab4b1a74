import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../src/platform/db/migrate.js';
import { createTemplateDatabase } from './helpers/database.js';
import { requireTestCluster } from './helpers/env.js';

interface SharedTemplate {
  name: string;
  users: number;
  drop: Promise<() => Promise<void>>;
}
const shared = globalThis as { kapalTestTemplate?: SharedTemplate };

/**
 * Once per run, for the integration and cluster projects (unit tests have no global setup): a freshly
 * migrated template database that every test file clones. Its name is the run's own (passed to the test
 * workers through the environment), so two runs on one machine never collide; both projects of one run
 * share it. The cluster project also needs the test bed.
 */
export default async function setup(project: TestProject) {
  if (project.name === 'cluster') requireTestCluster();
  if (!shared.kapalTestTemplate) {
    const name = `kapal_test_tpl_${randomBytes(4).toString('hex')}`;
    shared.kapalTestTemplate = { name, users: 0, drop: createTemplateDatabase(name, runMigrations) };
  }
  const template = shared.kapalTestTemplate;
  template.users += 1;
  const drop = await template.drop;
  process.env.KAPAL_TEST_TEMPLATE_DATABASE = template.name;
  return async () => {
    template.users -= 1;
    if (template.users > 0) return;
    shared.kapalTestTemplate = undefined;
    await drop();
  };
}
