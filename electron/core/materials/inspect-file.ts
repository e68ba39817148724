import fs from 'node:fs';
import exifr from 'exifr';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import sharp, { type Metadata } from 'sharp';
import { IMAGE_KINDS, type FileKind } from './detect-type';

/*
 * What the importer needs to know about one original, read without changing it: page
 * count, pixel size and orientation, the date the camera or the PDF recorded, and whether
 * it opens at all. Problems become FileProblems with a code and a Chinese sentence; the
 * batch records them per file and goes on.
 */

export type FailureCode =
  | 'EMPTY'
  | 'CORRUPT'
  | 'ENCRYPTED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED'
  | 'UNREADABLE'
  | 'NOT_FOUND'
  | 'PATH_TOO_LONG'
  | 'LOOP'
  | 'NO_CONVERTER';

export class FileProblem extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}

export type Inspection = {
  pages: number;
  width: number | null;
  height: number | null;
  /** EXIF orientation 1–8 (photos are shown and bound upright by it). */
  orientation: number | null;
  /** YYYY-MM-DD from EXIF DateTimeOriginal (photos) or the PDF's creation date. */
  recordedDate: string | null;
  recordedDateSource: 'exif' | 'pdf' | null;
};

/** 12 MP phones and 600 dpi A3 scans fit easily; a 30,000 × 30,000 pixel bomb does not. */
export const MAX_PIXELS = 200_000_000;

export async function inspectFile(file: string, kind: FileKind, name: string): Promise<Inspection> {
  if (IMAGE_KINDS.has(kind)) return inspectImage(file, name);
  if (kind === 'pdf') return inspectPdf(file, name);
  throw new FileProblem('UNSUPPORTED', `《${name}》的格式暂不支持。`);
}

async function inspectImage(file: string, name: string): Promise<Inspection> {
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: MAX_PIXELS, pages: -1 }).metadata();
  } catch (e) {
    throw imageProblem(name, e);
  }
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > MAX_PIXELS) {
    throw new FileProblem(
      'TOO_LARGE',
      `图片《${name}》有 ${meta.width}×${meta.pageHeight ?? meta.height} 像素，太大了，无法处理。请用看图软件把它缩小（例如长边不超过 10000 像素）后再添加。`,
    );
  }
  const date = await exifDate(file);
  return {
    pages: meta.pages ?? 1,
    width: meta.width ?? null,
    height: meta.pageHeight ?? meta.height ?? null,
    orientation: meta.orientation ?? null,
    recordedDate: date,
    recordedDateSource: date ? 'exif' : null,
  };
}

export function imageProblem(name: string, e: unknown): FileProblem {
  const text = String((e as Error)?.message ?? e);
  if (/pixel limit/i.test(text)) {
    return new FileProblem('TOO_LARGE', `图片《${name}》太大了（像素过多），无法处理。请缩小后再添加。`);
  }
  return new FileProblem('CORRUPT', `图片《${name}》已损坏或不完整，无法打开。请重新从手机或相机导出这张照片。`);
}

/** "2024:03:15 09:30:12" → 2024-03-15; cameras without a clock write zeros. */
export async function exifDate(file: string): Promise<string | null> {
  try {
    const tags = (await exifr.parse(file, { pick: ['DateTimeOriginal', 'CreateDate'], reviveValues: false })) as
      { DateTimeOriginal?: string; CreateDate?: string } | undefined;
    const raw = tags?.DateTimeOriginal ?? tags?.CreateDate;
    const m = typeof raw === 'string' ? raw.match(/^(\d{4})[:-](\d{2})[:-](\d{2})/) : null;
    if (!m || m[1] === '0000') return null;
    return `${m[1]}-${m[2]}-${m[3]}`;
  } catch {
    return null;
  }
}

async function inspectPdf(file: string, name: string): Promise<Inspection> {
  return inspectPdfBytes(await fs.promises.readFile(file), name);
}

export async function inspectPdfBytes(bytes: Uint8Array, name: string): Promise<Inspection> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    throw new FileProblem('CORRUPT', `PDF《${name}》已损坏或不完整，无法打开。请重新下载或重新扫描这份文件。`);
  }
  if (doc.isEncrypted) {
    throw new FileProblem(
      'ENCRYPTED',
      `PDF《${name}》已加密，需要密码才能打开。请输入密码，或先用原软件取消加密后再添加。`,
    );
  }
  const pages = doc.getPageCount();
  if (pages === 0) throw new FileProblem('CORRUPT', `PDF《${name}》没有任何页面，可能已损坏。`);
  const date = pdfCreationDay(doc);
  return {
    pages,
    width: null,
    height: null,
    orientation: null,
    recordedDate: date,
    recordedDateSource: date ? 'pdf' : null,
  };
}

/** The day written in /CreationDate ("D:20240315093000+08'00'"), as written: no time-zone shift. */
function pdfCreationDay(doc: PDFDocument): string | null {
  // getCreationDate() returns a Date shifted to UTC; the raw string keeps the day as written.
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const raw = info instanceof PDFDict ? info.lookup(PDFName.of('CreationDate')) : undefined;
  const text = raw instanceof PDFString || raw instanceof PDFHexString ? raw.decodeText() : '';
  const m = text.match(/^(?:D:)?((?:19|20)\d{2})(\d{2})(\d{2})/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
