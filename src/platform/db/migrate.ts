import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/** The folder drizzle-kit writes migrations into (repo root /drizzle), from src/ and dist/ alike. */
export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Applies every pending migration, holding an advisory lock so concurrent replicas do not race. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'kapal-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(7301)');
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(7301)').catch(() => {});
    await client.end();
  }
}

/** Creates the database named in the URL if it is missing (development convenience for `kapal migrate`). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name) return;
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}
