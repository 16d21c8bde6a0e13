/**
 * One error type for everything the domain refuses. Codes map to HTTP statuses and to safe,
 * user-facing messages in one place; raw exception text never reaches a browser.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  BAD_REQUEST: 'The request is not valid.',
  UNAUTHENTICATED: 'Please sign in.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'That conflicts with the current state.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'That type of content is not supported.',
  RATE_LIMITED: 'Too many attempts. Please try again later.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
  UNAVAILABLE: 'The service is temporarily unavailable. Please try again shortly.',
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message?: string,
    extra: { fields?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message ?? DEFAULT_MESSAGES[code], { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/**
 * Codes that mean the database could not be reached or went away: the socket's, PostgreSQL's
 * (admin shutdown, starting up, too many connections) and Prisma's (P1001 cannot reach, P1002
 * timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
]);
/** Prisma's driver-adapter error kinds for the same situations. */
const UNAVAILABLE_KINDS =
  /^(DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections)$/;

/** Database connection failures (PostgreSQL down, pool exhausted) become UNAVAILABLE. */
function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  const e = err as {
    code?: string;
    message?: string;
    cause?: unknown;
    kind?: string;
    meta?: { driverAdapterError?: unknown };
  } | null;
  if (!e || typeof e !== 'object' || depth > 5) return false;
  if (UNAVAILABLE_CODES.has(e.code ?? '')) return true;
  if (UNAVAILABLE_KINDS.test(e.kind ?? '') || UNAVAILABLE_KINDS.test(e.message ?? '')) return true;
  if (e.meta?.driverAdapterError && isDatabaseUnavailable(e.meta.driverAdapterError, depth + 1))
    return true;
  if (
    /connect ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect/i.test(
      e.message ?? '',
    )
  )
    return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause, depth + 1);
}

/** Converts anything thrown into an AppError that is safe to show. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  // A restart of PostgreSQL takes seconds: clients that honour Retry-After come back then.
  if (isDatabaseUnavailable(err))
    return new AppError('UNAVAILABLE', undefined, { cause: err, retryAfterSeconds: 2 });
  return new AppError('INTERNAL', undefined, { cause: err });
}

/** The JSON body every API error has. */
export function errorBody(err: AppError): {
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
} {
  return {
    error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
  };
}
