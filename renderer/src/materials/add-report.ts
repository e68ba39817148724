import type { AddReport } from '../../../shared/materials/api-types';

export const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** The dialog shows one report for everything added while it is open, batch after batch. */
export function mergeReports(prev: AddReport | null, next: AddReport): AddReport {
  if (!prev) return next;
  return {
    added: [...prev.added, ...next.added],
    duplicates: [...prev.duplicates, ...next.duplicates],
    failed: [...prev.failed, ...next.failed],
  };
}

export type RetryOutcome = 'added' | 'duplicate' | 'wrong-password' | 'failed';

export function retryOutcome(result: AddReport): RetryOutcome {
  if (result.added.length) return 'added';
  if (result.duplicates.length) return 'duplicate';
  return result.failed.some((f) => f.code === 'ENCRYPTED') ? 'wrong-password' : 'failed';
}

/**
 * A failed file tried again (with a password) takes its own row's place. A re-upload reports
 * a new temp path, so what it says about the file is filed under the path the row was shown by,
 * keeping the row (and the password typed into it) where the user is looking.
 */
export function applyRetry(report: AddReport, path: string, result: AddReport): AddReport {
  const single = result.failed.length + result.duplicates.length === 1;
  const own = (p: string) => (single ? path : p);
  return {
    added: [...report.added, ...result.added],
    duplicates: [...report.duplicates, ...result.duplicates.map((d) => ({ ...d, path: own(d.path) }))],
    failed: [
      ...report.failed.filter((f) => f.path !== path),
      ...result.failed.map((f) => ({ ...f, path: own(f.path) })),
    ],
  };
}
