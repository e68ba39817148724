import type decode from 'heic-decode';
import sharp from 'sharp';
import { FileProblem, MAX_PIXELS } from './inspect-file';

/*
 * iPhone photos (HEIC). sharp's prebuilt libvips cannot decode HEVC, so libheif compiled
 * to WebAssembly (heic-decode) does, with nothing to install on the office PC. libheif
 * applies the photo's rotation while decoding, so the JPEG made here is already upright.
 * The HEIC original is stored as it came; this JPEG is what previews and binding use.
 */

export async function heicToJpeg(
  bytes: Uint8Array,
  name: string,
): Promise<{ image: Buffer; width: number; height: number }> {
  let image: Awaited<ReturnType<typeof decode>>;
  try {
    const { default: decode } = await import('heic-decode');
    image = await decode({ buffer: bytes });
  } catch {
    throw new FileProblem(
      'CORRUPT',
      `苹果照片《${name}》无法读取，可能已损坏。请在 iPhone“设置→相机→格式”中选“兼容性最佳”后重新拍摄，或通过微信、QQ 发送“原图”到电脑（会变成 JPG），再添加。`,
    );
  }
  const { width, height, data } = image;
  if (width * height > MAX_PIXELS) {
    throw new FileProblem('TOO_LARGE', `苹果照片《${name}》有 ${width}×${height} 像素，太大了，无法处理。`);
  }
  const jpeg = await sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    raw: { width, height, channels: 4 },
    limitInputPixels: MAX_PIXELS,
  })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 92, mozjpeg: false })
    .toBuffer();
  return { image: jpeg, width, height };
}
