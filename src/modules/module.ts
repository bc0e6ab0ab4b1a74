import type { AppDeps } from '../deps.js';
import type { AppInstance } from '../platform/http/app-instance.js';
import type { JobCatalog, JobContext } from '../platform/queue/job-catalog.js';

/**
 * What modules offer each other, by name. A module that provides a port adds it here from its own
 * folder with declaration merging (`declare module '../module.js' { interface Ports { audit: AuditLog } }`),
 * so adding one touches no other file.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module
export interface Ports {}
export type PortName = keyof Ports;

/** An idempotent step of `kapal seed`: returns one line for the report. */
export type SeedStep = () => Promise<string>;

/** A job enqueued every `everyMs` with `payload` (its scheduler id is the job's name). */
export interface JobSchedule<N extends string = string> {
  job: N;
  everyMs: number;
  payload: Record<string, unknown>;
}

/** Handlers for a module's own jobs, keyed by job name. */
export type ModuleJobHandlers = Record<string, (payload: never, ctx: JobContext) => Promise<unknown>>;

/** What a module builds once per process from the platform and the ports it needs. */
export interface ModuleParts<P extends PortName = PortName> {
  /** Registers the module's routes (under /api/v1 unless the manifest says `mount: 'root'`). */
  routes?: (app: AppInstance) => Promise<void> | void;
  jobHandlers?: ModuleJobHandlers;
  seed?: SeedStep;
  provides?: Pick<Ports, P>;
  /** Starts what runs only in a worker process (informers), after the queues' workers started. */
  startInWorker?: () => Promise<void>;
  /** Stops what the module started (caches, informers); called when the process shuts down. */
  close?: () => Promise<void> | void;
}

export interface ModuleManifest<
  J extends JobCatalog = JobCatalog,
  N extends PortName = never,
  P extends PortName = never,
> {
  name: string;
  /** The module's drizzle tables (its `*.tables.ts`, imported as a namespace). */
  tables?: Record<string, unknown>;
  /** The module's jobs: name → queue, payload schema, retry policy. */
  jobs?: J;
  /** Jobs of this module the worker runs on a timer (BullMQ job schedulers, one per job across replicas). */
  schedules?: readonly JobSchedule<keyof J & string>[];
  /** Ports this module needs; a fallback is used when no module provides one. */
  needs?: readonly N[];
  fallbacks?: Partial<Pick<Ports, N>>;
  /** Ports this module provides (the values come from `build(...).provides`). */
  provides?: readonly P[];
  mount?: 'api' | 'root';
  build(deps: AppDeps, ports: Pick<Ports, N>): ModuleParts<P>;
}

/** Declares a module; keeps its job catalog's exact type for the application's typed job catalog. */
export function defineModule<
  J extends JobCatalog = Record<never, never>,
  N extends PortName = never,
  P extends PortName = never,
>(manifest: ModuleManifest<J, N, P>): ModuleManifest<J, N, P> {
  return manifest;
}
