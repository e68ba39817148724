import path from 'node:path';

/** Names inside a project folder. The folder is the unit of backup and hand-over. */
export const DB_FILE = 'taizhang.sqlite';
export const LOCK_FILE = 'taizhang.lock';
/** Originals, content-addressed; nothing else lives here. */
export const FILES_DIR = 'files';
/** Derived data (thumbnails, page images, converted PDFs): always rebuildable. */
export const CACHE_DIR = 'cache';
/** Temp writes before their atomic rename; emptied whenever the project is opened. */
export const TMP_DIR = 'tmp';
/** Rolling daily copies of the database (never the originals); the newest few are kept. */
export const BACKUPS_DIR = 'backups';

export function projectPaths(dir: string) {
  return {
    dir,
    db: path.join(dir, DB_FILE),
    lock: path.join(dir, LOCK_FILE),
    files: path.join(dir, FILES_DIR),
    cache: path.join(dir, CACHE_DIR),
    tmp: path.join(dir, TMP_DIR),
    backups: path.join(dir, BACKUPS_DIR),
  };
}
