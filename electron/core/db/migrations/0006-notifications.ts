import type { Database } from 'better-sqlite3';

/*
 * Reviewer mode (issue 7 point 5).
 *
 * - review_marks: the latest verdict (合格 / 需补充) per item, so the reviewer screen shows
 *   what is done and a review can be resumed; every verdict is also in audit_log, so
 *   replacing one here loses nothing.
 * - notifications: in-app messages for a person (收集人), e.g. "《…》需补充：缺签到表".
 *   person_name is kept as written at the time, so the message still reads right after
 *   the person is renamed or removed from 人员名单.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE review_marks (
      material_id INTEGER PRIMARY KEY REFERENCES materials(id) ON DELETE CASCADE,
      verdict TEXT NOT NULL CHECK (verdict IN ('ok', 'needs')),
      comment TEXT NOT NULL DEFAULT '',
      indicator_id INTEGER REFERENCES indicators(id) ON DELETE SET NULL,
      reviewed_by TEXT NOT NULL,
      reviewed_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE notifications (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      person_name TEXT NOT NULL DEFAULT '',
      material_id INTEGER REFERENCES materials(id) ON DELETE CASCADE,
      indicator_id INTEGER REFERENCES indicators(id) ON DELETE SET NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      read_at TEXT
    ) STRICT;
    CREATE INDEX notifications_unread ON notifications(read_at, id);
  `);
}
