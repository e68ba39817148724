import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFFont, type SaveOptions } from 'pdf-lib';
import subsetFont from 'subset-font';

/*
 * Chinese text in the PDFs the app writes (reports, covers, 卷内目录). pdf-lib's own font
 * subsetting corrupts CJK glyphs (DESIGN.md), so the font is cut down to the characters
 * used with HarfBuzz (subset-font) and that small font is embedded whole.
 *
 * Which font: the one chosen in settings; else Windows' 黑体 (simhei.ttf) when present;
 * else Noto Sans SC shipped with the app (@embedpdf/fonts-sc, OFL), so output looks the
 * same on every machine and nothing is downloaded.
 */

const require = createRequire(import.meta.url);

export type CjkWeight = 'regular' | 'bold';

const BUNDLED: Record<CjkWeight, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};

export function bundledFont(weight: CjkWeight): string {
  // The package exports only its code (dist/); the fonts sit beside it in fonts/.
  const dist = path.dirname(require.resolve('@embedpdf/fonts-sc'));
  return path.join(dist, '..', 'fonts', BUNDLED[weight]);
}

/** The font file to use: a chosen one when it exists, Windows' 黑体, or the bundled Noto Sans SC. */
export function cjkFontFile(weight: CjkWeight = 'regular', chosen?: string | null): string {
  if (chosen && fs.existsSync(chosen)) return chosen;
  const windir = process.env.WINDIR;
  if (weight === 'regular' && windir) {
    const simhei = path.join(windir, 'Fonts', 'simhei.ttf');
    if (fs.existsSync(simhei)) return simhei;
  }
  return bundledFont(weight);
}

const fileCache = new Map<string, Buffer>();

/**
 * Embeds the font with just the glyphs `text` needs (plus ASCII, so numbers and Latin
 * letters added later never go missing).
 */
export async function embedCjkFont(doc: PDFDocument, text: string, fontFile: string): Promise<PDFFont> {
  let data = fileCache.get(fontFile);
  if (!data) {
    data = fs.readFileSync(fontFile);
    fileCache.set(fontFile, data);
  }
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  // Sorted and unique: the same text gives the same subset, so output is byte-identical.
  const chars = [...new Set(`${ascii}${text}`)].sort().join('');
  const subset = await subsetFont(data, chars, { targetFormat: 'sfnt' });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(subset, { subset: false });
  if (isCff(subset)) cffFonts.set(doc, [...(cffFonts.get(doc) ?? []), font]);
  return font;
}

/** Fonts whose dictionaries need correcting once pdf-lib has written them (see below). */
const cffFonts = new WeakMap<PDFDocument, PDFFont[]>();

/**
 * Saves a document that uses embedCjkFont. pdf-lib writes a font's dictionaries when the
 * document is flushed (and again if text was drawn since), so they are corrected after the
 * last flush, just before saving.
 */
export async function saveWithCjkFonts(doc: PDFDocument, options?: SaveOptions): Promise<Uint8Array> {
  await doc.flush();
  for (const font of cffFonts.get(doc) ?? []) declareOpenTypeCff(doc, font);
  return doc.save(options);
}

/** OpenType fonts with PostScript outlines start with "OTTO". */
const isCff = (font: Uint8Array) => String.fromCharCode(...font.subarray(0, 4)) === 'OTTO';

/**
 * pdf-lib files every whole font as TrueType (CIDFontType2, FontFile2). For a CFF-outline
 * OpenType font the PDF must say CIDFontType0 with the font in FontFile3 /Subtype
 * /OpenType, or strict viewers complain ("mismatch between font type and embedded font").
 */
function declareOpenTypeCff(doc: PDFDocument, font: PDFFont): void {
  const type0 = doc.context.lookup(font.ref, PDFDict);
  const descendants = type0.lookup(PDFName.of('DescendantFonts'));
  const cidRef = (descendants as unknown as { get: (i: number) => unknown }).get(0);
  const cid = doc.context.lookup(cidRef as PDFRef, PDFDict);
  cid.set(PDFName.of('Subtype'), PDFName.of('CIDFontType0'));
  cid.delete(PDFName.of('CIDToGIDMap'));
  const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
  const fileRef = descriptor.get(PDFName.of('FontFile2'));
  if (!(fileRef instanceof PDFRef)) return;
  descriptor.delete(PDFName.of('FontFile2'));
  descriptor.set(PDFName.of('FontFile3'), fileRef);
  const stream = doc.context.lookup(fileRef);
  if (stream instanceof PDFRawStream) stream.dict.set(PDFName.of('Subtype'), PDFName.of('OpenType'));
}
