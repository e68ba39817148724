import type { Database } from 'better-sqlite3';
import type { Logger } from '../log';
import type { JobRecorder } from './job-manager';

/** Writes job history into the open project's `jobs` table (what ran, how it ended). */
export function recordJobsIn(db: Database, log: Logger): JobRecorder {
  return {
    started(info) {
      if (!db.open || db.readonly) return;
      db.prepare('INSERT INTO jobs (id, kind, title, status, started_at) VALUES (?, ?, ?, ?, ?)').run(
        info.jobId,
        info.kind,
        info.title,
        info.status,
        info.startedAt,
      );
    },
    finished(info, outcome) {
      if (!db.open || db.readonly) return;
      let result: string | null = null;
      try {
        result = outcome.result === undefined ? null : JSON.stringify(outcome.result);
      } catch (e) {
        log.error('job result not serialisable', e);
      }
      db.prepare('UPDATE jobs SET status = ?, finished_at = ?, result = ?, error = ? WHERE id = ?').run(
        info.status,
        new Date().toISOString(),
        result,
        outcome.error ? JSON.stringify(outcome.error) : null,
        info.jobId,
      );
    },
  };
}
