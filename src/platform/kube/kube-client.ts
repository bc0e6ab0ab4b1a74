import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import {
  type Configuration,
  CoreV1Api,
  createConfiguration,
  KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  KubernetesObjectApi,
  type Middleware,
  makeInformer,
  PatchStrategy,
  ServerConfiguration,
  setHeaderOptions,
  type V1Node,
  VersionApi,
} from '@kubernetes/client-node';
import { KubeError, KubeInvalidError, KubeUnreachableError, toKubeError } from './kube-errors.js';

export type { KubernetesObject };

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

export interface WatchHandlers<T extends KubernetesObject> {
  add?(obj: T): void;
  update?(obj: T): void;
  delete?(obj: T): void;
  /** Called when the watch fails; the informer restarts itself after it. */
  error?(err: Error): void;
}

export interface Watch<T extends KubernetesObject> {
  /** Resolves after the first list has filled the cache. */
  synced: Promise<void>;
  /** The objects the informer currently knows. */
  list(): readonly T[];
  stop(): Promise<void>;
}

export interface WatchOptions extends ListOptions {
  apiVersion: string;
  kind: string;
  /** Every `resyncMs`, `update` is called again for every cached object (level-triggered reconcilers). */
  resyncMs?: number;
}

export interface PodLogStreamOptions {
  container?: string;
  tailLines?: number;
  sinceSeconds?: number;
  /** The API server stops after this many bytes. */
  limitBytes?: number;
  follow?: boolean;
}

/** What one informer of this process is doing (the debug view shows it; the worker publishes it). */
export interface WatchState {
  apiVersion: string;
  kind: string;
  namespace?: string;
  labelSelector?: string;
  /** The first list filled the cache. */
  synced: boolean;
  /** Objects in the cache now. */
  objects: number;
  startedAt: string;
  lastEventAt: string | null;
  /** Times the informer stopped on an error and was started again. */
  restarts: number;
  /** Errors since the last event (0 once events flow again). */
  failures: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** Backoff before an informer that stopped on an error is started again: 1 s doubling to 30 s. */
export const WATCH_RESTART_BACKOFF = { firstMs: 1_000, maxMs: 30_000 };

export interface KubeClient {
  /** Server-side apply of each object in order, as `fieldManager`; returns what the API server stored. */
  apply(objects: KubernetesObject[], options?: { dryRun?: boolean; force?: boolean }): Promise<KubernetesObject[]>;
  /** Throws KubeNotFoundError when the object does not exist. */
  get<T extends KubernetesObject = KubernetesObject>(ref: ObjectRef): Promise<T>;
  list<T extends KubernetesObject = KubernetesObject>(
    apiVersion: string,
    kind: string,
    options?: ListOptions,
  ): Promise<T[]>;
  /**
   * Deletes; returns false when it was already gone. With `uid`, only that very object (a precondition:
   * one deleted and created again under the name since is refused with KubeConflictError).
   */
  delete(
    ref: ObjectRef,
    options?: { propagationPolicy?: PropagationPolicy; gracePeriodSeconds?: number; uid?: string },
  ): Promise<boolean>;
  watch<T extends KubernetesObject = KubernetesObject>(options: WatchOptions, handlers: WatchHandlers<T>): Watch<T>;
  /** The state of every informer this client runs now (stopped ones are dropped). */
  watchStates(): WatchState[];
  podLogs(
    namespace: string,
    name: string,
    options?: { container?: string; tailLines?: number; sinceSeconds?: number; previous?: boolean },
  ): Promise<string>;
  /**
   * A pod's log as a stream (with `follow`, it stays open while the container runs): resolves once the
   * API server answered 200 (within the request timeout), rejects with a KubeError otherwise. Destroy
   * the stream to stop reading.
   */
  streamPodLogs(namespace: string, name: string, options?: PodLogStreamOptions): Promise<Readable>;
  /** JSON merge patch of a node (labels, taints, `spec.unschedulable`). */
  patchNode(name: string, patch: Record<string, unknown>): Promise<V1Node>;
  /** Evicts a pod through the Eviction API, so PodDisruptionBudgets are honoured. */
  evictPod(namespace: string, name: string): Promise<void>;
  /** The API server's version; rejects with KubeUnreachableError within `timeoutMs` when it does not answer. */
  version(timeoutMs: number): Promise<string>;
}

/** Gives every request of a generated API client its own deadline: the fetch is aborted when it passes. */
function deadline(ms: number): Middleware {
  return {
    pre: async (context) => {
      context.setSignal(AbortSignal.timeout(ms));
      return context;
    },
    post: async (response) => response,
  };
}

function isAbort(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'AbortError' || err.name === 'TimeoutError' || (err.cause !== undefined && isAbort(err.cause));
}

/** Loads KUBECONFIG when given, else the in-cluster service account, else ~/.kube/config. */
export function loadKubeConfig(kubeconfigPath?: string): KubeConfig {
  const kc = new KubeConfig();
  if (kubeconfigPath) kc.loadFromFile(kubeconfigPath);
  else if (process.env.KUBERNETES_SERVICE_HOST) kc.loadFromCluster();
  else kc.loadFromDefault();
  return kc;
}

/** Exposes discovery (kind → plural) that KubernetesObjectApi keeps protected; it caches the answers. */
class ObjectApi extends KubernetesObjectApi {
  withDefaultNamespace(kc: KubeConfig): this {
    this.setDefaultNamespace(kc);
    return this;
  }

  async plural(apiVersion: string, kind: string): Promise<{ name: string; namespaced: boolean }> {
    const resource = await this.resource(apiVersion, kind);
    if (!resource)
      throw toKubeError({ code: 404, body: { message: `unknown kind ${apiVersion}/${kind}` } }, 'discovery');
    return { name: resource.name, namespaced: resource.namespaced };
  }
}

/**
 * Told of every Kubernetes API call made through the client (not informers' list and watch): its verb, the
 * kind it concerns (lower case; `other` when unexpected, so the set stays bounded) and, when it failed, the
 * HTTP status or `unreachable`. For the metrics (src/platform/metrics.ts).
 */
export type KubeCallObserver = (verb: string, kind: string, errorCode?: string) => void;

/** The verb and kind of an operation name such as `get Deployment/ns/name`, `list Pod`, `discover v1 Pod`. */
export function kubeCallLabels(operation: string): { verb: string; kind: string } {
  const words = operation.split(' ');
  const verb = /^[a-z]{1,16}$/.test(words[0] ?? '') ? words[0]! : 'other';
  const kind = ((verb === 'discover' ? words[2] : words[1]) ?? '').split('/')[0]!.toLowerCase();
  return { verb, kind: /^[a-z][a-z0-9]{0,62}$/.test(kind) ? kind : 'other' };
}

function kubeErrorCode(err: KubeError): string {
  if (err instanceof KubeUnreachableError) return 'unreachable';
  return err.status ? String(err.status) : 'other';
}

export function createKubeClient(options: {
  kubeConfig: KubeConfig;
  fieldManager?: string;
  requestTimeoutMs?: number;
  observe?: KubeCallObserver;
}): KubeClient {
  const kc = options.kubeConfig;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const fieldManager = options.fieldManager ?? 'kapal';

  /** As `kc.makeApiClient`, with KUBE_REQUEST_TIMEOUT_MS on every request (discovery included). */
  function makeApiClient<T>(type: new (configuration: Configuration) => T, timeoutMs = requestTimeoutMs): T {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new KubeError('No current cluster in the kubeconfig');
    return new type(
      createConfiguration({
        baseServer: new ServerConfiguration(cluster.server, {}),
        authMethods: { default: kc },
        promiseMiddleware: [deadline(timeoutMs)],
      }),
    );
  }
  const objects = makeApiClient(ObjectApi).withDefaultNamespace(kc);
  const core = makeApiClient(CoreV1Api);
  const watchStates = new Map<object, { state: WatchState; count: () => number }>();

  const timedOut = (operation: string, ms: number) =>
    new KubeUnreachableError(`${operation}: Kubernetes API did not answer within ${ms} ms`);

  function kubeError(err: unknown, operation: string, ms = requestTimeoutMs): KubeError {
    return isAbort(err) ? timedOut(operation, ms) : toKubeError(err, operation);
  }

  function observed(operation: string, error?: KubeError) {
    if (!options.observe) return;
    const { verb, kind } = kubeCallLabels(operation);
    options.observe(verb, kind, error && kubeErrorCode(error));
  }

  async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn();
      observed(operation);
      return result;
    } catch (err) {
      const error = kubeError(err, operation);
      observed(operation, error);
      throw error;
    }
  }

  const describe = (o: { kind?: string; metadata?: { name?: string; namespace?: string } }) =>
    `${o.kind}/${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name}`;

  /** The URL path of a kind's collection (in `namespace` when the kind is namespaced and one is given). */
  async function collectionPath(
    apiVersion: string,
    kind: string,
    namespace?: string,
  ): Promise<{ path: string; namespaced: boolean }> {
    const { name, namespaced } = await call(`discover ${apiVersion} ${kind}`, () => objects.plural(apiVersion, kind));
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const scope = namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return { path: `${base}${scope}/${name}`, namespaced };
  }

  async function listAll<T extends KubernetesObject>(
    apiVersion: string,
    kind: string,
    opts: ListOptions = {},
  ): Promise<KubernetesListObject<T>> {
    const items: T[] = [];
    let continueToken: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const page = (await objects.list<T>(
        apiVersion,
        kind,
        opts.namespace,
        undefined,
        undefined,
        undefined,
        opts.fieldSelector,
        opts.labelSelector,
        500,
        continueToken,
      )) as KubernetesListObject<T>;
      items.push(...page.items);
      continueToken = page.metadata?._continue || undefined;
      resourceVersion = page.metadata?.resourceVersion;
    } while (continueToken);
    return { apiVersion, kind: `${kind}List`, metadata: { resourceVersion }, items };
  }

  /**
   * One request to the API server with the object as JSON, exactly as given. (The generated client
   * re-serializes bodies through its typed models, which silently drops fields it does not know: typos,
   * and fields newer than the client. Server-side apply must send what we mean, validated strictly.)
   */
  async function send(method: string, path: string, query: Record<string, string>, body: unknown, contentType: string) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new KubeError('No current cluster in the kubeconfig');
    const url = new URL(`${cluster.server.replace(/\/$/, '')}${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const requestOptions: https.RequestOptions = {
      method,
      headers: { 'content-type': contentType, accept: 'application/json' },
    };
    await kc.applyToHTTPSOptions(requestOptions);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<unknown>((resolve, reject) => {
      // A deadline for the whole exchange (connect, TLS, response, body), not only for idle sockets.
      const timer = setTimeout(
        () => request.destroy(Object.assign(new Error('request timed out'), { name: 'AbortError' })),
        requestTimeoutMs,
      );
      const request = transport.request(url, requestOptions, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status >= 400) return reject({ code: status, body: text });
          try {
            resolve(text ? JSON.parse(text) : undefined);
          } catch (err) {
            reject(err);
          }
        });
      });
      request.on('error', reject);
      request.on('close', () => clearTimeout(timer));
      request.end(JSON.stringify(body));
    });
  }

  async function objectPath(object: KubernetesObject): Promise<string> {
    const { apiVersion, kind, metadata } = object;
    if (!apiVersion || !kind || !metadata?.name)
      throw new KubeInvalidError(`${describe(object)}: apiVersion, kind and metadata.name are required`);
    const collection = await collectionPath(apiVersion, kind, metadata.namespace);
    if (collection.namespaced && !metadata.namespace)
      throw new KubeInvalidError(`${describe(object)}: metadata.namespace is required`);
    return `${collection.path}/${encodeURIComponent(metadata.name)}`;
  }

  return {
    async apply(list, applyOptions = {}) {
      const applied: KubernetesObject[] = [];
      for (const object of list) {
        const operation = `apply ${describe(object)}`;
        const path = await objectPath(object);
        const query: Record<string, string> = {
          fieldManager,
          force: String(applyOptions.force ?? true),
          fieldValidation: 'Strict',
        };
        if (applyOptions.dryRun) query.dryRun = 'All';
        applied.push(
          (await call(operation, () =>
            send('PATCH', path, query, object, PatchStrategy.ServerSideApply),
          )) as KubernetesObject,
        );
      }
      return applied;
    },

    get: (ref) =>
      call(`get ${describe({ kind: ref.kind, metadata: ref })}`, () =>
        objects.read({
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: ref.name, namespace: ref.namespace },
        }),
      ) as never,

    async list(apiVersion, kind, listOptions) {
      const result = await call(`list ${kind}`, () => listAll(apiVersion, kind, listOptions));
      return result.items as never;
    },

    async delete(ref, deleteOptions = {}) {
      const operation = `delete ${describe({ kind: ref.kind, metadata: ref })}`;
      try {
        await objects.delete(
          { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } },
          undefined,
          undefined,
          deleteOptions.gracePeriodSeconds,
          undefined,
          deleteOptions.propagationPolicy ?? 'Background',
          deleteOptions.uid ? { preconditions: { uid: deleteOptions.uid } } : undefined,
        );
        observed(operation);
        return true;
      } catch (err) {
        const error = kubeError(err, operation);
        observed(operation, error);
        if (error.status === 404) return false;
        throw error;
      }
    },

    watch<T extends KubernetesObject>(watchOptions: WatchOptions, handlers: WatchHandlers<T>): Watch<T> {
      let stopped = false;
      let failures = 0;
      let restartTimer: NodeJS.Timeout | undefined;
      let resyncTimer: NodeJS.Timeout | undefined;
      let informer: ReturnType<typeof makeInformer<T>> | undefined;
      let markSynced!: () => void;
      let failSync!: (err: Error) => void;
      const synced = new Promise<void>((resolve, reject) => {
        markSynced = resolve;
        failSync = reject;
      });
      const state: WatchState = {
        apiVersion: watchOptions.apiVersion,
        kind: watchOptions.kind,
        namespace: watchOptions.namespace,
        labelSelector: watchOptions.labelSelector,
        synced: false,
        objects: 0,
        startedAt: new Date().toISOString(),
        lastEventAt: null,
        restarts: 0,
        failures: 0,
        lastError: null,
        lastErrorAt: null,
      };
      const stateKey = {};
      watchStates.set(stateKey, { state, count: () => informer?.list().length ?? 0 });
      const recordError = (error: Error) => {
        state.lastError = error.message;
        state.lastErrorAt = new Date().toISOString();
      };

      const start = async () => {
        const { path } = await collectionPath(watchOptions.apiVersion, watchOptions.kind, watchOptions.namespace);
        const listFn = () => listAll<T>(watchOptions.apiVersion, watchOptions.kind, watchOptions);
        informer = makeInformer<T>(kc, path, listFn, watchOptions.labelSelector);
        // An event means the list and watch work again: the next failure starts the backoff afresh.
        const healthy =
          <A extends unknown[]>(handler?: (...args: A) => void) =>
          (...args: A) => {
            failures = 0;
            state.failures = 0;
            state.lastEventAt = new Date().toISOString();
            handler?.(...args);
          };
        informer.on('add', healthy(handlers.add));
        informer.on('update', healthy(handlers.update));
        informer.on('delete', healthy(handlers.delete));
        informer.on('error', (err) => {
          if (stopped) return;
          const error = toKubeError(err, `watch ${watchOptions.kind}`);
          recordError(error);
          state.failures += 1;
          handlers.error?.(error);
          // The informer stops on any error but 410 Gone; start it again with backoff (it re-lists, so
          // nothing is missed). A failed restart comes back here through the same event.
          const delay = Math.min(WATCH_RESTART_BACKOFF.maxMs, WATCH_RESTART_BACKOFF.firstMs * 2 ** failures);
          failures += 1;
          clearTimeout(restartTimer);
          restartTimer = setTimeout(() => {
            if (stopped) return;
            state.restarts += 1;
            informer?.start().catch((e) => handlers.error?.(toKubeError(e, `watch ${watchOptions.kind}`)));
          }, delay);
        });
        await informer.start();
        state.synced = true;
        markSynced();
        if (watchOptions.resyncMs) {
          resyncTimer = setInterval(() => {
            for (const obj of informer?.list() ?? []) handlers.update?.(obj);
          }, watchOptions.resyncMs);
        }
      };
      start().catch((err) => {
        const error = toKubeError(err, `watch ${watchOptions.kind}`);
        recordError(error);
        state.failures += 1;
        failSync(error);
        handlers.error?.(error);
      });

      return {
        synced,
        list: () => informer?.list() ?? [],
        async stop() {
          stopped = true;
          watchStates.delete(stateKey);
          clearTimeout(restartTimer);
          clearInterval(resyncTimer);
          await informer?.stop();
        },
      };
    },

    watchStates: () => [...watchStates.values()].map(({ state, count }) => ({ ...state, objects: count() })),

    podLogs: (namespace, name, logOptions = {}) =>
      call(`logs pod ${namespace}/${name}`, () =>
        core.readNamespacedPodLog({
          namespace,
          name,
          container: logOptions.container,
          tailLines: logOptions.tailLines,
          sinceSeconds: logOptions.sinceSeconds,
          previous: logOptions.previous,
        }),
      ),

    async streamPodLogs(namespace, name, logOptions = {}) {
      const operation = `logs pod ${namespace}/${name}`;
      const cluster = kc.getCurrentCluster();
      if (!cluster) throw new KubeError('No current cluster in the kubeconfig');
      const url = new URL(
        `${cluster.server.replace(/\/$/, '')}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/log`,
      );
      if (logOptions.container) url.searchParams.set('container', logOptions.container);
      if (logOptions.tailLines !== undefined) url.searchParams.set('tailLines', String(logOptions.tailLines));
      if (logOptions.sinceSeconds !== undefined) url.searchParams.set('sinceSeconds', String(logOptions.sinceSeconds));
      if (logOptions.limitBytes !== undefined) url.searchParams.set('limitBytes', String(logOptions.limitBytes));
      if (logOptions.follow) url.searchParams.set('follow', 'true');
      const requestOptions: https.RequestOptions = { method: 'GET', headers: { accept: '*/*' } };
      await kc.applyToHTTPSOptions(requestOptions);
      const transport = url.protocol === 'https:' ? https : http;
      return new Promise<Readable>((resolve, reject) => {
        // The deadline covers the answer's head only: a followed log may then stay open for long.
        const timer = setTimeout(
          () => request.destroy(Object.assign(new Error('request timed out'), { name: 'AbortError' })),
          requestTimeoutMs,
        );
        const request = transport.request(url, requestOptions, (response) => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          if (status === 200) {
            observed(operation);
            return resolve(response);
          }
          const fail = (error: KubeError) => {
            observed(operation, error);
            reject(error);
          };
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (err) => fail(kubeError(err, operation)));
          response.on('end', () =>
            fail(toKubeError({ code: status, body: Buffer.concat(chunks).toString('utf8') }, operation)),
          );
        });
        request.on('error', (err) => {
          clearTimeout(timer);
          const error = kubeError(err, operation);
          observed(operation, error);
          reject(error);
        });
        request.end();
      });
    },

    patchNode: (name, patch) =>
      call(`patch node ${name}`, () =>
        core.patchNode({ name, body: patch, fieldManager }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch)),
      ),

    async evictPod(namespace, name) {
      await call(`evict pod ${namespace}/${name}`, () =>
        core.createNamespacedPodEviction({
          namespace,
          name,
          body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } },
        }),
      );
    },

    async version(timeoutMs) {
      try {
        // A client of its own: a readiness probe is bounded tighter than other requests.
        const info = await makeApiClient(VersionApi, timeoutMs).getCode();
        return info.gitVersion;
      } catch (err) {
        throw kubeError(err, 'version', timeoutMs);
      }
    },
  };
}
