/*
 * Cell text as offices type it: full-width letters and digits from Chinese input methods,
 * non-breaking and ideographic spaces, Windows line ends, wrapped titles. Chinese
 * punctuation such as （）、，is kept: it is part of the text people wrote.
 */

/** Full-width ASCII letters, digits and the ideographic space → their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Trimmed text with LF line ends, single spaces inside lines, and no blank lines at either end. */
export function cleanCell(s: string): string {
  return toHalfWidth(s)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\t]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** A title on one line: a line break inside Chinese text is only Excel's wrapping. */
export function oneLine(s: string): string {
  return cleanCell(s).replace(/\n+/g, (_m, offset: number, all: string) => {
    const before = all[offset - 1] ?? '';
    const after = all[offset + _m.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

/** Header cells compared without spaces, line breaks or a trailing unit such as （分）. */
export function headerKey(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]*[）)]$/, '');
}
