// The baseline of a database-backed route: per request, the same SQL Kapal's route sends (captured from
// drizzle), run through pg the way drizzle runs it (array rows, dates left as text; statements in
// parallel on a pool of Kapal's size), then the same bytes Kapal answered. No auth, no validation, no
// mapping, no serialization: what is left is the database's share.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config/config.js';
import type { CapturedQuery } from '../capture-sql.js';

const body = Buffer.from(process.env.BENCH_BODY_BASE64 ?? '', 'base64');
const contentType = process.env.BENCH_CONTENT_TYPE ?? 'application/json; charset=utf-8';
const queries = JSON.parse(process.env.BENCH_SQL ?? '[]') as CapturedQuery[];
const pool = new pg.Pool({
  connectionString: process.env.BENCH_DATABASE_URL,
  max: loadConfig().database.poolMax,
  application_name: 'kapal-bench-bare',
});
const asText = (value: string) => value;
const TEXT_TYPES = new Set<number>([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1115,
  1182,
  1185,
  1187,
  1231,
]);
const types = {
  getTypeParser: (typeId: number, format?: 'text' | 'binary') =>
    TEXT_TYPES.has(typeId) ? asText : pg.types.getTypeParser(typeId, format),
} as pg.CustomTypesConfig;

const server = createServer((_req, res) => {
  Promise.all(queries.map((q) => pool.query({ text: q.text, values: q.params, rowMode: 'array', types }))).then(
    () => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
      res.end(body);
    },
    (err: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(err.message);
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
