import type { PDFFont } from 'pdf-lib';

/*
 * Breaking Chinese text into lines that fit a width. Chinese breaks between any two
 * characters, except that closing punctuation may not start a line (避头) and opening
 * punctuation may not end one (避尾); runs of Latin letters and digits stay together.
 */

const NO_LINE_START = new Set('，。、；：？！）》」』】〕”’%,.;:?!)]}');
const NO_LINE_END = new Set('（《「『【〔“‘([{');

/** Tokens that must not be split: a Latin word / number, or one other character. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9@#&_\-+./:%]+|\s+|./gsu) ?? [];
}

export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const token of tokens(paragraph)) {
      const candidate = line + token;
      if (line === '' || font.widthOfTextAtSize(candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (NO_LINE_START.has(token)) {
        // Keep the punctuation with the line before (a slight overhang, as typesetters do).
        line = candidate;
        continue;
      }
      let carry = '';
      const last = line.at(-1) ?? '';
      if (NO_LINE_END.has(last)) {
        carry = last;
        line = line.slice(0, -1);
      }
      lines.push(line.trimEnd());
      line = (carry + token).trimStart();
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
