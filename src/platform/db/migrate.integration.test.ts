import { readFileSync } from 'node:fs';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { modules } from '../../modules/index.js';
import { migrationsFolder, runMigrations } from './migrate.js';

describe('migrations', () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('apply to a fresh database and create every table the schema declares', async () => {
    await runMigrations(database.url);
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
      entries: unknown[];
    };
    const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied.rows[0].n).toBe(journal.entries.length);

    const tables = modules
      .flatMap((m) => Object.values(m.tables ?? {}))
      .filter((value): value is PgTable => value instanceof PgTable)
      .map((table) => getTableConfig(table));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const columns = await client.query(
        'select column_name from information_schema.columns where table_schema = $1 and table_name = $2',
        [table.schema ?? 'public', table.name],
      );
      // A column in the schema but missing in the database means a migration was not generated.
      expect(columns.rows.map((r) => r.column_name).sort(), `table ${table.name}`).toEqual(
        table.columns.map((c) => (c.keyAsName ? toSnakeCase(c.name) : c.name)).sort(),
      );
    }
  });

  it('are a no-op when run again', async () => {
    await runMigrations(database.url);
    const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
      entries: unknown[];
    };
    expect(applied.rows[0].n).toBe(journal.entries.length);
  });
});
