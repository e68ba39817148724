import fs from 'node:fs';
import path from 'node:path';
import { detectKind, IMAGE_KINDS, type FileKind } from './detect-type';
import { bmpToPng } from './bmp';
import { heicToJpeg } from './heic';
import { exifDate, FileProblem, imageProblem, inspectFile, type Inspection } from './inspect-file';
import { convertToPdf, findSoffice, NO_CONVERTER_ADVICE } from './office-convert';
import { readPdf } from './read-pdf';
import { renderImageThumb } from './thumbnails';

/*
 * Everything about one file that can fail, done before anything is stored: type by
 * content, decoding, pages, date, thumbnail, Office conversion, decryption, page text.
 * Needs no project, so it can run in a worker thread (see check-pool.ts).
 */

export type CheckOptions = {
  /** soffice chosen in settings; undefined/null: found automatically; false: none (do not convert). */
  soffice?: string | null | false;
  /** Opens encrypted PDFs that ask for a password. */
  password?: string;
  signal?: AbortSignal;
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

function unsupported(name: string): FileProblem {
  return new FileProblem('UNSUPPORTED', `《${name}》不是支持的文件类型。可以添加照片（JPG、PNG、TIFF 等）和 PDF。`);
}

export type Checked = {
  /** The file as found on disk. */
  path: string;
  name: string;
  kind: FileKind;
  info: Inspection;
  thumb: Buffer | null;
  /**
   * What is read in place of the original: the PDF an Office file became, an encrypted PDF
   * decrypted, or the JPEG of an iPhone HEIC photo.
   */
  converted: Uint8Array | null;
  convertedKind: 'pdf' | 'jpeg' | 'png' | null;
  /** Text of each page of the PDF (original or converted). */
  texts: string[];
};

/** Pictures sharp cannot read itself (iPhone HEIC, Windows BMP): a converted copy is read instead. */
async function checkConvertedImage(file: string, name: string, kind: 'heic' | 'bmp'): Promise<Checked> {
  const bytes = await fs.promises.readFile(file);
  const { image, width, height, convertedKind } =
    kind === 'heic'
      ? { ...(await heicToJpeg(bytes, name)), convertedKind: 'jpeg' as const }
      : { ...(await bmpToPng(bytes, name)), convertedKind: 'png' as const };
  const date = kind === 'heic' ? await exifDate(file) : null;
  const info: Inspection = {
    pages: 1,
    width,
    height,
    orientation: 1,
    recordedDate: date,
    recordedDateSource: date ? 'exif' : null,
  };
  const thumb = await renderImageThumb(image);
  return { path: file, name, kind, info, thumb, converted: image, convertedKind, texts: [] };
}

export async function checkFile(file: string, options: CheckOptions): Promise<Checked> {
  const name = path.basename(file);
  let head: Uint8Array;
  let size: number;
  try {
    size = fs.statSync(file).size;
    head = readHead(file);
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
    const converted = await convertToPdf(soffice, file, { signal: options.signal });
    const { info, texts } = await readPdf(converted, name);
    return { path: file, name, kind, info, thumb: null, converted, convertedKind: 'pdf', texts };
  }
  if (kind === 'pdf') {
    const { info, decrypted, texts } = await readPdf(await fs.promises.readFile(file), name, options.password);
    const convertedKind = decrypted ? 'pdf' : null;
    return { path: file, name, kind, info, thumb: null, converted: decrypted, convertedKind, texts };
  }
  if (kind === 'heic' || kind === 'bmp') return checkConvertedImage(file, name, kind);
  if (!IMAGE_KINDS.has(kind)) throw unsupported(name);
  const info = await inspectFile(file, kind, name);
  let thumb: Buffer;
  try {
    thumb = await renderImageThumb(file);
  } catch (e) {
    throw imageProblem(name, e);
  }
  return { path: file, name, kind, info, thumb, converted: null, convertedKind: null, texts: [] };
}
