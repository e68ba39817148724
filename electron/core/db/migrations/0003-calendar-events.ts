import type { Database } from 'better-sqlite3';

/**
 * The office's own dated occasions for `event` rules (校运会, 社区邻里节 …), beside the
 * built-in festivals and observance days that the gap checker computes itself.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE calendar_events (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      date TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
  `);
}
