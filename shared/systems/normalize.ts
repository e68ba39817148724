/*
 * Cell text as offices type it: full-width letters and digits from Chinese input methods,
 * non-breaking and ideographic spaces, zero-width characters pasted from web pages, Windows
 * line ends, wrapped titles. Chinese punctuation such as （）、，：；is kept: it is part of
 * the text people wrote, and the code parser reads （一） and 1） as they are.
 */

/** Full-width ASCII letters, digits and the ideographic space → their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Full-width forms that are ordinary Chinese punctuation in a sentence; converting them would
 * turn "（一）组织领导，明确分工：" into half-width text nobody in an office writes.
 */
const KEEP_FULL_WIDTH = new Set(['（', '）', '，', '：', '；', '！', '？', '～']);

/**
 * Full-width ASCII (letters, digits, ．－／＋％ …) → half-width, ideographic space → space;
 * the Chinese punctuation in KEEP_FULL_WIDTH and CJK marks such as 、。《》 stay as written.
 */
export function normalizeText(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) => {
    if (ch === '\u3000') return ' ';
    if (KEEP_FULL_WIDTH.has(ch)) return ch;
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
}

/** Zero-width characters and the BOM: invisible, but they break comparisons and code parsing. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** Spaces other than U+0020 that Excel and web pages leave in cells. */
const ODD_SPACES = /[\u00a0\t\u2000-\u200a\u202f\u205f]/g;

/** Trimmed text with LF line ends, single spaces inside lines, and no blank lines at either end. */
export function cleanCell(s: string): string {
  return normalizeText(s)
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(ODD_SPACES, ' ')
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
  return cleanCell(s)
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]*[）)]$/, '');
}
