import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import { ZipFile } from 'yazl';
import { BACKUP_EXTENSION, backupFileName, type BackupResult } from '../../../shared/ipc/contract-backup';
import { AppError } from '../../../shared/ipc/result';
import { hashFile } from '../store/file-store';
import { APP_VERSION } from '../version';
import { DB_FILE, FILES_DIR } from './layout';
import type { Project } from './project';

/*
 * A project backup is one zip (extension .taizhang): the manifest, a consistent snapshot
 * of the database, and the originals under files/. Caches, temp files, the lock and the
 * daily database copies stay out: they are rebuildable, or belong to this PC.
 */

/** The manifest's name inside the zip; a zip without it is not a backup of ours. */
export const BACKUP_MANIFEST = 'taizhang-backup.json';
/** Bumped when the layout inside the zip changes in a way an older restore cannot read. */
export const BACKUP_FORMAT = 1;
export const BACKUP_APP = '台账通';

export type BackupManifest = {
  app: typeof BACKUP_APP;
  format: number;
  appVersion: string;
  name: string;
  year: number;
  schemaVersion: number;
  createdAt: string;
  createdBy: string;
  database: { sha256: string; bytes: number };
  /** Originals in the zip, their total size, and their names (each is its own SHA-256). */
  files: number;
  bytes: number;
  sha256: string[];
};

export type BackupProgress = {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
};

export type BackupOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
  /** The backup's time (tests); now by default. */
  now?: Date;
};

/** Where a stored original goes inside the zip (and inside a project). */
export const zipNameOf = (sha256: string) => `${FILES_DIR}/${sha256.slice(0, 2)}/${sha256}`;

const isInside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The file a backup is written to: a folder gets the suggested name inside it, a name
 * without .taizhang/.zip gets .taizhang. Never inside the project it backs up: a copy that
 * is lost together with its original protects nothing.
 */
export function backupTarget(project: Project, rawPath: string, now = new Date()): string {
  let target = path.resolve(rawPath.trim());
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    const { name, year } = project.info();
    target = path.join(target, backupFileName({ name, year }, now));
  }
  const ext = path.extname(target).toLowerCase();
  if (ext !== `.${BACKUP_EXTENSION}` && ext !== '.zip') target += `.${BACKUP_EXTENSION}`;
  if (isInside(target, project.dir)) {
    throw new AppError(
      'INVALID_INPUT',
      `备份不能保存在项目文件夹《${project.dir}》里面：项目丢失时备份会一起丢失。请保存到别的文件夹，最好是U盘或另一块硬盘。`,
    );
  }
  return target;
}

type Snapshot = { file: string; manifest: BackupManifest; blobs: { sha256: string; size: number }[] };

/**
 * Copies the database with SQLite's online backup (a consistent state even while the app
 * writes to it) and reads what the copy references. The copy is switched out of WAL so the
 * zip holds one self-contained file.
 */
async function snapshot(project: Project, dir: string, now: Date): Promise<Snapshot> {
  const file = path.join(dir, DB_FILE);
  await project.db.backup(file);
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  let manifest: Omit<BackupManifest, 'database'>;
  let blobs: { sha256: string; size: number }[];
  try {
    copy.pragma('journal_mode = DELETE');
    const meta = copy.prepare('SELECT name, year FROM project WHERE id = 1').get() as
      { name: string; year: number } | undefined;
    if (!meta) throw new AppError('DB_CORRUPT', `项目《${project.dir}》的数据库缺少项目信息，无法备份。`);
    blobs = copy.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as typeof blobs;
    manifest = {
      app: BACKUP_APP,
      format: BACKUP_FORMAT,
      appVersion: APP_VERSION,
      name: meta.name,
      year: meta.year,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      createdAt: now.toISOString(),
      createdBy: project.userName,
      files: 0,
      bytes: 0,
      sha256: [],
    };
  } finally {
    copy.close();
  }
  // A file the database lists but the store lacks (an already damaged project) cannot be
  // backed up; the rest still can, and 校验文件 on the restored project names what is missing.
  const present = blobs.filter((b) => project.store.has(b.sha256));
  const database = { sha256: await hashFile(file), bytes: fs.statSync(file).size };
  return {
    file,
    blobs: present,
    manifest: {
      ...manifest,
      database,
      files: present.length,
      bytes: present.reduce((sum, b) => sum + b.size, 0),
      sha256: present.map((b) => b.sha256),
    },
  };
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes the project into one backup file. The zip is written as `<zipPath>.part` and
 * renamed when complete, so a crash or a cancel never leaves half a backup under the real
 * name (a cancel removes the .part). Originals are stored as they are (photos and PDFs are
 * already compressed); only the database and the manifest are deflated.
 */
export async function backupProject(
  project: Project,
  zipPath: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const { signal, onProgress } = options;
  const now = options.now ?? new Date();
  const target = path.resolve(zipPath);
  const part = `${target}.part`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-backup-'));
  // The original being read when a cancel comes: closed at once rather than read to its end.
  let current: fs.ReadStream | null = null;
  const stopReading = () => current?.destroy();
  signal?.addEventListener('abort', stopReading);
  try {
    signal?.throwIfAborted();
    const snap = await snapshot(project, work, now);
    signal?.throwIfAborted();
    fs.mkdirSync(path.dirname(target), { recursive: true });

    const zip = new ZipFile();
    const mtime = now;
    const written = pipeline(zip.outputStream, fs.createWriteStream(part), { signal });
    zip.addBuffer(Buffer.from(JSON.stringify(snap.manifest, null, 1)), BACKUP_MANIFEST, { mtime });
    zip.addFile(snap.file, DB_FILE, { mtime });
    const progress: BackupProgress = {
      files: 0,
      totalFiles: snap.blobs.length,
      bytes: 0,
      totalBytes: snap.manifest.bytes,
    };
    onProgress?.({ ...progress });
    for (const blob of snap.blobs) {
      const source = project.store.pathOf(blob.sha256);
      zip.addReadStreamLazy(zipNameOf(blob.sha256), { mtime, compress: false }, (done) => {
        const tap = new Transform({
          transform(chunk: Buffer, _enc, next) {
            progress.bytes += chunk.length;
            next(null, chunk);
          },
          flush(next) {
            progress.files++;
            onProgress?.({ ...progress });
            next();
          },
        });
        const input = fs.createReadStream(source, { highWaterMark: 1 << 20 });
        input.on('error', (e) => tap.destroy(e));
        current = input;
        done(null, input.pipe(tap));
      });
    }
    zip.end();
    await written;
    fsyncFile(part);
    fs.renameSync(part, target);
    return { zipPath: target, files: snap.blobs.length, bytes: fs.statSync(target).size };
  } catch (e) {
    fs.rmSync(part, { force: true });
    if (signal?.aborted) throw new AppError('CANCELLED', '备份已取消', { cause: e });
    throw e;
  } finally {
    signal?.removeEventListener('abort', stopReading);
    fs.rmSync(work, { recursive: true, force: true });
  }
}
