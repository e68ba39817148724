import { decode } from 'bmp-ts';
import sharp from 'sharp';
import { FileProblem, MAX_PIXELS } from './inspect-file';

/*
 * Windows bitmaps (.bmp: old scanners, screenshots saved from Paint). sharp's prebuilt
 * libvips has no BMP loader, so bmp-ts decodes them; the PNG made here (lossless) is what
 * previews and binding use, the .bmp original is stored as it came.
 */

export async function bmpToPng(
  bytes: Uint8Array,
  name: string,
): Promise<{ image: Buffer; width: number; height: number }> {
  let image: { width: number; height: number; data: Buffer };
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const header = { width: buffer.readInt32LE(18), height: Math.abs(buffer.readInt32LE(22)) };
    // Checked before decoding: a forged header must not make us allocate gigabytes.
    if (header.width * header.height > MAX_PIXELS) {
      throw new FileProblem('TOO_LARGE', `图片《${name}》有 ${header.width}×${header.height} 像素，太大了，无法处理。`);
    }
    image = decode(buffer, { toRGBA: true });
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(
      'CORRUPT',
      `图片《${name}》已损坏或不完整，无法打开。请用画图等软件重新保存为 JPG 或 PNG 后再添加。`,
    );
  }
  const { width, height, data } = image;
  // The fourth byte is unused padding in 24-bit bitmaps (decoded as 0, "transparent"); scans
  // and screenshots have no transparency to keep, so it is dropped.
  const png = await sharp(data, { raw: { width, height, channels: 4 } })
    .removeAlpha()
    .png()
    .toBuffer();
  return { image: png, width, height };
}
