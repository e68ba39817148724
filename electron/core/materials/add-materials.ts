import fs from 'node:fs';
import path from 'node:path';
import { guessDocType } from '../../../shared/materials/doc-types';
import { dateFromName, parseDocNo, titleFromFileName } from '../../../shared/materials/file-names';
import type { AddReport } from '../../../shared/materials/api-types';
import type { Project } from '../project/project';
import { projectPaths } from '../project/layout';
import { checkFile, type Checked, type CheckOptions } from './check-file';
import { createCheckPool, type CheckPool } from './check-pool';
import { IMAGE_KINDS, MIME } from './detect-type';
import { FileProblem, type Inspection } from './inspect-file';
import { saveThumb } from './thumbnails';
import { hashFile } from '../store/file-store';
import { walkPaths, type WalkedFile } from './walk-paths';

/*
 * Adding files: each file becomes one item (件) with its original stored once by hash.
 * Every file is checked completely (type by content, pages, decodable) before anything is
 * written, and its database rows go in one transaction after its bytes are safely stored,
 * so a crash or cancel leaves whole items only. Adding the same folder again skips what
 * is already there (reported as 已存在) and completes the rest.
 */

export type AddOptions = {
  /** Indicators to link every new item to (the tree node it was dropped on). */
  indicatorIds?: number[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, name: string) => void;
  /** Files in flight at once (checking in the worker threads, storing, recording). */
  concurrency?: number;
  /** false: check files on this thread (a CLI run or test that wants no workers). */
  workers?: boolean;
} & Omit<CheckOptions, 'signal'>;

let pool: CheckPool | null = null;
/** One pool for the process: starting threads per import would cost more than small imports take. */
function sharedPool(): CheckPool {
  pool ??= createCheckPool();
  return pool;
}

/** Gets the import threads ready ahead of the first import (they take a moment to load). */
export function warmUpImport(): Promise<void> {
  return sharedPool().warm();
}

function sameSizeStored(project: Project, file: string): boolean {
  try {
    const { size } = fs.statSync(file);
    return project.db.prepare('SELECT 1 FROM blobs WHERE size = ? LIMIT 1').get(size) !== undefined;
  } catch {
    return false;
  }
}

function existingItemOf(project: Project, sha256: string): number | null {
  const row = project.db
    .prepare('SELECT material_id AS id FROM material_files WHERE sha256 = ? ORDER BY material_id LIMIT 1')
    .get(sha256) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * 文号 from the file name, else from the head of the first page (where a 红头 notice
 * prints it); further down, a 文号 is usually one the text cites, not its own.
 */
function docNoOf(c: Checked): string {
  return parseDocNo(c.name) || parseDocNo((c.texts[0] ?? '').slice(0, 300));
}

/** Date sources in order of trust. File modification times are never used: copying resets them. */
function pickDate(info: Inspection, nameDate: string | null): { date: string | null; dateSource: string | null } {
  if (info.recordedDateSource === 'exif' && info.recordedDate) return { date: info.recordedDate, dateSource: 'exif' };
  if (nameDate) return { date: nameDate, dateSource: 'filename' };
  if (info.recordedDateSource === 'pdf' && info.recordedDate) return { date: info.recordedDate, dateSource: 'pdf' };
  return { date: null, dateSource: null };
}

function record(
  project: Project,
  c: Checked,
  stored: { sha256: string; size: number },
  converted: { sha256: string; size: number } | null,
  indicatorIds: number[],
): number {
  const { sha256, size } = stored;
  const now = new Date().toISOString();
  const { title, madeUp } = titleFromFileName(c.name);
  const { date, dateSource } = pickDate(c.info, dateFromName(c.name));
  const db = project.db;
  return db.transaction(() => {
    const blob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, ?, ?)');
    blob.run(sha256, size, MIME[c.kind], now);
    if (converted) blob.run(converted.sha256, converted.size, MIME[c.convertedKind ?? 'pdf'], now);
    const materialId = Number(
      db
        .prepare(
          `INSERT INTO materials (title, title_made_up, doc_no, date, date_source, type, pages, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          title,
          madeUp ? 1 : 0,
          docNoOf(c),
          date,
          dateSource,
          guessDocType(title, IMAGE_KINDS.has(c.kind) || c.kind === 'heic' || c.kind === 'bmp'),
          c.info.pages,
          now,
          now,
        ).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO material_files (material_id, position, sha256, original_name, source_path, imported_at,
         exif_time, rotation, page_count, converted_sha256)
       VALUES (?, 1, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ).run(
      materialId,
      sha256,
      c.name,
      c.path,
      now,
      c.info.recordedDateSource === 'exif' ? c.info.recordedDate : null,
      c.info.pages,
      converted?.sha256 ?? null,
    );
    const text = db.prepare("INSERT OR IGNORE INTO page_texts (sha256, page, text, source) VALUES (?, ?, ?, 'pdf')");
    c.texts.forEach((t, i) => text.run(converted?.sha256 ?? sha256, i + 1, t));
    const link = db.prepare('INSERT OR IGNORE INTO material_links (material_id, indicator_id, sort) VALUES (?, ?, ?)');
    for (const id of indicatorIds) link.run(materialId, id, materialId);
    project.audit({
      action: 'material.add',
      entity: 'material',
      entityId: materialId,
      detail: { file: c.name, sha256, indicatorIds },
    });
    return materialId;
  })();
}

export async function addMaterials(project: Project, inputs: string[], options: AddOptions = {}): Promise<AddReport> {
  const report: AddReport = { added: [], duplicates: [], failed: [] };
  const { files, problems } = walkPaths(inputs);
  for (const p of problems) report.failed.push({ path: p.path, code: p.problem.code, message: p.problem.message });
  const indicatorIds = options.indicatorIds ?? [];
  const cacheDir = projectPaths(project.dir).cache;
  let done = 0;
  let next = 0;
  // Checking runs in parallel; recording happens one file at a time and in folder order,
  // so items are numbered as the folder lists them and, of two copies of the same photo,
  // the first listed is added and the second is 已存在, every time.
  let previousTurn: Promise<void> = Promise.resolve();
  const takeTurn = () => {
    const waitFor = previousTurn;
    let release!: () => void;
    previousTurn = new Promise((resolve) => (release = resolve));
    return { waitFor, release };
  };

  const one = async (file: WalkedFile, turn: { waitFor: Promise<void>; release: () => void }) => {
    try {
      // Re-adding a folder when late documents arrive: what the project already has is
      // recognised by its bytes before any decoding. Hashing costs a full read, so it is
      // only done when something of the same size is stored. (An unreadable file goes on
      // to the check, which says what is wrong with it.)
      const known = sameSizeStored(project, file.path)
        ? existingItemOf(project, (await hashFile(file.path, options.signal).catch(() => null)) ?? '')
        : null;
      if (known !== null) {
        report.duplicates.push({ path: file.path, existingId: known });
        return;
      }
      const checkOptions = { soffice: options.soffice, password: options.password, signal: options.signal };
      const c =
        options.workers === false
          ? await checkFile(file.path, checkOptions)
          : await sharedPool().check(file.path, checkOptions);
      options.signal?.throwIfAborted();
      // Storing is safe in parallel (same bytes → same name, written once); deciding
      // "new item or 已存在" and recording it is not, so that part runs one at a time.
      const stored = await project.store.putFile(file.path, options.signal);
      await turn.waitFor;
      const existing = existingItemOf(project, stored.sha256);
      if (existing !== null) {
        report.duplicates.push({ path: file.path, existingId: existing });
        return;
      }
      // Converted only now: a PDF made again differs in its timestamps, and a duplicate's
      // would be stored for nothing.
      const converted = c.converted ? await project.store.putBuffer(c.converted) : null;
      if (c.thumb) saveThumb(cacheDir, stored.sha256, c.thumb);
      const id = record(project, c, stored, converted, indicatorIds);
      report.added.push({
        id,
        title: titleFromFileName(c.name).title,
        files: 1,
        pages: c.info.pages,
        sha256: stored.sha256,
      });
    } catch (e) {
      if (options.signal?.aborted) throw e;
      if (e instanceof FileProblem) report.failed.push({ path: file.path, code: e.code, message: e.message });
      else {
        const name = path.basename(file.path);
        report.failed.push({
          path: file.path,
          code: 'UNREADABLE',
          message: `添加《${name}》时出错：${(e as Error).message}`,
        });
      }
    } finally {
      // A failed file must not hold up the ones after it; its turn still has to come first.
      await turn.waitFor.catch(() => undefined);
      turn.release();
      done++;
      options.onProgress?.(done, files.length, path.basename(file.path));
    }
  };

  const worker = async () => {
    while (next < files.length) {
      options.signal?.throwIfAborted();
      const turn = takeTurn();
      await one(files[next++]!, turn);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  report.added.sort((a, b) => a.id - b.id);
  return report;
}
