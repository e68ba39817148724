import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_PIXELS } from './inspect-file';

/*
 * Small previews in cache/thumbs/<sha256>.jpg, rebuilt whenever missing (the cache may be
 * deleted at any time). EXIF orientation is applied, so a photo taken sideways shows
 * upright. Rendering decodes the whole image, which is also how a photo cut off in
 * transfer is caught before it is added.
 */

export const THUMB_SIZE = 320;

export function thumbPath(cacheDir: string, sha256: string): string {
  return path.join(cacheDir, 'thumbs', sha256.slice(0, 2), `${sha256}.jpg`);
}

/** `image`: a file path or the bytes of an image. */
export async function renderImageThumb(image: string | Buffer): Promise<Buffer> {
  return sharp(image, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' })
    .rotate()
    .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 78 })
    .toBuffer();
}

export function saveThumb(cacheDir: string, sha256: string, jpeg: Buffer): string {
  const target = thumbPath(cacheDir, sha256);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, jpeg);
  fs.renameSync(tmp, target);
  return target;
}
