import { spawn, spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { V1Node } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithToken, type TestUser } from '../../../test/helpers/auth.js';
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { runAgent } from '../../cli/agent-command.js';
import { nodeFacts } from './node-facts.js';
import { workersRepository } from './workers.repository.js';

const TOKEN = 'agent-token-for-the-workers-tests';
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A node as the informer would see it (written straight to the table: no cluster in this tier). */
const node = (name: string, ready = 'True'): V1Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, uid: `uid-${name}`, labels: { 'node-role.kubernetes.io/worker': '' } },
  status: {
    capacity: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    conditions: [{ type: 'Ready', status: ready }],
    addresses: [{ type: 'InternalIP', address: '10.0.0.7' }],
    nodeInfo: {
      architecture: 'arm64',
      operatingSystem: 'linux',
      kernelVersion: '6.8.0',
      kubeletVersion: 'v1.36.0',
      containerRuntimeVersion: 'containerd://2.1',
      osImage: 'Debian',
      bootID: '',
      kubeProxyVersion: '',
      machineID: '',
      systemUUID: '',
    },
  },
});

/**
 * Agents' heartbeats and the online / offline state on a clock the test moves; the agent endpoints'
 * token check; the list's filters, sort and pages; and `kapal agent` sending real heartbeats.
 */
describe('workers: agents, heartbeats and the list', () => {
  let t: TestRuntime;
  let admin: TestUser;
  let now = new Date('2026-11-30T00:00:00Z');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  beforeAll(async () => {
    t = await startTestRuntime({
      env: { WORKER_AGENT_TOKEN: TOKEN, WORKER_HEARTBEAT_INTERVAL_SECONDS: '10' },
      overrides: { clock: { now: () => now } },
    });
    admin = await createUserWithToken(t, { role: 'ADMINISTRATOR' });
    const { db } = t.runtime.database;
    await workersRepository.upsertFacts(db, nodeFacts(node('alpha')), now);
    await workersRepository.upsertFacts(db, nodeFacts(node('beta', 'False')), now);
    await workersRepository.upsertFacts(db, nodeFacts(node('gamma')), now);
  });
  afterAll(() => t?.close());

  const heartbeat = (body: unknown, authorization: string | null = `Bearer ${TOKEN}`) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/system/workers/heartbeat',
      headers: authorization ? { authorization } : {},
      payload: body as object,
    });
  const beat = (name: string) => ({
    node: name,
    agentVersion: '0.1.0',
    load: { one: 0.5, five: 0.25, fifteen: 0.125 },
    cpuCount: 4,
    disk: { usedBytes: 40e9, totalBytes: 100e9 },
    memory: { usedBytes: 2e9, totalBytes: 8e9 },
  });
  const admin$ = (url: string) => t.app.inject({ method: 'GET', url, headers: admin.headers });
  const rowOf = (name: string) => workersRepository.findByName(t.runtime.database.db, name);

  it('refuses a missing, malformed or wrong token with 401, before looking at the body, and writes nothing', async () => {
    for (const authorization of [null, TOKEN, 'Bearer ', 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await heartbeat(beat('alpha'), authorization);
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    }
    expect((await heartbeat({}, 'Bearer nope')).statusCode).toBe(401);
    const allocation = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system/workers/alpha/allocation',
      headers: { authorization: 'Bearer wrong' },
      payload: { pods: 1, cpuMillicores: 1, memoryBytes: 1 },
    });
    expect(allocation.statusCode).toBe(401);
    expect((await rowOf('alpha'))?.lastHeartbeatAt).toBeNull();
    expect((await rowOf('alpha'))?.agentAllocation).toBeNull();
  });

  it('validates the body (400 naming the field) and answers 404 for a node it does not know', async () => {
    const bad = await heartbeat({ ...beat('alpha'), disk: { usedBytes: 5, totalBytes: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toMatch(/usedBytes must not exceed totalBytes/);
    const negative = await heartbeat({ ...beat('alpha'), load: { one: -1, five: 0, fifteen: 0 } });
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json().error)).toMatch(/load\.one/);
    expect((await heartbeat({ ...beat('alpha'), node: 'Not_A_Node' })).statusCode).toBe(400);
    const unknown = await heartbeat(beat('no-such-node'));
    expect(unknown.statusCode).toBe(404);
    expect((await rowOf('alpha'))?.lastHeartbeatAt).toBeNull();
  });

  it('a heartbeat makes the worker online; silent for 3 intervals it is offline, and the gauge says so', async () => {
    const res = await heartbeat(beat('alpha'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      worker: 'alpha',
      status: 'ACTIVE',
      receivedAt: now.toISOString(),
      intervalSeconds: 10,
    });
    const alpha = (await admin$('/api/v1/admin/workers/alpha')).json();
    expect(alpha).toMatchObject({
      online: true,
      agent: {
        lastHeartbeatAt: now.toISOString(),
        version: '0.1.0',
        load: { one: 0.5, five: 0.25, fifteen: 0.125 },
        cpuCount: 4,
        disk: { usedBytes: 40e9, totalBytes: 100e9 },
        memory: { usedBytes: 2e9, totalBytes: 8e9 },
      },
    });
    const online = (await admin$('/api/v1/admin/workers?online=true')).json();
    expect(online.items.map((w: { name: string }) => w.name)).toEqual(['alpha']);
    const gauges = async () => {
      const text = await t.runtime.metrics.stateRegistry.metrics();
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
      return { offline: value('kapal_workers_offline'), online: value('kapal_workers_online'), text };
    };
    expect(await gauges()).toMatchObject({ offline: 0, online: 1 });

    advance(30_000); // exactly 3 intervals: still online
    expect((await admin$('/api/v1/admin/workers/alpha')).json().online).toBe(true);
    advance(1);
    expect((await admin$('/api/v1/admin/workers/alpha')).json().online).toBe(false);
    const offline = (await admin$('/api/v1/admin/workers?online=false')).json();
    expect(offline.items.map((w: { name: string }) => w.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect((await admin$('/api/v1/admin/workers/stats')).json().agents).toEqual({ online: 0, offline: 1, never: 2 });
    const after = await gauges();
    expect(after).toMatchObject({ offline: 1, online: 0 });
    expect(after.text).toMatch(/^kapal_workers\{status="NOT_READY"\} 1$/m);
    expect(after.text).toMatch(/^kapal_workers\{status="ACTIVE"\} 2$/m);

    // The next heartbeat brings it back.
    expect((await heartbeat(beat('alpha'))).statusCode).toBe(200);
    expect((await admin$('/api/v1/admin/workers/alpha')).json().online).toBe(true);
  });

  it('records what the agent sees allocated', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system/workers/gamma/allocation',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { pods: 3, containers: 4, cpuMillicores: 750, memoryBytes: 1_073_741_824 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ worker: 'gamma', receivedAt: now.toISOString() });
    expect((await admin$('/api/v1/admin/workers/gamma')).json().agent).toMatchObject({
      allocation: { pods: 3, containers: 4, cpuMillicores: 750, memoryBytes: 1_073_741_824 },
      allocationAt: now.toISOString(),
    });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system/workers/gamma/allocation',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { pods: -1 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lists from the table: status filter, text search, sort, pages; gets by id or name', async () => {
    const notReady = (await admin$('/api/v1/admin/workers?status=NOT_READY')).json();
    expect(notReady.items.map((w: { name: string }) => w.name)).toEqual(['beta']);
    expect(notReady.items[0]).toMatchObject({
      ready: false,
      architecture: 'arm64',
      kernelVersion: '6.8.0',
      containerRuntime: 'containerd://2.1',
      internalIp: '10.0.0.7',
      allocatable: { cpuMillicores: 4000, memoryMib: 8192, storageMib: 102400, pods: 110 },
    });
    const page = (await admin$('/api/v1/admin/workers?sort=-name&pageSize=2&page=1')).json();
    expect(page).toMatchObject({ page: 1, pageSize: 2, total: 3, totalPages: 2 });
    expect(page.items.map((w: { name: string }) => w.name)).toEqual(['gamma', 'beta']);
    const second = (await admin$('/api/v1/admin/workers?sort=-name&pageSize=2&page=2')).json();
    expect(second.items.map((w: { name: string }) => w.name)).toEqual(['alpha']);
    expect((await admin$('/api/v1/admin/workers?q=AMM')).json().items.map((w: { name: string }) => w.name)).toEqual([
      'gamma',
    ]);
    expect((await admin$('/api/v1/admin/workers?q=10.0.0')).json().total).toBe(3);
    expect((await admin$('/api/v1/admin/workers?status=SLEEPY')).statusCode).toBe(400);
    expect((await admin$('/api/v1/admin/workers?online=maybe')).statusCode).toBe(400);

    const byName = (await admin$('/api/v1/admin/workers/beta')).json();
    const byId = (await admin$(`/api/v1/admin/workers/${byName.id}`)).json();
    expect(byId.name).toBe('beta');
    expect((await admin$('/api/v1/admin/workers/delta')).statusCode).toBe(404);
  });

  it('`kapal agent` sends heartbeats in a loop until stopped, and stops on a refused token', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const api = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const stop = new AbortController();
    const lines: string[] = [];
    const before = (await rowOf('gamma'))?.lastHeartbeatAt;
    expect(before).toBeNull();
    const running = runAgent({
      node: 'gamma',
      api,
      token: TOKEN,
      intervalSeconds: 1,
      signal: stop.signal,
      log: (l) => lines.push(l),
    });
    const row = await waitFor(
      async () => {
        const r = await rowOf('gamma');
        return r?.lastHeartbeatAt ? r : undefined;
      },
      { timeoutMs: 15_000, what: 'the agent’s first heartbeat' },
    );
    expect(row.agentVersion).toBe('0.1.0');
    expect(row.diskTotalBytes).toBeGreaterThan(0);
    expect(row.diskUsedBytes).toBeLessThanOrEqual(row.diskTotalBytes!);
    expect(row.memoryTotalBytes).toBeGreaterThan(0);
    expect(row.load1).toBeGreaterThanOrEqual(0);
    stop.abort();
    expect(await running).toBe(0);
    expect(lines).toEqual([]);

    const refused = await runAgent({
      node: 'gamma',
      api,
      token: 'not-the-token',
      intervalSeconds: 1,
      signal: new AbortController().signal,
      log: (l) => lines.push(l),
    });
    expect(refused).toBe(77);
    expect(lines.join('\n')).toMatch(/401/);
  });

  it('the `kapal agent` command reports as its node until SIGTERM, then exits 0', async () => {
    const api = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    await t.runtime.database.pool.query('update workers set last_heartbeat_at = null where name = $1', ['beta']);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main-entry.ts', 'agent', '--node', 'beta', '--api', api, '--interval', '1'],
      { cwd: root, env: { ...process.env, WORKER_AGENT_TOKEN: TOKEN }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(async () => (await rowOf('beta'))?.lastHeartbeatAt != null, {
        timeoutMs: 30_000,
        what: 'a heartbeat from the agent process',
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/reporting node beta/);
    expect(stderr).toMatch(/stopped/);
  }, 60_000);

  it('`kapal agent` without --node or the token says what is missing (exit 64)', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main-entry.ts', 'agent'], {
      cwd: root,
      env: { ...process.env, WORKER_AGENT_TOKEN: '' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(64);
    expect(result.stderr).toMatch(/--node is required/);
    expect(result.stderr).toMatch(/WORKER_AGENT_TOKEN must be set/);
  });
});
