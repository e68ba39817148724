import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/result';
import { openDatabase } from '../db/open-database';

/*
 * What happens when a project folder is not where, or not what, the app needs: on a CD or a
 * write-protected USB stick (it cannot be written), or gone while open (the stick was pulled,
 * the folder moved, a network drive dropped). Both get their own error code so the UI can
 * offer the way out (以只读方式打开 / 重新连接) instead of a generic failure.
 */

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Errors meaning "this folder or database cannot be written": the lock file could not be
 * created, or SQLite found the database file (or its folder, for the WAL files) read-only.
 * EROFS is what a write-protected medium gives; EACCES/EPERM a missing permission or the
 * Windows read-only attribute on copied files.
 */
export function isReadOnlyError(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || /^SQLITE_READONLY(?!_DBMOVED)/.test(code);
}

/**
 * Throws SQLite's SQLITE_READONLY when the database file cannot be written. Such a file (the
 * read-only attribute files keep after copying from a CD) still opens for writing, and even
 * BEGIN IMMEDIATE succeeds on it; only a page write tells, so one is made and rolled back.
 */
export function assertWritable(db: Database): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

export function folderReadOnlyError(dir: string, cause?: unknown): AppError {
  return new AppError(
    'FOLDER_READ_ONLY',
    `项目文件夹《${dir}》不能写入（可能在光盘或写保护的U盘上，或文件被设为只读、没有修改权限），所以不能以编辑方式打开。可以“以只读方式打开”查看和审阅；如需修改，请把整个项目文件夹复制到本机硬盘（例如 D 盘）后再打开。`,
    { cause },
  );
}

/**
 * Errors that mean the storage itself went away or failed, whatever the folder check says:
 * SQLite's I/O errors (SQLITE_IOERR_READ, _WRITE, _FSTAT, …), a database file it can no
 * longer open, one moved while open; the OS's device errors.
 */
export function isStorageLostError(e: unknown): boolean {
  const code = codeOf(e);
  return (
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code === 'SQLITE_READONLY_DBMOVED' ||
    code === 'EIO' ||
    code === 'ENXIO' ||
    code === 'ENODEV'
  );
}

export function projectUnavailableError(dir: string, cause?: unknown): AppError {
  return new AppError(
    'PROJECT_UNAVAILABLE',
    `无法访问项目文件夹《${dir}》：U盘可能已拔出，或文件夹已被移动、改名。请插回U盘（或把文件夹放回原处）后点“重新连接”，或关闭项目。台账通每次修改都会立即保存，之前完成的修改都在项目文件夹里；只有拔出那一刻正在进行的操作可能需要重做。`,
    { cause },
  );
}

/** Whether the database file of an open project can still be reached at its path (a stat, ~10 µs). */
export function isReachable(dbFile: string): boolean {
  try {
    return fs.statSync(dbFile).isFile();
  } catch {
    return false;
  }
}

/**
 * Read-only access to a database in a folder nothing can be written to. SQLite needs to create
 * the WAL's `-shm` file beside the database even to read it (SQLITE_READONLY_DIRECTORY on a CD),
 * and better-sqlite3 cannot pass `immutable=1`; so the database (with its `-wal`, if one was
 * left) is copied to a temp folder and the copy is opened read-only. The originals in `files/`
 * are still read from the project folder. `dispose` removes the copy.
 */
export function openReadOnlySnapshot(dbFile: string): { db: Database; dispose: () => void } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-readonly-'));
  const dispose = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    const copy = path.join(tmp, path.basename(dbFile));
    fs.copyFileSync(dbFile, copy);
    if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${copy}-wal`);
    return { db: openDatabase(copy, { readOnly: true }), dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

/** Codes a service may raise while the folder is gone that the folder being gone explains. */
const EXPLAINED_BY_ABSENCE = new Set(['NOT_FOUND', 'PERMISSION_DENIED', 'DB_CORRUPT', 'INTERNAL']);

/**
 * Rewrites a failure that happened while working on `project` as PROJECT_UNAVAILABLE when the
 * project's storage is what failed, so that every call made after a USB stick was pulled gives
 * the same error (and the UI one dialog) instead of a mix of "file not found" and internal errors.
 */
export function explainFailure(e: unknown, project: { dir: string; available(): boolean } | null): unknown {
  if (!project) return e;
  if (e instanceof AppError) {
    return EXPLAINED_BY_ABSENCE.has(e.code) && !project.available() ? projectUnavailableError(project.dir, e) : e;
  }
  if (!project.available()) return projectUnavailableError(project.dir, e);
  // SQLite's errors are the project database's; a device error may be another drive's (a backup
  // or export written to a USB stick that was pulled) and is the project's only on a path inside it.
  const sqlite = codeOf(e).startsWith('SQLITE_');
  return isStorageLostError(e) && (sqlite || isInside(project.dir, e)) ? projectUnavailableError(project.dir, e) : e;
}

/** Whether an OS error (which names its path) concerns a file in `dir`. */
function isInside(dir: string, e: unknown): boolean {
  const file = (e as { path?: unknown }).path;
  if (typeof file !== 'string') return false;
  const rel = path.relative(dir, path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
