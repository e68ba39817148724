import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/ipc/result';
import type { Project } from '../project/project';
import { projectPaths } from '../project/layout';
import { MAX_PIXELS } from './inspect-file';
import { renderPdfPage } from './pdf-reader';
import { saveThumb, thumbPath } from './thumbnails';

/*
 * One page of any stored file as a JPEG, the way it will be bound: PDF pages drawn (Office
 * files and encrypted PDFs through their stored PDF copy), TIFF pages picked, photos
 * upright by EXIF, then the user's rotation. Cached in cache/pages by hash, page, size and
 * rotation; the cache may be deleted at any time and is made again on demand.
 */

export type PageSize = 'thumb' | 'preview';
const LONG_SIDE: Record<PageSize, number> = { thumb: 320, preview: 1400 };

type FileRow = {
  sha256: string;
  converted_sha256: string | null;
  rotation: number;
  page_count: number;
  mime: string;
  converted_mime: string | null;
};

/** Both ways of finding a file: the original's blob and its converted copy's (if any). */
const FILE_SELECT = `SELECT f.sha256, f.converted_sha256, f.rotation, f.page_count, b.mime, c.mime AS converted_mime
  FROM material_files f JOIN blobs b ON b.sha256 = f.sha256 LEFT JOIN blobs c ON c.sha256 = f.converted_sha256`;

export type PageImage = { jpeg: Buffer; width: number; height: number; pageCount: number };

function fileRow(project: Project, fileId: number): FileRow {
  const row = project.db.prepare(`${FILE_SELECT} WHERE f.id = ?`).get(fileId) as FileRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${fileId} 的文件，它可能已被删除。`);
  return row;
}

/** What is drawn for a file: its converted copy when it has one (Office, encrypted PDF, HEIC), else itself. */
function source(row: FileRow): { sha256: string; mime: string } {
  return row.converted_sha256 && row.converted_mime
    ? { sha256: row.converted_sha256, mime: row.converted_mime }
    : { sha256: row.sha256, mime: row.mime };
}

/** Whether a first-page thumbnail can be drawn for the file. */
const drawable = (row: FileRow) => {
  const { mime } = source(row);
  return mime === 'application/pdf' || (mime.startsWith('image/') && mime !== 'image/heic');
};

async function draw(project: Project, row: FileRow, page: number, size: PageSize): Promise<Buffer> {
  const side = LONG_SIDE[size];
  const { sha256, mime } = source(row);
  if (mime === 'application/pdf') {
    const { png } = await renderPdfPage(await fs.promises.readFile(project.store.pathOf(sha256)), page, side);
    return sharp(png).rotate(row.rotation).jpeg({ quality: 80 }).toBuffer();
  }
  return (
    sharp(project.store.pathOf(sha256), { limitInputPixels: MAX_PIXELS, page: page - 1 })
      // EXIF first (as the camera meant it), then the turn the user asked for.
      .rotate()
      .rotate(row.rotation)
      .resize(side, side, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer()
  );
}

export async function pageImage(project: Project, fileId: number, page: number, size: PageSize): Promise<PageImage> {
  const row = fileRow(project, fileId);
  if (page > row.page_count) {
    throw new AppError('INVALID_INPUT', `这个文件只有 ${row.page_count} 页，没有第 ${page} 页。`);
  }
  const cache = path.join(
    projectPaths(project.dir).cache,
    'pages',
    row.sha256.slice(0, 2),
    `${row.sha256}-p${page}-${size}-r${row.rotation}.jpg`,
  );
  let jpeg: Buffer;
  if (fs.existsSync(cache)) jpeg = fs.readFileSync(cache);
  else {
    jpeg = await draw(project, row, page, size);
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    const tmp = `${cache}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, jpeg);
    fs.renameSync(tmp, cache);
  }
  const meta = await sharp(jpeg).metadata();
  return { jpeg, width: meta.width ?? 0, height: meta.height ?? 0, pageCount: row.page_count };
}

/** The list/grid thumbnail of a stored original: its first page, made on first request for PDFs. */
export async function ensureThumb(project: Project, sha256: string): Promise<string | null> {
  const cacheDir = projectPaths(project.dir).cache;
  const target = thumbPath(cacheDir, sha256);
  if (fs.existsSync(target)) return target;
  const row = project.db.prepare(`${FILE_SELECT} WHERE f.sha256 = ? LIMIT 1`).get(sha256) as FileRow | undefined;
  if (!row || !drawable(row)) return null;
  // The list's thumbnail shows the file as stored, before the user's page turns.
  return saveThumb(cacheDir, sha256, await draw(project, { ...row, rotation: 0 }, 1, 'thumb'));
}
