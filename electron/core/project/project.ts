import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ProjectInfo } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/result';
import { writeAudit, type AuditEntry } from '../audit';
import { openDatabase } from '../db/open-database';
import { FileStore } from '../store/file-store';
import {
  assertWritable,
  folderReadOnlyError,
  isReachable,
  isReadOnlyError,
  isStorageLostError,
  openReadOnlySnapshot,
} from './folder-access';
import { acquireLock, type ProjectLock } from './lock';
import { DB_FILE, projectPaths } from './layout';

export type OpenOptions = {
  /** Who is working: written to the audit log and shown to anyone else who tries to open it. */
  userName: string;
  /** Inspect without the write lock (CLI info/verify while the app has it open). */
  readOnly?: boolean;
  /** Read-only because the user asked for it (只读审阅 for inspectors), not to stay out of another's way. */
  inspect?: boolean;
};

/** An open project folder: its database, its file store and (when writable) its lock. */
export class Project {
  readonly store: FileStore;
  private closed = false;

  constructor(
    readonly dir: string,
    readonly db: Database,
    private readonly lock: ProjectLock | null,
    readonly userName: string,
    /** Opened for 只读审阅 (inspectors): says why changes are refused. */
    readonly inspect = false,
    /** Runs after the database is closed (removes the temp copy of a read-only medium's database). */
    private readonly onClosed?: () => void,
  ) {
    const paths = projectPaths(dir);
    this.store = new FileStore(paths.files, paths.tmp);
  }

  get readOnly(): boolean {
    return this.lock === null;
  }

  audit(entry: AuditEntry): void {
    writeAudit(this.db, this.userName, entry);
  }

  info(): ProjectInfo {
    const row = this.db.prepare('SELECT name, year, created_at FROM project WHERE id = 1').get() as
      { name: string; year: number; created_at: string } | undefined;
    if (!row) throw new AppError('DB_CORRUPT', `项目《${this.dir}》的数据库缺少项目信息，请用备份恢复。`);
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      dir: this.dir,
      name: row.name,
      year: row.year,
      createdAt: row.created_at,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
      counts: {
        systems: count('SELECT count(*) AS n FROM systems'),
        indicators: count('SELECT count(*) AS n FROM indicators'),
        materials: count('SELECT count(*) AS n FROM materials WHERE deleted_at IS NULL'),
        files: count('SELECT count(*) AS n FROM blobs'),
      },
      storeBytes: count('SELECT coalesce(sum(size), 0) AS n FROM blobs'),
      readOnly: this.readOnly,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.close();
    } catch (e) {
      // A pulled USB stick: nothing left to flush there, and closing must still let go of it.
      if (!isStorageLostError(e) && this.available()) throw e;
    } finally {
      this.lock?.release();
      this.onClosed?.();
    }
  }

  /** Whether the project's database is still where it was opened (false once a USB stick is pulled). */
  available(): boolean {
    return isReachable(projectPaths(this.dir).db);
  }
}

/** Files a user's OS drops into any folder; they do not make a folder "non-empty". */
const IGNORABLE = new Set(['desktop.ini', 'thumbs.db', '.ds_store']);

/** Throws unless `dir` is absent, or an empty folder; true when it exists (empty). */
export function assertUsableFolder(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  const stat = fs.statSync(dir);
  if (!stat.isDirectory())
    throw new AppError('CONFLICT', `《${dir}》是一个文件，不是文件夹。请选择或新建一个空文件夹。`);
  const entries = fs.readdirSync(dir).filter((n) => !IGNORABLE.has(n.toLowerCase()));
  if (entries.includes(DB_FILE)) {
    throw new AppError('CONFLICT', `文件夹《${dir}》已经是一个台账通项目，请用“打开项目”打开它。`);
  }
  if (entries.length > 0) {
    throw new AppError(
      'CONFLICT',
      `文件夹《${dir}》里已有其他文件，为避免混在一起，请选择一个空文件夹，或新建一个文件夹。`,
    );
  }
  return true;
}

function permissionError(dir: string, cause: unknown): AppError {
  return new AppError(
    'PERMISSION_DENIED',
    `没有权限在《${dir}》中创建项目。请换一个有写入权限的文件夹（例如“文档”或 D 盘）。`,
    {
      cause,
    },
  );
}

/**
 * Creates a project in an empty or new folder. All or nothing: on any failure every file
 * it made is removed again (and the folder, if it made that too).
 */
export function createProject(rawDir: string, meta: { name: string; year: number }, options: OpenOptions): Project {
  const dir = path.resolve(rawDir);
  const existed = assertUsableFolder(dir);
  const paths = projectPaths(dir);
  const made: string[] = [];
  let lock: ProjectLock | null = null;
  let db: Database | null = null;
  try {
    try {
      if (!existed) fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (e) {
      throw permissionError(dir, e);
    }
    lock = acquireLock(paths.lock, options.userName);
    made.push(paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.files, paths.cache, paths.tmp);
    db = openDatabase(paths.db, { create: true });
    const created = db;
    created.transaction(() => {
      created
        .prepare('INSERT INTO project (id, name, year, created_at, created_by) VALUES (1, ?, ?, ?, ?)')
        .run(meta.name.trim(), meta.year, new Date().toISOString(), options.userName);
      writeAudit(created, options.userName, {
        action: 'project.create',
        entity: 'project',
        entityId: 1,
        detail: { name: meta.name.trim(), year: meta.year },
      });
    })();
    fs.mkdirSync(paths.files, { recursive: true });
    fs.mkdirSync(paths.cache, { recursive: true });
    return new Project(dir, created, lock, options.userName);
  } catch (e) {
    try {
      db?.close();
    } catch {
      // already failing; the cleanup below matters more
    }
    for (const p of made) fs.rmSync(p, { recursive: true, force: true });
    lock?.release();
    if (!existed) fs.rmSync(dir, { recursive: true, force: true });
    const code = (e as { code?: string }).code;
    if (code === 'EACCES' || code === 'EPERM') throw permissionError(dir, e);
    throw e;
  }
}

/** Opens an existing project folder; never creates anything in a folder that is not one. */
export function openProject(rawDir: string, options: OpenOptions): Project {
  const dir = path.resolve(rawDir);
  if (!fs.existsSync(dir))
    throw new AppError('NOT_FOUND', `找不到文件夹《${dir}》。它可能已被移动、改名或所在的U盘未插入。`);
  const paths = projectPaths(dir);
  if (!fs.existsSync(paths.db)) {
    throw new AppError(
      'NOT_A_PROJECT',
      `《${dir}》不是台账通项目（里面没有 ${DB_FILE}）。请选择项目文件夹，或新建项目。`,
    );
  }
  if (options.readOnly) {
    const inspect = options.inspect ?? false;
    try {
      return new Project(dir, openDatabase(paths.db, { readOnly: true }), null, options.userName, inspect);
    } catch (e) {
      // On a CD SQLite cannot even create the WAL's shared-memory file beside the database.
      if (e instanceof AppError || !isReadOnlyError(e)) throw e;
      const { db, dispose } = openReadOnlySnapshot(paths.db);
      return new Project(dir, db, null, options.userName, inspect, dispose);
    }
  }
  let lock: ProjectLock;
  try {
    lock = acquireLock(paths.lock, options.userName);
  } catch (e) {
    if (e instanceof AppError || !isReadOnlyError(e)) throw e;
    throw folderReadOnlyError(dir, e);
  }
  try {
    const db = openDatabase(paths.db);
    const project = new Project(dir, db, lock, options.userName);
    try {
      assertWritable(db);
      project.store.cleanTemp();
    } catch (e) {
      project.close();
      throw e;
    }
    return project;
  } catch (e) {
    lock.release();
    if (!(e instanceof AppError) && isReadOnlyError(e)) throw folderReadOnlyError(dir, e);
    throw e;
  }
}
