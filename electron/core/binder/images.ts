import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_PIXELS } from '../materials/inspect-file';
import type { Rect, Size } from './page-frame';

/*
 * Photos and scans as they go into a volume. A JPEG is embedded as it is (no re-encoding,
 * DESIGN.md: 1,000 scans in seconds) when it needs at most 300 dpi where it is placed and
 * its EXIF orientation is a plain turn, which is then applied by drawing it turned. Anything
 * else (larger photos, mirrored orientations, CMYK, PNG/TIFF/WebP/GIF) is made once with
 * sharp at 300 dpi for its place and cached by hash and size, so rebinding is quick.
 */

export const MAX_DPI = 300;

export type ImageInfo = {
  /** Pixel size as stored. */
  width: number;
  height: number;
  /** Size as seen: EXIF orientation and the user's turn applied. */
  display: Size;
  /** EXIF orientation (1–8). */
  orientation: number;
  format: string;
  space: string;
};

/** Clockwise quarter turn that an EXIF orientation means; null when it also mirrors. */
function exifTurn(orientation: number): number | null {
  return ({ 1: 0, 3: 180, 6: 90, 8: 270 } as Record<number, number>)[orientation] ?? null;
}

const swaps = (turn: number) => turn % 180 !== 0;

/** What the binder needs from a JPEG's header, read without decoding (sharp would cost a thread hop per photo). */
export type JpegHeader = { width: number; height: number; components: number; bits: number; orientation: number };

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** EXIF orientation from an APP1 segment body starting at `start` ("Exif\0\0" + TIFF). */
function exifOrientation(b: Uint8Array, start: number, end: number): number {
  const tiff = start + 6;
  if (end - tiff < 8 || String.fromCharCode(...b.subarray(start, start + 4)) !== 'Exif') return 1;
  const little = b[tiff] === 0x49;
  const u16 = (at: number) => (little ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!);
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    if (u16(entry) === 0x0112) return u16(entry + 8) || 1;
  }
  return 1;
}

export function jpegHeader(b: Uint8Array): JpegHeader | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let orientation = 1;
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return null;
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    const length = (b[pos + 2]! << 8) | b[pos + 3]!;
    if (marker === 0xe1) orientation = exifOrientation(b, pos + 4, pos + 2 + length);
    if (SOF.has(marker)) {
      if (pos + 10 > b.length) return null;
      return {
        bits: b[pos + 4]!,
        height: (b[pos + 5]! << 8) | b[pos + 6]!,
        width: (b[pos + 7]! << 8) | b[pos + 8]!,
        components: b[pos + 9]!,
        orientation,
      };
    }
    if (marker === 0xda || marker === 0xd9) return null;
    pos += 2 + length;
  }
  return null;
}

/** ImageInfo from a JPEG header (null when the header is not one pdf-lib can take as it is). */
export function jpegInfo(header: JpegHeader, userTurn: number): ImageInfo | null {
  if (!header.width || !header.height || header.bits !== 8) return null;
  const { width, height, orientation } = header;
  const upright = orientation >= 5 ? { width: height, height: width } : { width, height };
  const display = swaps(userTurn) ? { width: upright.height, height: upright.width } : upright;
  const space = header.components === 4 ? 'cmyk' : header.components === 1 ? 'b-w' : 'srgb';
  return { width, height, display, orientation, format: 'jpeg', space };
}

export async function imageInfo(file: string, page: number, userTurn: number): Promise<ImageInfo> {
  const meta = await sharp(file, { page: page - 1, limitInputPixels: MAX_PIXELS }).metadata();
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (!width || !height) throw new Error('image without size');
  const orientation = meta.orientation ?? 1;
  // Orientations 5–8 swap width and height.
  const upright = orientation >= 5 ? { width: height, height: width } : { width, height };
  const display = swaps(userTurn) ? { width: upright.height, height: upright.width } : upright;
  return { width, height, display, orientation, format: meta.format ?? '', space: meta.space ?? '' };
}

export type PreparedImage = {
  kind: 'jpg' | 'png';
  bytes: Uint8Array;
  /** Pixel size of `bytes`. */
  width: number;
  height: number;
  /** Clockwise turn still to apply when drawing. */
  turn: number;
};

/** The size an image is remade at with sharp (and whether as PNG), or null when it is embedded as it is. */
export type ResizeTarget = { width: number; height: number; png: boolean };

/**
 * What prepareImage does with an image placed at `placed` (points): null when a JPEG goes in
 * as it is, else the pixel size it is remade at. Pure: the look-ahead uses it to key its work.
 */
export function resizeTarget(info: ImageInfo, userTurn: number, placed: Size, multiPage: boolean): ResizeTarget | null {
  const dpi = info.display.width / (placed.width / 72);
  const turn = exifTurn(info.orientation);
  const cmyk = info.space === 'cmyk';
  if (info.format === 'jpeg' && turn !== null && !cmyk && !multiPage && dpi <= MAX_DPI + 0.5) return null;
  // Upright (EXIF applied) at no more than 300 dpi for where it goes.
  const scale = Math.min(1, MAX_DPI / dpi);
  const upright = swaps(userTurn) ? { width: info.display.height, height: info.display.width } : info.display;
  const width = Math.max(1, Math.round(upright.width * scale));
  const height = Math.max(1, Math.round(upright.height * scale));
  return { width, height, png: info.format === 'png' || info.format === 'gif' };
}

/** The cache file name of a remade image (also the key of its work in flight). */
export function preparedName(sha256: string, page: number, target: ResizeTarget): string {
  return `${sha256}-p${page}-${target.width}x${target.height}.${target.png ? 'png' : 'jpg'}`;
}

/**
 * The image bytes to embed for one page of a stored image placed at `placed` (points,
 * upright as displayed). `sourcePng`: keep PNG (screenshots stay sharp) rather than JPEG.
 */
export async function prepareImage(
  file: string,
  sha256: string,
  page: number,
  info: ImageInfo,
  userTurn: number,
  placed: Size,
  cacheDir: string,
  multiPage: boolean,
  /** The file's bytes when already read. */
  original?: Uint8Array,
): Promise<PreparedImage> {
  const target = resizeTarget(info, userTurn, placed, multiPage);
  const turn = exifTurn(info.orientation);
  if (!target) {
    return {
      kind: 'jpg',
      bytes: original ?? (await fs.promises.readFile(file)),
      width: info.width,
      height: info.height,
      turn: (turn! + userTurn) % 360,
    };
  }
  const { width, height, png } = target;
  const cached = path.join(cacheDir, sha256.slice(0, 2), preparedName(sha256, page, target));
  if (fs.existsSync(cached)) {
    return { kind: png ? 'png' : 'jpg', bytes: await fs.promises.readFile(cached), width, height, turn: userTurn };
  }
  let img = sharp(file, { page: page - 1, limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize(width, height, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb');
  img = png ? img.png({ compressionLevel: 6 }) : img.jpeg({ quality: 85 });
  const bytes = await img.toBuffer();
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, cached);
  return { kind: png ? 'png' : 'jpg', bytes, width, height, turn: userTurn };
}

/**
 * drawImage arguments that show an image turned `turn` degrees clockwise filling `placed`
 * (pdf-lib turns anticlockwise about the image's own corner).
 */
export function turnedPlacement(placed: Rect, turn: number): Rect & { rotate: number } {
  const { x, y, width: w, height: h } = placed;
  switch (turn) {
    case 90:
      return { x, y: y + h, width: h, height: w, rotate: -90 };
    case 180:
      return { x: x + w, y: y + h, width: w, height: h, rotate: 180 };
    case 270:
      return { x: x + w, y, width: h, height: w, rotate: 90 };
    default:
      return { x, y, width: w, height: h, rotate: 0 };
  }
}
