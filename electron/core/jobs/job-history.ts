import type { Database } from 'better-sqlite3';
import type { JobRecord } from '../../../shared/ipc/contract';

/** Said of a job the database still has as running after the app stopped (closed, crashed, power cut). */
export const INTERRUPTED =
  '台账通在这项任务完成前被关闭（或意外退出），任务没有完成。已完成的部分都已保存，可以重新开始这项任务。';

type Row = {
  id: string;
  kind: string;
  title: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
  error: string | null;
};

function parsed(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/**
 * 任务记录: the project's jobs, newest first, with what each came to. A job recorded as running
 * that this app instance is not running was cut off when the app stopped: it is reported as
 * failed, with a message saying what that means for the user's work.
 */
export function jobHistory(db: Database, running: ReadonlySet<string>, limit: number): JobRecord[] {
  const rows = db
    .prepare(
      'SELECT id, kind, title, status, started_at, finished_at, result, error FROM jobs ORDER BY started_at DESC LIMIT ?',
    )
    .all(limit) as Row[];
  return rows.map((r) => {
    const cutOff = r.status === 'running' && !running.has(r.id);
    const error = parsed(r.error) as { message?: string } | null;
    return {
      jobId: r.id,
      kind: r.kind,
      title: r.title,
      status: cutOff ? 'failed' : (r.status as JobRecord['status']),
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      result: parsed(r.result),
      error: cutOff ? INTERRUPTED : (error?.message ?? null),
    };
  });
}
