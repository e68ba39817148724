import type { VerifyReport } from '../../../shared/ipc/contract';
import type { Project } from './project';

export type VerifyOptions = {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, name: string) => void;
};

/**
 * Re-hashes every stored original against the database: missing files, files whose bytes
 * changed, and files nobody references. Only reads; never deletes or repairs anything.
 */
export async function verifyProject(project: Project, options: VerifyOptions = {}): Promise<VerifyReport> {
  const referenced = project.db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').pluck().all() as string[];
  const namesOf = new Map<string, string[]>();
  for (const row of project.db.prepare('SELECT sha256, original_name FROM material_files').iterate() as Iterable<{
    sha256: string;
    original_name: string;
  }>) {
    const list = namesOf.get(row.sha256) ?? [];
    list.push(row.original_name);
    namesOf.set(row.sha256, list);
  }
  const report: VerifyReport = { checkedFiles: 0, okFiles: 0, missing: [], corrupt: [], orphans: [], ok: true };
  for (const [i, sha256] of referenced.entries()) {
    options.signal?.throwIfAborted();
    const actual = await project.store.rehash(sha256, options.signal);
    const names = namesOf.get(sha256) ?? [];
    report.checkedFiles++;
    if (actual === null) report.missing.push({ sha256, names });
    else if (actual !== sha256) report.corrupt.push({ sha256, names });
    else report.okFiles++;
    options.onProgress?.(i + 1, referenced.length, names[0] ?? sha256);
  }
  const known = new Set(referenced);
  for (const sha256 of project.store.list()) if (!known.has(sha256)) report.orphans.push(sha256);
  report.ok = report.missing.length === 0 && report.corrupt.length === 0;
  return report;
}
