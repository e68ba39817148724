import fs from 'node:fs';
import path from 'node:path';
import { guessDocType } from '../../../shared/materials/doc-types';
import { dateFromName, parseDocNo, titleFromFileName } from '../../../shared/materials/file-names';
import type { AddReport } from '../../../shared/materials/api-types';
import type { Project } from '../project/project';
import { projectPaths } from '../project/layout';
import { detectKind, IMAGE_KINDS, MIME, type FileKind } from './detect-type';
import { FileProblem, imageProblem, inspectFile, type Inspection } from './inspect-file';
import { readPdf } from './read-pdf';
import { convertToPdf, findSoffice, NO_CONVERTER_ADVICE } from './office-convert';
import { renderImageThumb, saveThumb } from './thumbnails';
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
  /** Files checked at once: image decoding runs on libuv's threads, so 2 cores gain from overlap. */
  concurrency?: number;
  /** soffice chosen in settings; undefined/null: found automatically; false: none (do not convert). */
  soffice?: string | null | false;
  /** Opens encrypted PDFs in this batch that ask for a password. */
  password?: string;
};

const HEAD_BYTES = 4096;

function readHead(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function unsupported(kind: FileKind, name: string): FileProblem {
  if (kind === 'heic') {
    return new FileProblem(
      'UNSUPPORTED',
      `《${name}》是苹果手机的 HEIC 照片，暂时无法直接读取。请在 iPhone“设置→相机→格式”中选“兼容性最佳”后重新拍摄，或通过微信、QQ 发送“原图”到电脑（会变成 JPG），再添加。`,
    );
  }
  return new FileProblem('UNSUPPORTED', `《${name}》不是支持的文件类型。可以添加照片（JPG、PNG、TIFF 等）和 PDF。`);
}

type Checked = {
  file: WalkedFile;
  name: string;
  kind: FileKind;
  info: Inspection;
  thumb: Buffer | null;
  /** The PDF read in place of the original: what an Office file became, or an encrypted PDF decrypted. */
  converted: Uint8Array | null;
  /** Text of each page of the PDF (original or converted). */
  texts: string[];
};

/** Everything about one file that can fail, before anything is stored. */
async function check(file: WalkedFile, options: AddOptions): Promise<Checked> {
  const name = path.basename(file.path);
  let head: Uint8Array;
  let size: number;
  try {
    size = fs.statSync(file.path).size;
    head = readHead(file.path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new FileProblem('NOT_FOUND', `找不到《${name}》，它可能已被移动或删除。`);
    throw new FileProblem(
      'UNREADABLE',
      `无法读取《${name}》（${code ?? '未知原因'}）。请检查它是否被其他程序占用或没有权限。`,
    );
  }
  if (size === 0) throw new FileProblem('EMPTY', `《${name}》是空文件（0 字节），没有内容可添加。请找到原件重新复制。`);
  const kind = detectKind(head);
  if (kind === 'office') {
    const soffice = options.soffice === false ? null : findSoffice(options.soffice);
    if (!soffice) throw new FileProblem('NO_CONVERTER', `《${name}》是 Word/WPS/Excel 文件。${NO_CONVERTER_ADVICE}`);
    const converted = await convertToPdf(soffice, file.path, { signal: options.signal });
    const { info, texts } = await readPdf(converted, name);
    return { file, name, kind, info, thumb: null, converted, texts };
  }
  if (kind === 'pdf') {
    const { info, decrypted, texts } = await readPdf(await fs.promises.readFile(file.path), name, options.password);
    return { file, name, kind, info, thumb: null, converted: decrypted, texts };
  }
  if (!IMAGE_KINDS.has(kind)) throw unsupported(kind, name);
  const info = await inspectFile(file.path, kind, name);
  let thumb: Buffer;
  try {
    thumb = await renderImageThumb(file.path);
  } catch (e) {
    throw imageProblem(name, e);
  }
  return { file, name, kind, info, thumb, converted: null, texts: [] };
}

function existingItemOf(project: Project, sha256: string): number | null {
  const row = project.db
    .prepare('SELECT material_id AS id FROM material_files WHERE sha256 = ? ORDER BY material_id LIMIT 1')
    .get(sha256) as { id: number } | undefined;
  return row?.id ?? null;
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
    if (converted) blob.run(converted.sha256, converted.size, MIME.pdf, now);
    const materialId = Number(
      db
        .prepare(
          `INSERT INTO materials (title, title_made_up, doc_no, date, date_source, type, pages, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          title,
          madeUp ? 1 : 0,
          parseDocNo(c.name),
          date,
          dateSource,
          guessDocType(title, IMAGE_KINDS.has(c.kind)),
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
      c.file.path,
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
      const c = await check(file, options);
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
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 3) }, worker));
  report.added.sort((a, b) => a.id - b.id);
  return report;
}
