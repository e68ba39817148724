import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { z } from 'zod';
import { AppError } from '../../../shared/ipc/result';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { BACKUP_APP, BACKUP_FORMAT, BACKUP_MANIFEST, zipNameOf } from './backup';
import { CACHE_DIR, DB_FILE, FILES_DIR } from './layout';
import { assertUsableFolder } from './project';

export type RestoreProgress = { files: number; totalFiles: number; bytes: number; totalBytes: number };

export type RestoreOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: RestoreProgress) => void;
};

/** What a restore reports (the CLI's `restore --json`; field names are stable). */
export type RestoreResult = { dir: string; name: string; year: number; files: number };

const manifestSchema = z.object({
  app: z.literal(BACKUP_APP),
  format: z.number().int().positive(),
  appVersion: z.string(),
  name: z.string(),
  year: z.number().int(),
  schemaVersion: z.number().int(),
  database: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number() }),
  files: z.number().int().min(0),
  sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
});
type Manifest = z.infer<typeof manifestSchema>;

/** A manifest bigger than this is not ours (10,000 originals take ~0.7 MB). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const FILE_ENTRY = /^files\/([0-9a-f]{2})\/(\1[0-9a-f]{62})$/;

const notABackup = (file: string, why = '') =>
  new AppError(
    'UNSUPPORTED_FILE',
    `《${path.basename(file)}》不是台账通备份文件${why}。请选择用“备份项目”生成的 .taizhang 文件（或其 .zip 副本）。`,
  );

const damaged = (file: string, cause?: unknown) =>
  new AppError(
    'UNSUPPORTED_FILE',
    `备份文件《${path.basename(file)}》不完整或已损坏（可能没有拷贝完，或拷贝时U盘被拔出），无法恢复。请重新拷贝一份备份文件再试。`,
    { cause },
  );

const escapes = (file: string, entry: string) =>
  new AppError(
    'INVALID_INPUT',
    `备份文件《${path.basename(file)}》里有指向恢复文件夹以外的路径（${entry}），可能被人改动过。为安全起见，没有恢复任何文件。`,
  );

/** yauzl refuses unsafe names itself; these are its words for them. */
const UNSAFE_NAME = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/;

async function openZip(file: string): Promise<ZipFile> {
  let head: Buffer;
  try {
    head = Buffer.alloc(4);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, 4, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') {
      throw new AppError('NOT_FOUND', `找不到备份文件《${file}》。它可能已被移动或删除，或所在的U盘未插入。`);
    }
    if (code === 'EISDIR') throw notABackup(file, '（这是一个文件夹）');
    throw e;
  }
  // Every zip we write starts with a local file header; without one it was never a zip.
  if (head.readUInt32LE(0) !== 0x04034b50) throw notABackup(file);
  try {
    return await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (e) {
    // Starts like a zip but its directory at the end is missing or wrong: cut short.
    throw damaged(file, e);
  }
}

/** All entries of the zip's central directory, refusing any unsafe name before anything is written. */
async function readEntries(zip: ZipFile, file: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (e) {
    const unsafe = UNSAFE_NAME.exec((e as Error).message ?? '');
    if (unsafe) throw escapes(file, unsafe[2] ?? '');
    throw damaged(file, e);
  }
  return entries;
}

async function readSmall(zip: ZipFile, entry: Entry, file: string): Promise<Buffer> {
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES) throw notABackup(file);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  } catch (e) {
    throw damaged(file, e);
  }
  return Buffer.concat(chunks);
}

function parseManifest(bytes: Buffer, file: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw damaged(file, e);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { app?: unknown }).app !== BACKUP_APP) throw notABackup(file);
  const format = (raw as { format?: unknown }).format;
  if (typeof format === 'number' && format > BACKUP_FORMAT) {
    const version = String((raw as { appVersion?: unknown }).appVersion ?? '');
    throw new AppError(
      'UNSUPPORTED_FILE',
      `备份文件《${path.basename(file)}》是用更新版本的台账通（${version}）生成的，本程序无法恢复。请先升级台账通再恢复。`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw damaged(file, parsed.error);
  if (parsed.data.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'DB_TOO_NEW',
      `备份文件《${path.basename(file)}》是用更新版本的台账通（${parsed.data.appVersion}）生成的，请先升级台账通再恢复。`,
    );
  }
  return parsed.data;
}

/** The entries to extract, by what they are; unsafe names refused, unknown safe ones skipped. */
function planEntries(entries: Entry[], file: string, temp: string) {
  let manifest: Entry | undefined;
  let database: Entry | undefined;
  const files = new Map<string, Entry>();
  for (const entry of entries) {
    const name = entry.fileName;
    // Belt and braces over yauzl's own check: nothing may land outside the folder.
    const resolved = path.resolve(temp, name);
    if (resolved !== temp && !resolved.startsWith(temp + path.sep)) throw escapes(file, name);
    if (name === BACKUP_MANIFEST) manifest = entry;
    else if (name === DB_FILE) database = entry;
    else {
      const m = FILE_ENTRY.exec(name);
      if (m?.[2]) files.set(m[2], entry);
    }
  }
  return { manifest, database, files };
}

/** Streams one entry into `dest`, hashing it on the way; resolves to its SHA-256. */
async function extract(
  zip: ZipFile,
  entry: Entry,
  dest: string,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, next) {
      hash.update(chunk);
      onBytes(chunk.length);
      next(null, chunk);
    },
  });
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  await pipeline(await zip.openReadStreamPromise(entry), tap, fs.createWriteStream(dest, { flags: 'wx' }), { signal });
  const fd = fs.openSync(dest, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Original names of damaged files, read from the restored database, for a message a person can act on. */
function namesOf(dbFile: string, shas: string[]): string[] {
  try {
    const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
    try {
      const stmt = db.prepare('SELECT original_name FROM material_files WHERE sha256 = ? LIMIT 1').pluck();
      return shas.map((sha) => (stmt.get(sha) as string | undefined) ?? sha.slice(0, 12));
    } finally {
      db.close();
    }
  } catch {
    return shas.map((sha) => sha.slice(0, 12));
  }
}

/**
 * Restores a backup into an empty or new folder. Everything is extracted into a temp folder
 * beside the target and renamed into place at the end, so a crash or cancel never leaves a
 * half-restored project under the target's name. Every original is checked against its
 * SHA-256 name and the database against the manifest; any mismatch refuses the restore.
 */
export async function restoreBackup(
  zipPath: string,
  targetDir: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const { signal, onProgress } = options;
  const file = path.resolve(zipPath);
  const dir = path.resolve(targetDir);
  assertUsableFolder(dir);
  const zip = await openZip(file);
  const temp = path.join(path.dirname(dir), `.${path.basename(dir)}.restoring-${randomBytes(4).toString('hex')}`);
  let made = false;
  try {
    const plan = planEntries(await readEntries(zip, file), file, temp);
    if (!plan.manifest) throw notABackup(file, `（里面没有 ${BACKUP_MANIFEST}）`);
    const manifest = parseManifest(await readSmall(zip, plan.manifest, file), file);
    if (!plan.database || manifest.sha256.some((sha) => !plan.files.has(sha))) throw damaged(file);
    signal?.throwIfAborted();

    const wanted = manifest.sha256.map((sha) => ({ sha, entry: plan.files.get(sha)! }));
    const progress: RestoreProgress = {
      files: 0,
      totalFiles: wanted.length,
      bytes: 0,
      totalBytes: plan.database.uncompressedSize + wanted.reduce((s, w) => s + w.entry.uncompressedSize, 0),
    };
    const onBytes = (n: number) => {
      progress.bytes += n;
    };
    try {
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      fs.mkdirSync(temp);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EACCES' || code === 'EPERM') {
        throw new AppError(
          'PERMISSION_DENIED',
          `没有权限在《${path.dirname(dir)}》中恢复项目。请换一个有写入权限的文件夹（例如“文档”或 D 盘）。`,
          { cause: e },
        );
      }
      throw e;
    }
    made = true;
    onProgress?.({ ...progress });

    const dbFile = path.join(temp, DB_FILE);
    const read = async (entry: Entry, dest: string) => {
      try {
        return await extract(zip, entry, dest, onBytes, signal);
      } catch (e) {
        if (signal?.aborted || (e as { code?: string }).code === 'ENOSPC') throw e;
        throw damaged(file, e);
      }
    };
    if ((await read(plan.database, dbFile)) !== manifest.database.sha256) throw damaged(file);
    const bad: string[] = [];
    for (const { sha, entry } of wanted) {
      signal?.throwIfAborted();
      if ((await read(entry, path.join(temp, ...zipNameOf(sha).split('/')))) !== sha) bad.push(sha);
      progress.files++;
      onProgress?.({ ...progress });
    }
    if (bad.length) {
      const names = namesOf(dbFile, bad.slice(0, 3)).map((n) => `《${n}》`);
      throw new AppError(
        'UNSUPPORTED_FILE',
        `备份文件《${path.basename(file)}》中有 ${bad.length} 个文件已损坏（校验值不符），例如${names.join('、')}。没有恢复任何内容，请换一份备份再试。`,
      );
    }
    fs.mkdirSync(path.join(temp, CACHE_DIR));
    fs.mkdirSync(path.join(temp, FILES_DIR), { recursive: true });
    signal?.throwIfAborted();

    // The target may have become non-empty while we worked; check again just before filling it.
    if (assertUsableFolder(dir)) {
      // Its contents move in, not the folder itself: on Windows the empty folder is often still
      // open in Explorer (the user just made it there), and replacing it would fail. The
      // database goes last, so a folder left half-filled is never taken for a project.
      for (const name of [FILES_DIR, CACHE_DIR, DB_FILE]) await renameSoon(path.join(temp, name), path.join(dir, name));
      fs.rmSync(temp, { recursive: true, force: true });
    } else {
      await renameSoon(temp, dir);
    }
    made = false;
    return { dir, name: manifest.name, year: manifest.year, files: wanted.length };
  } catch (e) {
    if (signal?.aborted) throw new AppError('CANCELLED', '恢复已取消', { cause: e });
    throw e;
  } finally {
    zip.close();
    if (made) fs.rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * A rename that waits out Windows' short-lived locks: a virus scanner or the search indexer
 * opens files just written, and renaming their folder then fails with EPERM/EACCES/EBUSY for a
 * moment. Tries for about three seconds before giving up with the error.
 */
async function renameSoon(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (attempt >= 12 || !['EPERM', 'EACCES', 'EBUSY'].includes(code)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}
