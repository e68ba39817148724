import type { Database } from 'better-sqlite3';

/**
 * Adding files asks "is anything of this size stored?" before hashing a file to find it
 * already there (re-adding a folder); with tens of thousands of files that needs an index.
 */
export function up(db: Database): void {
  db.exec('CREATE INDEX blobs_size ON blobs(size);');
}
