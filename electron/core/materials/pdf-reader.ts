import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';

/*
 * Reading PDFs the way a viewer does (pdf.js): the text of each page for search, and a
 * page drawn as a picture for previews and thumbnails. pdf-lib, which binding uses, can
 * do neither. Fonts and character maps come from the pdfjs-dist package itself, so Chinese
 * PDFs whose fonts are not embedded still read and draw, with nothing downloaded.
 */

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
const load = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/**
 * `forDrawing`: the 14 standard fonts (Helvetica, Times…) are needed to draw them, not to
 * read their text; loading them for text alone doubled the time an import spends per PDF.
 */
async function open(bytes: Uint8Array, forDrawing: boolean): Promise<PDFDocumentProxy> {
  const { getDocument, VerbosityLevel } = await load();
  return getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    standardFontDataUrl: forDrawing ? path.join(pdfjsDir, 'standard_fonts') + path.sep : undefined,
    cMapUrl: path.join(pdfjsDir, 'cmaps') + path.sep,
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
}

/** The text of each page, in reading order as the PDF stores it ('' for a page that is only a picture). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes, false);
  try {
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      out.push(text.replace(/[ \t]+\n/g, '\n').trim());
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

export type RenderedPage = { png: Buffer; pageCount: number };

/** Draws page `pageNumber` (from 1) so that its longer side is `longSide` pixels, as PNG. */
export async function renderPdfPage(bytes: Uint8Array, pageNumber: number, longSide: number): Promise<RenderedPage> {
  const doc = await open(bytes, true);
  try {
    const n = Math.min(Math.max(1, pageNumber), doc.numPages);
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: longSide / Math.max(base.width, base.height) });
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(Math.max(1, Math.round(viewport.width)), Math.max(1, Math.round(viewport.height)));
    const context = canvas.getContext('2d');
    // Paper is white; a PDF page without a background would come out transparent (black in JPEG).
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // @napi-rs/canvas is the canvas pdf.js itself uses in Node; its types are not the DOM's.
    type RenderParams = Parameters<typeof page.render>[0];
    await page.render({
      canvas: canvas as unknown as RenderParams['canvas'],
      canvasContext: context as unknown as RenderParams['canvasContext'],
      viewport,
    }).promise;
    page.cleanup();
    return { png: await canvas.encode('png'), pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
