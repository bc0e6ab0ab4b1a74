import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEnv } from './env.js';

function databaseUrl(name: string): string {
  const url = new URL(testEnv.adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testEnv.adminDatabaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of the test file's own: a copy of the migrated template (fast), or an empty one
 * (`{ empty: true }`) for tests of migrations themselves.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `kapal_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) =>
    admin.query(
      options.empty ? `create database "${name}"` : `create database "${name}" template "${testEnv.templateDatabase}"`,
    ),
  );
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`).then(() => undefined)),
  };
}

/** Creates and migrates a template database for one test run; returns a function that drops it. */
export async function createTemplateDatabase(
  name: string,
  migrate: (url: string) => Promise<void>,
): Promise<() => Promise<void>> {
  await withAdmin((admin) => admin.query(`create database "${name}"`));
  await migrate(databaseUrl(name));
  return () =>
    withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`).then(() => undefined));
}
