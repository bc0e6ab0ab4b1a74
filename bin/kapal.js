#!/usr/bin/env node
// The one entry point: `kapal api|worker|all|migrate|seed|admin create`. Runs the compiled build
// (`npm run build`); in a checkout that has not been built, runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
const sources = new URL('../src/cli/main.ts', import.meta.url);

async function load() {
  if (existsSync(built)) return import(built.href);
  if (existsSync(sources)) {
    try {
      const { register } = await import('tsx/esm/api');
      register();
    } catch {
      fail('Kapal is not built and tsx (a development dependency) is not installed: run `npm run build` first.');
    }
    return import(sources.href);
  }
  fail('Kapal is not built: run `npm run build` first.');
}

function fail(message) {
  process.stderr.write(`kapal: ${message}\n`);
  process.exit(1);
}

const cli = await load();
await cli.main(process.argv.slice(2));
