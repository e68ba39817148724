import { type PDFDict, type PDFDocument, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib';

/*
 * Content the binder adds to item pages (an image's placement, a page number) is a few
 * dozen bytes per page. pdf-lib would give each page its own deflated stream through its
 * drawing API, and at a thousand scans the compressor's set-up and garbage cost more than
 * the pages themselves (measured: ~0.8 ms a page). So these are written as small plain
 * streams. Numbers are rounded the same way every time, so output stays byte-identical.
 */

const num = (v: number) => String(Number(v.toFixed(4)));

function matrix(a: number, b: number, c: number, d: number, e: number, f: number): string {
  return [a, b, c, d, e, f].map(num).join(' ');
}

/** The page's resource name for `ref` in `kind` (Font/XObject), reusing one that already points to it. */
function resourceName(page: PDFPage, kind: 'Font' | 'XObject', tag: string, ref: PDFRef): string {
  const { Font, XObject } = page.node.normalizedEntries();
  const dict: PDFDict = kind === 'Font' ? Font : XObject;
  for (const [key, value] of dict.entries()) if (value === ref) return key.toString();
  const key = kind === 'Font' ? page.node.newFontDictionary(tag, ref) : page.node.newXObject(tag, ref);
  return key.toString();
}

/** Appends a plain content stream to the page. */
export function appendContent(doc: PDFDocument, page: PDFPage, content: string): void {
  page.node.addContentStream(doc.context.register(doc.context.stream(content)));
}

/** Draws `image` with its lower-left corner at (x, y), `width`×`height`, turned `rotate` degrees anticlockwise about that corner. */
export function imageContent(
  page: PDFPage,
  image: { ref: PDFRef },
  at: { x: number; y: number; width: number; height: number; rotate: number },
): string {
  const r = (at.rotate * Math.PI) / 180;
  const [cos, sin] = [Math.cos(r), Math.sin(r)];
  const name = resourceName(page, 'XObject', 'Im', image.ref);
  return `q ${matrix(at.width * cos, at.width * sin, -at.height * sin, at.height * cos, at.x, at.y)} cm ${name} Do Q\n`;
}

/** Text at baseline origin (x, y), turned `rotate` degrees anticlockwise. */
export function textContent(
  page: PDFPage,
  font: PDFFont,
  text: string,
  x: number,
  y: number,
  size: number,
  rotate = 0,
): string {
  const r = (rotate * Math.PI) / 180;
  const [cos, sin] = [Math.cos(r), Math.sin(r)];
  const name = resourceName(page, 'Font', 'F', font.ref);
  return `q BT 0 g ${name} ${num(size)} Tf ${matrix(cos, sin, -sin, cos, x, y)} Tm ${font.encodeText(text).toString()} Tj ET Q\n`;
}
