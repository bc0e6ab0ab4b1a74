/** Typed Kubernetes errors: callers branch on the class, never on a message. Nothing is swallowed. */
export class KubeError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
export class KubeNotFoundError extends KubeError {}
export class KubeConflictError extends KubeError {}
export class KubeForbiddenError extends KubeError {}
export class KubeUnreachableError extends KubeError {}
export class KubeInvalidError extends KubeError {}

interface ApiExceptionLike {
  code: number;
  body: unknown;
}

function isApiException(err: unknown): err is ApiExceptionLike {
  return (
    typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'number' && 'body' in err
  );
}

function statusMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    try {
      return (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      return body;
    }
  }
  if (typeof body === 'object' && body !== null) return (body as { message?: string }).message;
  return undefined;
}

/** Maps whatever @kubernetes/client-node threw into a KubeError, naming the operation. */
export function toKubeError(err: unknown, operation: string): KubeError {
  if (err instanceof KubeError) return err;
  if (isApiException(err)) {
    const detail = statusMessage(err.body) ?? `HTTP ${err.code}`;
    const message = `${operation}: ${detail}`;
    switch (err.code) {
      case 404:
        return new KubeNotFoundError(message, 404, { cause: err });
      case 409:
        return new KubeConflictError(message, 409, { cause: err });
      case 401:
      case 403:
        return new KubeForbiddenError(message, err.code, { cause: err });
      case 400:
      case 422:
        return new KubeInvalidError(message, err.code, { cause: err });
      case 500:
        // Server-side apply reports an object that does not fit the schema (an unknown field, a wrong
        // type) as a 500 "failed to create typed patch object": it is the caller's input that is wrong.
        if (detail.includes('failed to create typed patch object'))
          return new KubeInvalidError(message, 500, { cause: err });
        return new KubeError(message, 500, { cause: err });
      case 502:
      case 503:
      case 504:
        return new KubeUnreachableError(message, err.code, { cause: err });
      default:
        return new KubeError(message, err.code, { cause: err });
    }
  }
  const reason = err instanceof Error ? err.message : String(err);
  if (isNetworkError(err)) {
    return new KubeUnreachableError(`${operation}: Kubernetes API unreachable (${reason})`, undefined, { cause: err });
  }
  return new KubeError(`${operation}: ${reason}`, undefined, { cause: err });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code, type, name } = err as Error & { code?: unknown; type?: unknown };
  return (
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    type === 'system' ||
    name === 'FetchError' ||
    name === 'AbortError' ||
    (err.cause !== undefined && isNetworkError(err.cause))
  );
}
