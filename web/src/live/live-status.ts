import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { accessTokenForRequest, getSession, onSessionChange, refreshSession } from '../auth/session';
import { type SseEvent, SseParser } from './sse';

/**
 * The query keys of everything whose status the live stream reports. Every page that reads subscriptions
 * or pods uses these, so a status change (or a resync) refetches it: a key starting with `['subscriptions']`
 * or `['pods']` is invalidated by the stream.
 */
export const liveKeys = {
  subscriptions: ['subscriptions'] as const,
  subscriptionList: (query: object) => ['subscriptions', 'list', query] as const,
  subscription: (id: string) => ['subscriptions', id] as const,
  credentials: (id: string) => ['subscription-credentials', id] as const,
  pods: ['pods'] as const,
  podList: (query: object) => ['pods', 'list', query] as const,
  pod: (id: string) => ['pods', id] as const,
  podEvents: (id: string) => ['pods', id, 'events'] as const,
  /** Not refetched on status changes: a log tail is read when asked for. */
  podLogs: (id: string, tail: number) => ['pod-logs', id, tail] as const,
};

/** Refetch interval of status queries while the stream is not connected. */
export const POLL_MS = 5_000;
const EVENTS_PATH = '/api/v1/events';
/** The stream sends a comment every 25 s: this long without a byte means the connection is dead. */
const SILENCE_MS = 60_000;
/** The endpoint does not exist on this server (404/405/501): poll, and ask again after this long. */
const ABSENT_MS = 60_000;
const BACKOFF_MAX_MS = 30_000;
/** A tab hidden this long lets go of its stream (the API allows a few per user); it reconnects when shown. */
const HIDDEN_MS = 60_000;

interface StatusChange {
  kind: 'subscription' | 'pod';
  id: string;
  status: string | null;
}

// ---- the one connection of this tab: state, users and lifecycle ----

let connected = false;
const stateListeners = new Set<() => void>();
let users = 0;
let queryClient: QueryClient | null = null;
let controller: AbortController | null = null;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;
let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
let hiddenAway = false;

function setConnected(next: boolean) {
  if (connected === next) return;
  connected = next;
  for (const listener of stateListeners) listener();
}

function invalidateAll(client: QueryClient) {
  void client.invalidateQueries({ queryKey: liveKeys.subscriptions });
  void client.invalidateQueries({ queryKey: liveKeys.pods });
}

/** Changes come in bursts (a subscription and its pod, a drained node's pods): one refetch per burst. */
const BURST_MS = 150;
let burst: ReturnType<typeof setTimeout> | undefined;
function invalidateSoon(client: QueryClient) {
  if (burst !== undefined) return;
  burst = setTimeout(() => {
    burst = undefined;
    invalidateAll(client);
  }, BURST_MS);
}

/** One row changed: show its new status at once where it is cached, then refetch what shows it. */
function applyChange(client: QueryClient, change: StatusChange) {
  const key = change.kind === 'subscription' ? liveKeys.subscription(change.id) : liveKeys.pod(change.id);
  if (change.status !== null) {
    client.setQueryData(key, (old: unknown) =>
      old && typeof old === 'object' && 'status' in old ? { ...old, status: change.status } : old,
    );
  }
  // A subscription's view carries its pod, and a pod's page shows its subscription's name: both families.
  invalidateSoon(client);
}

function handle(event: SseEvent) {
  const client = queryClient;
  if (!client) return;
  if (event.event === 'ready') {
    setConnected(true);
    invalidateAll(client);
  } else if (event.event === 'resync') {
    invalidateAll(client);
  } else if (event.event === 'status') {
    try {
      const change = JSON.parse(event.data) as StatusChange;
      if ((change.kind === 'subscription' || change.kind === 'pod') && typeof change.id === 'string')
        applyChange(client, change);
      else invalidateAll(client);
    } catch {
      invalidateAll(client);
    }
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

const backoff = (attempt: number, baseMs: number) => {
  const ms = Math.min(BACKOFF_MAX_MS, baseMs * 2 ** Math.min(attempt, 6));
  return ms * (0.8 + Math.random() * 0.4);
};

/** Reads one answer's stream until it ends, fails or stays silent too long. */
async function read(response: Response, signal: AbortSignal, onRetry: (ms: number) => void): Promise<void> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser(handle, onRetry);
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => void reader.cancel().catch(() => {}), SILENCE_MS);
  };
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  arm();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      parser.push(decoder.decode(value, { stream: true }));
    }
  } catch {
    // The connection broke: the caller reconnects.
  } finally {
    clearTimeout(watchdog);
    signal.removeEventListener('abort', stop);
  }
}

/** Connects, reads, and reconnects with backoff until aborted or signed out. */
async function run(signal: AbortSignal) {
  let attempt = 0;
  let retryMs = 1_000;
  let refreshedFor401 = false;
  while (!signal.aborted) {
    const token = await accessTokenForRequest();
    if (signal.aborted) break;
    if (!token) {
      // Signed out: the session listener starts again on sign-in. Still signed in: the refresh could not
      // reach the API (offline); try again later.
      if (!getSession()) break;
      await sleep(backoff(attempt++, retryMs), signal);
      continue;
    }
    let response: Response;
    try {
      response = await fetch(EVENTS_PATH, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        cache: 'no-store',
        signal,
      });
    } catch {
      if (signal.aborted) break;
      await sleep(backoff(attempt++, retryMs), signal);
      continue;
    }
    if (response.status === 401) {
      await response.body?.cancel().catch(() => {});
      // Once per failure: a refreshed token refused again waits like any error.
      if (!refreshedFor401) {
        refreshedFor401 = true;
        if (!(await refreshSession()) && !getSession()) break;
        continue;
      }
      await sleep(backoff(attempt++, retryMs), signal);
      refreshedFor401 = false;
      continue;
    }
    refreshedFor401 = false;
    const eventStream = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
    if (
      response.status === 404 ||
      response.status === 405 ||
      response.status === 501 ||
      (response.ok && !eventStream)
    ) {
      // No live stream on this server (yet), or something else answers in its place: poll quietly.
      await response.body?.cancel().catch(() => {});
      await sleep(ABSENT_MS, signal);
      continue;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => {});
      const retryAfter = Number(response.headers.get('retry-after'));
      const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0;
      await sleep(Math.max(wait, backoff(attempt++, retryMs)), signal);
      continue;
    }
    await read(response, signal, (ms) => {
      retryMs = Math.max(1_000, ms);
    });
    const wasConnected = connected;
    setConnected(false);
    if (signal.aborted) break;
    // A stream that reached `ready` starts the backoff over; one that never did keeps growing it.
    if (wasConnected) attempt = 0;
    await sleep(backoff(attempt++, retryMs), signal);
  }
  setConnected(false);
}

function shouldRun() {
  return users > 0 && queryClient !== null && getSession() !== null && !hiddenAway;
}

function start() {
  if (controller || !shouldRun()) return;
  const own = new AbortController();
  controller = own;
  void run(own.signal).finally(() => {
    if (controller === own) controller = null;
  });
}

function stop() {
  controller?.abort();
  controller = null;
  setConnected(false);
}

function reconsider() {
  if (shouldRun()) start();
  else stop();
}

let wired = false;
/** Sign-in and sign-out (here or in another tab), and the tab being hidden for a while. */
function wire() {
  if (wired) return;
  wired = true;
  onSessionChange(() => {
    if (!getSession()) stop();
    else reconsider();
  });
  document.addEventListener('visibilitychange', () => {
    clearTimeout(hiddenTimer);
    if (document.visibilityState === 'hidden') {
      hiddenTimer = setTimeout(() => {
        hiddenAway = true;
        reconsider();
      }, HIDDEN_MS);
    } else if (hiddenAway) {
      hiddenAway = false;
      reconsider();
    }
  });
}

function subscribeState(listener: () => void) {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/**
 * Whether the live status stream is connected; while a component uses it, the tab keeps its one stream
 * to GET /api/v1/events open (shared by every user of the hook), invalidating the subscriptions' and pods'
 * queries as their status changes.
 */
export function useLiveStatus(): { connected: boolean } {
  const client = useQueryClient();
  useEffect(() => {
    wire();
    queryClient = client;
    users++;
    clearTimeout(releaseTimer);
    start();
    return () => {
      users--;
      // Not at once: a page replacing another (or StrictMode's second mount) keeps the same stream.
      clearTimeout(releaseTimer);
      releaseTimer = setTimeout(reconsider, 1_000);
    };
  }, [client]);
  return { connected: useSyncExternalStore(subscribeState, () => connected) };
}

/**
 * The `refetchInterval` of a status query: none while the stream pushes changes, every 5 s while it is not
 * connected (the polling fallback). `useQuery({ ..., refetchInterval: useStatusRefetchInterval() })`.
 */
export function useStatusRefetchInterval(): number | false {
  const { connected: live } = useLiveStatus();
  return live ? false : POLL_MS;
}
