import type { AppDeps } from './deps.js';
import type { JobSchedule, ModuleManifest, ModuleParts, PortName, Ports } from './modules/module.js';
import type { AppInstance } from './platform/http/app-instance.js';
import type { JobCatalog, JobHandlers } from './platform/queue/job-catalog.js';

/** Every module of a process, built once: what the API mounts, the worker runs and the seed loads. */
export interface ComposedModules<C extends JobCatalog = JobCatalog> {
  /** Registers the routes of every module mounted at `mount`: `api` (under /api/v1) or `root` (health). */
  registerRoutes(app: AppInstance, mount: 'api' | 'root'): Promise<void>;
  jobHandlers: JobHandlers<C>;
  seedSteps: { name: string; run: () => Promise<string> }[];
  /** The modules' scheduled jobs, which the worker keeps on their timers. */
  schedules: JobSchedule[];
  ports: Partial<Ports>;
  /** Starts each module's worker-only parts (informers), in module order; `close` stops them. */
  startInWorker(): Promise<void>;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of manifests of any jobs and ports
type AnyManifest = ModuleManifest<any, any, any>;

/** Merges the modules' job definitions into one catalog; two modules may not define the same job. */
export function jobCatalogOf(modules: readonly AnyManifest[]): JobCatalog {
  const catalog: JobCatalog = {};
  for (const module of modules) {
    for (const [name, definition] of Object.entries(module.jobs ?? {})) {
      if (name in catalog) throw new Error(`Job ${name} is defined twice (module ${module.name})`);
      catalog[name] = definition as JobCatalog[string];
    }
  }
  return catalog;
}

/**
 * The composition root of the modules: builds each once, in list order, handing it the ports it
 * declared. A port is looked up when the module reads it, so a module may keep `ports` and read it
 * later (at route registration or on a request); reading a port in `build` needs its provider listed first.
 */
export function composeModules<C extends JobCatalog>(
  deps: AppDeps,
  modules: readonly AnyManifest[],
): ComposedModules<C> {
  const provided: Partial<Record<PortName, unknown>> = {};
  const providers = new Map<string, string>();
  for (const module of modules) {
    for (const port of module.provides ?? []) {
      if (providers.has(port)) throw new Error(`Port ${port} is provided by ${providers.get(port)} and ${module.name}`);
      providers.set(port, module.name);
    }
  }
  for (const module of modules) {
    for (const port of module.needs ?? []) {
      if (!providers.has(port) && module.fallbacks?.[port] === undefined) {
        throw new Error(`Module ${module.name} needs port ${port}, which no module provides`);
      }
    }
  }

  const built: { manifest: AnyManifest; parts: ModuleParts }[] = [];
  for (const manifest of modules) {
    const ports = {};
    for (const port of (manifest.needs ?? []) as PortName[]) {
      Object.defineProperty(ports, port, {
        enumerable: true,
        get() {
          if (port in provided) return provided[port];
          if (!providers.has(port)) return manifest.fallbacks?.[port];
          throw new Error(`Module ${manifest.name} read port ${port} before ${providers.get(port)} was built`);
        },
      });
    }
    const parts = manifest.build(deps, ports) as ModuleParts;
    for (const port of (manifest.provides ?? []) as PortName[]) {
      const value = (parts.provides as Record<string, unknown> | undefined)?.[port];
      if (value === undefined) throw new Error(`Module ${manifest.name} declares port ${port} but does not provide it`);
      provided[port] = value;
    }
    built.push({ manifest, parts });
  }

  const jobHandlers: Record<string, unknown> = {};
  for (const { manifest, parts } of built) {
    for (const name of Object.keys(manifest.jobs ?? {})) {
      const handler = parts.jobHandlers?.[name];
      if (!handler) throw new Error(`Module ${manifest.name} defines job ${name} without a handler`);
      jobHandlers[name] = handler;
    }
  }

  return {
    async registerRoutes(app, mount) {
      for (const { manifest, parts } of built) {
        if (parts.routes && (manifest.mount ?? 'api') === mount) await parts.routes(app);
      }
    },
    jobHandlers: jobHandlers as JobHandlers<C>,
    seedSteps: built.flatMap(({ manifest, parts }) => (parts.seed ? [{ name: manifest.name, run: parts.seed }] : [])),
    schedules: built.flatMap(({ manifest }) => [...((manifest.schedules ?? []) as readonly JobSchedule[])]),
    ports: provided as Partial<Ports>,
    async startInWorker() {
      for (const { parts } of built) await parts.startInWorker?.();
    },
    async close() {
      for (const { parts } of built.reverse()) await parts.close?.();
    },
  };
}
