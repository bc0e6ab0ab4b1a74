import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client';
import { accessTokenForRequest, refreshSession } from '../../../auth/session';

/** Lines kept on screen while following: older ones scroll away. */
const MAX_LINES = 5_000;

interface Envelope {
  error?: { code?: string; message?: string; requestId?: string; details?: { path: string; message: string }[] };
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as Envelope;
  return new ApiError(
    response.status,
    body.error?.code ?? `HTTP_${response.status}`,
    body.error?.message ?? response.statusText ?? 'The request failed',
    body.error?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    body.error?.details,
  );
}

/** GET /pods/{id}/logs?follow=true (text/plain, streamed), signed like every call; a 401 refreshes once. */
async function openLog(podId: string, tail: number, signal: AbortSignal): Promise<Response> {
  const url = `/api/v1/pods/${encodeURIComponent(podId)}/logs?follow=true&tail=${tail}`;
  const send = (token: string | null) =>
    fetch(url, {
      headers: { accept: 'text/plain', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      cache: 'no-store',
      signal,
    });
  let response = await send(await accessTokenForRequest());
  if (response.status === 401) {
    await response.body?.cancel().catch(() => {});
    response = await send(await refreshSession());
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

export interface FollowState {
  following: boolean;
  /** The followed lines, null until the stream's first bytes (the tail read before stays shown until then). */
  lines: string[] | null;
  error: unknown;
  /** The stream ended by itself (the container stopped, or the 8 MiB bound). */
  ended: boolean;
  start(): void;
  stop(): void;
}

/**
 * Follows a pod's log: streams it with fetch, appending whole lines as they come; stops (aborts the request)
 * on `stop`, when the page is left, or when the pod or tail changes.
 */
export function useFollowLogs(podId: string, tail: number): FollowState {
  const [following, setFollowing] = useState(false);
  const [lines, setLines] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ended, setEnded] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const stop = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setFollowing(false);
  }, []);

  const start = useCallback(() => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setFollowing(true);
    setError(null);
    setEnded(false);
    void (async () => {
      let received: string[] | null = null;
      let rest = '';
      const show = () => {
        if (received && received.length > MAX_LINES) received = received.slice(-MAX_LINES);
        setLines(received ? [...received] : null);
      };
      try {
        const response = await openLog(podId, tail, own.signal);
        const reader = response.body?.getReader();
        if (!reader) throw new Error('The log stream could not be read');
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const text = rest + decoder.decode(value, { stream: true });
          const parts = text.split('\n');
          rest = parts.pop() ?? '';
          received = [...(received ?? []), ...parts];
          show();
        }
        rest += decoder.decode();
        if (rest) received = [...(received ?? []), rest];
        show();
        if (controller.current === own) setEnded(true);
      } catch (err) {
        if (own.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', (err as Error).message));
      } finally {
        if (controller.current === own) {
          controller.current = null;
          setFollowing(false);
        }
      }
    })();
  }, [podId, tail]);

  // Leaving the page ends the request (PodPage keys this by pod: another pod is a new component).
  useEffect(
    () => () => {
      controller.current?.abort();
      controller.current = null;
    },
    [],
  );

  return { following, lines, error, ended, start, stop };
}
