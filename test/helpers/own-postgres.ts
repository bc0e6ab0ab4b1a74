import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** Where Debian keeps the server binaries (initdb is not on PATH for the postgres user). */
const PG_BIN = process.env.KAPAL_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface OwnPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of the test's own, on a spare port with its data in a temp folder, so a test can
 * stop and restart it without touching the shared one. The server refuses to run as root: when the tests
 * run as root, it runs as the `postgres` system user.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'kapal-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const pgUser = 'postgres';
  if (asRoot) chownSync(dir, ...(await ids(pgUser)));
  const as = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', pgUser, '--', cmd, ...args]) : run(cmd, args);
  await as(join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const ctl = (action: 'start' | 'stop') =>
    action === 'start'
      ? as(join(PG_BIN, 'pg_ctl'), [
          '-D',
          data,
          '-w',
          '-t',
          '60',
          '-l',
          join(dir, 'log'),
          '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`,
          'start',
        ])
      : as(join(PG_BIN, 'pg_ctl'), ['-D', data, '-w', '-t', '60', '-m', 'fast', 'stop']);
  await ctl('start');
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/kapal`,
    port,
    async start() {
      await ctl('start');
      running = true;
    },
    async stop() {
      await ctl('stop');
      running = false;
    },
    async destroy() {
      if (running) await ctl('stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function ids(user: string): Promise<[number, number]> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return [Number(uid.trim()), Number(gid.trim())];
}
