import createClient, { type Middleware } from 'openapi-fetch';
import { accessTokenForRequest, refreshSession } from '../auth/session';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** What every failed call becomes: the API's error envelope (code, message, request id, field details). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The calls a visitor makes without a session (resending the verification mail is not one of them). */
const AUTH_PATHS = /^\/api\/v1\/auth\/(login|register|refresh|verify-email)$/;
/** Copies of requests that carried a token, kept until answered, so a 401 can be retried once after a refresh. */
const retryable = new Map<string, Request>();

/**
 * Signs each call with the current access token (refreshed first when it is about to expire), and on a
 * 401 refreshes once and repeats the call: an expired token never reaches the user.
 */
const auth: Middleware = {
  async onRequest({ request, id }) {
    if (AUTH_PATHS.test(new URL(request.url).pathname) || request.headers.has('authorization')) return request;
    const token = await accessTokenForRequest();
    if (!token) return request;
    request.headers.set('authorization', `Bearer ${token}`);
    retryable.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const copy = retryable.get(id);
    retryable.delete(id);
    if (response.status !== 401 || !copy) return response;
    const token = await refreshSession();
    if (!token) return response;
    copy.headers.set('authorization', `Bearer ${token}`);
    return fetch(copy);
  },
  onError({ id }) {
    retryable.delete(id);
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

interface Envelope {
  error?: { code?: string; message?: string; requestId?: string; details?: { path: string; message: string }[] };
}

/** Awaits an openapi-fetch call and returns its data, or throws the API's error as an ApiError. */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (err) {
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : 'The network request failed');
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const envelope = (error ?? {}) as Envelope;
  throw new ApiError(
    response.status,
    envelope.error?.code ?? `HTTP_${response.status}`,
    envelope.error?.message ?? response.statusText ?? 'The request failed',
    envelope.error?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    envelope.error?.details,
  );
}

/** Hands a downloaded file (a `parseAs: 'blob'` answer) to the browser to save. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
