// Kapal's real API (buildApp over the real runtime), configured by the environment the scenario set up.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { createRuntime } from '../../src/runtime.js';

const runtime = createRuntime(loadConfig());
const app = await buildApp(runtime);
await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ port: (app.server.address() as AddressInfo).port })}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await runtime.close();
  process.exit(0);
});
