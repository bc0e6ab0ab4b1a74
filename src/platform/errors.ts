/**
 * Domain errors: services throw these, one HTTP error handler maps them to a status and the envelope
 * `{ error: { code, message, requestId } }`. The set of codes is closed.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  /** Signed in, but the account's email is not verified and this action needs it (REQUIRE_EMAIL_VERIFICATION). */
  EMAIL_NOT_VERIFIED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A genuine link or token whose time is up (an email verification link after 24 h): ask for a new one. */
  LINK_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  /** Not enough credit for a charge; the body carries `required` and `available` (integer rupiah). */
  INSUFFICIENT_CREDIT: 402,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** A service Kapal depends on refused Kapal itself (e.g. Kubernetes RBAC): not the caller's fault. */
  DEPENDENCY_FAILED: 502,
  /** A service Kapal depends on did not answer or is overloaded: worth retrying later. */
  DEPENDENCY_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
    /** Extra machine-readable fields of the error object (e.g. `required`, `available`), next to `code`. */
    readonly fields?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const badRequest = (message: string, details?: ErrorDetail[]) => new AppError('BAD_REQUEST', message, details);
export const unauthorized = (message = 'Authentication required') => new AppError('UNAUTHORIZED', message);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', `Too many requests; retry in ${retryAfterSeconds} s`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });

/** A charge larger than the balance: 402 with the shortfall's two sides, in integer rupiah. */
export const insufficientCredit = (required: number, available: number) =>
  new AppError(
    'INSUFFICIENT_CREDIT',
    `Insufficient credit: this needs ${required} IDR and the balance is ${available} IDR; top up ${required - available} IDR or more`,
    undefined,
    undefined,
    { required, available },
  );
