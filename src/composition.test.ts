import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { composeModules, jobCatalogOf } from './composition.js';
import type { AppDeps } from './deps.js';
import { modules } from './modules/index.js';
import { defineModule } from './modules/module.js';
import { defineJob } from './platform/queue/job-catalog.js';

// The composition root only hands `deps` to the modules' build functions; these modules ignore it.
const deps = {} as AppDeps;
const audit = { record: async () => {}, list: async () => ({ items: [], total: 0 }) };
const job = defineJob({ queue: 'q', payload: z.object({}), attempts: 1, backoff: { type: 'fixed', delayMs: 1 } });

describe('composition root', () => {
  it('builds each module once, hands it the ports it needs, and fills a missing one with its fallback', () => {
    let builds = 0;
    const provider = defineModule({
      name: 'provider',
      provides: ['audit'],
      build: () => {
        builds++;
        return { provides: { audit } };
      },
    });
    const seen: unknown[] = [];
    const consumer = defineModule({
      name: 'consumer',
      needs: ['audit', 'catalogUsage'],
      fallbacks: { catalogUsage: { countLiveForService: async () => 7, countLiveForPlan: async () => 7 } },
      build: (_deps, ports) => {
        seen.push(ports.audit, ports.catalogUsage);
        return {};
      },
    });
    const composed = composeModules(deps, [provider, consumer]);
    expect(builds).toBe(1);
    expect(seen[0]).toBe(audit);
    expect(seen[1]).toMatchObject({ countLiveForService: expect.any(Function) });
    expect(composed.ports.audit).toBe(audit);
  });

  it('refuses a need nobody provides, a port provided twice, and a port read before its provider is built', () => {
    const needy = defineModule({ name: 'needy', needs: ['templates'], build: () => ({}) });
    expect(() => composeModules(deps, [needy])).toThrow('Module needy needs port templates, which no module provides');

    const a = defineModule({ name: 'a', provides: ['audit'], build: () => ({ provides: { audit } }) });
    const b = defineModule({ name: 'b', provides: ['audit'], build: () => ({ provides: { audit } }) });
    expect(() => composeModules(deps, [a, b])).toThrow('Port audit is provided by a and b');

    const eager = defineModule({
      name: 'eager',
      needs: ['audit'],
      build: (_deps, ports) => ({ seed: async () => (ports.audit ? 'audit is there' : 'no audit') }),
    });
    const early = defineModule({
      name: 'early',
      needs: ['audit'],
      build: (_deps, ports) => ({ seed: ports.audit.list as never }),
    });
    expect(() => composeModules(deps, [early, a])).toThrow('Module early read port audit before a was built');
    // Keeping `ports` and reading it later is fine whatever the order.
    expect(() => composeModules(deps, [eager, a])).not.toThrow();
  });

  it('refuses a job without a handler and a job defined by two modules', () => {
    const noHandler = defineModule({ name: 'mailer', jobs: { 'mail.send': job }, build: () => ({}) });
    expect(() => composeModules(deps, [noHandler])).toThrow('Module mailer defines job mail.send without a handler');
    const again = defineModule({ name: 'again', jobs: { 'mail.send': job }, build: () => ({}) });
    expect(() => jobCatalogOf([noHandler, again])).toThrow('Job mail.send is defined twice (module again)');
  });

  it("lists every module folder's tables, so drizzle-kit's glob and the module list agree", async () => {
    const root = fileURLToPath(new URL('./modules/', import.meta.url));
    const tableFiles = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(`${root}${d.name}`)
          .filter((f) => f.endsWith('.tables.ts'))
          .map((f) => `${d.name}/${f}`),
      );
    expect(tableFiles.length).toBeGreaterThan(0);
    const listed = new Set(modules.flatMap((m) => Object.values(m.tables ?? {})));
    for (const file of tableFiles) {
      const exported = Object.values(await import(`./modules/${file.replace('.ts', '.js')}`));
      expect(exported.length, file).toBeGreaterThan(0);
      for (const table of exported) expect(listed.has(table), `${file} is not in a module manifest`).toBe(true);
    }
  });
});
