import { PDFName, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { PreparedImage } from './images';

/*
 * Images into the volume without decoding them in JavaScript. JPEGs go in as they are
 * (pdf-lib only reads their header). For PNGs pdf-lib decodes every pixel and deflates them
 * again, which took most of a warm bind of screenshots; but a PNG's compressed data (its
 * IDAT chunks) already is a valid PDF FlateDecode stream with PNG predictors, so the PNGs
 * the binder writes itself (8-bit RGB or grey, not interlaced, no alpha: flattened on
 * white) are copied across byte for byte. Anything else still goes through pdf-lib.
 */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type PngData = { width: number; height: number; colors: 1 | 3; idat: Uint8Array };

/** The IDAT data of a PNG that can be passed through, or null. */
export function passthroughPng(bytes: Uint8Array): PngData | null {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let header: { width: number; height: number; colors: 1 | 3 } | null = null;
  const parts: Uint8Array[] = [];
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return null;
    if (type === 'IHDR') {
      const [bitDepth, colorType, , , interlace] = data.subarray(8, 13);
      // Grey (0) or RGB (2) at 8 bits, not interlaced: what FlateDecode's predictors describe.
      if (bitDepth !== 8 || interlace !== 0 || (colorType !== 0 && colorType !== 2)) return null;
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), colors: colorType === 0 ? 1 : 3 };
    } else if (type === 'tRNS' || type === 'PLTE') {
      return null; // transparency or a palette: let pdf-lib handle it
    } else if (type === 'IDAT') {
      parts.push(data);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (!header || parts.length === 0) return null;
  return { ...header, idat: parts.length === 1 ? parts[0]! : Buffer.concat(parts) };
}

/** The image XObject for passed-through PNG data (what pdf-lib would write after decoding it). */
function registerIdat(doc: PDFDocument, png: PngData): PDFRef {
  const { context } = doc;
  const stream = context.stream(png.idat, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: png.width,
    Height: png.height,
    BitsPerComponent: 8,
    ColorSpace: png.colors === 1 ? 'DeviceGray' : 'DeviceRGB',
    Filter: 'FlateDecode',
  });
  stream.dict.set(
    PDFName.of('DecodeParms'),
    context.obj({
      Predictor: PDFNumber.of(15),
      Colors: PDFNumber.of(png.colors),
      BitsPerComponent: PDFNumber.of(8),
      Columns: PDFNumber.of(png.width),
    }),
  );
  return context.register(stream);
}

/** An image in the document, to be drawn by reference (raw-content.ts imageContent). */
export async function embedPrepared(doc: PDFDocument, image: PreparedImage): Promise<{ ref: PDFRef }> {
  if (image.kind === 'jpg') return doc.embedJpg(image.bytes);
  const png = passthroughPng(image.bytes);
  if (!png) return doc.embedPng(image.bytes);
  return { ref: registerIdat(doc, png) };
}
