import { AppError } from '../../shared/ipc/result';
import { toRpcError } from '../core/errors';

/** Exit codes are part of the CLI's public interface: scripts rely on them. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called (exit 2, with the command's help). */
export class UsageError extends Error {}

export type Io = {
  out(text: string): void;
  err(text: string): void;
};

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** The Chinese message for a failure; unexpected errors never print a stack trace. */
export function failureMessage(e: unknown): string {
  if (e instanceof AppError) return e.message;
  return toRpcError(e).message;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
