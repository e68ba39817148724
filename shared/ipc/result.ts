/**
 * What every RPC call returns, over every transport: errors travel as data,
 * never as thrown exceptions or stack traces.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'NO_PROJECT',
  'NOT_A_PROJECT',
  'DB_CORRUPT',
  'DB_TOO_NEW',
  'PERMISSION_DENIED',
  /** The project folder cannot be written (CD, write-protected USB stick, no permission); it can be opened read-only. */
  'FOLDER_READ_ONLY',
  /** The open project's folder went away (USB stick pulled, folder moved, network drive dropped). */
  'PROJECT_UNAVAILABLE',
  'UNSUPPORTED_FILE',
  'UNSUPPORTED',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type RpcError = {
  code: ErrorCode;
  /** Chinese, for the user: what happened, to what, and what to do. */
  message: string;
};

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** An error a service raises on purpose; its message is shown to the user as it is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
