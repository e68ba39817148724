import { cleanCell, oneLine } from './normalize';

/*
 * Numbering codes written in front of indicator titles. Every edition and city numbers
 * differently, so codes are recognised by shape and kept apart from the title; nothing
 * assumes one scheme.
 *
 * A code comes out as written, minus the separator that follows it ("一、" → "一",
 * "A1." → "A1", "5.3.2、" → "5.3.2"), with full-width letters and digits made half-width and
 * every dash made "-" ("Ⅱ—3" → "Ⅱ-3"), so the same code typed twice compares equal.
 * Brackets are part of the code ("（一）", "1)", "1）") because they tell 一、 and （一）
 * apart, which are two levels in the same document.
 */

const CN_NUM = '一二三四五六七八九十百零〇两';
const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';
/** Hyphen, en dash, em dash, horizontal bar, full-width minus: all typed between code parts. */
const DASH = '\\-‐‑–—―－';
const DASHES = new RegExp(`\\s*[${DASH}]\\s*`, 'g');
/** Characters after a number that make it an amount or a date, not a code ("3.5万元", "2026年"). */
const UNIT = '年月日号万千百亿元角个次人名户家天周岁倍%‰';
/** ① ⑴ ⒈ ❶ ➀ ➊: enclosed numbers, each one character. */
const ENCLOSED = '\\u2460-\\u249b\\u24ea-\\u24ff\\u2776-\\u2793';
const SEP = '[\\s、.．:：]*';

const dashed = (code: string) => code.replace(DASHES, '-');

/** [pattern, how to turn the match into the code]. Tried in order; the first that matches wins. */
const CODE_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  // 第一条 / 第3项
  [new RegExp(`^(第[${CN_NUM}\\d]+[条章节项部分])${SEP}`), (m) => m[1]!],
  // （一） (1) （3）
  [new RegExp(`^([（(][${CN_NUM}\\d]+[）)])\\s*`), (m) => m[1]!],
  // 一、 二．
  [new RegExp(`^([${CN_NUM}]+)\\s*[、.．]\\s*`), (m) => m[1]!],
  // Ⅰ Ⅱ-3 Ⅱ—3 Ⅱ.3
  [new RegExp(`^([${ROMAN}]+(?:\\s*[${DASH}.]\\s*\\d+)*)(?![A-Za-z0-9])${SEP}`), (m) => dashed(m[1]!)],
  // II-3 typed with Latin letters: only with a dash and a number, so "IV" in a title stays a word.
  [new RegExp(`^([IVX]{1,4}\\s*[${DASH}]\\s*\\d+(?:[.${DASH}]\\d+)*)(?![A-Za-z0-9])${SEP}`), (m) => dashed(m[1]!)],
  // A1 B1.2 C3 A1-2 A-1 (one letter then numbers: "APP", "PM2.5" and "5G" are words, not codes)
  [new RegExp(`^([A-Za-z](?:\\d+|[${DASH}.]\\d+)(?:[.${DASH}]\\d+)*)(?![A-Za-z0-9])${SEP}`), (m) => dashed(m[1]!)],
  // 5.3.2 1-1 (two or more short numbers joined; "3.5万元" is an amount, "2026.3" a date)
  [
    new RegExp(`^(\\d{1,3}(?:[.．${DASH}]\\d{1,3})+)(?![\\d.${DASH}])(?!\\s*[${UNIT}])${SEP}`),
    (m) => dashed(m[1]!.replace(/．/g, '.')),
  ],
  // 1) 1）
  [/^(\d{1,4}[)）])\s*/, (m) => m[1]!],
  // 1、 1. 1： (a separator makes a number a code, but not a decimal point: "1.5倍")
  [/^(\d{1,4})\s*[、.．:：](?!\d)\s*/, (m) => m[1]!],
  // 1 理论学习 (a short number and a space; "2026 年度" and "3 个社区" are not codes)
  [new RegExp(`^(\\d{1,3})\\s+(?![${UNIT}])`), (m) => m[1]!],
  // ① ⑴ ⒈ ❶
  [new RegExp(`^([${ENCLOSED}])${SEP}`), (m) => m[1]!],
  // A 思想道德 (one capital letter standing alone before Chinese text)
  [/^([A-Z])(?:\s+|\s*[、.．:：]\s*)(?=[\u4e00-\u9fff])/, (m) => m[1]!],
];

/** 项目5 健康向上的人文环境: a level word with its number, then the title (never a code on its own). */
const WORD_CODE = /^((?:项目|版块|板块|专题|部分|模块)[\d一二三四五六七八九十]+)[\s、.．:：]+(?=\S)/;

function firstCode(s: string): { code: string; title: string } | null {
  for (const [re, code] of CODE_PATTERNS) {
    const m = s.match(re);
    if (m) return { code: code(m), title: s.slice(m[0].length).trim() };
  }
  return null;
}

/** The code when `s` is nothing but a code ("A1", "一、", "（三）"), else null. */
function wholeCode(s: string): string | null {
  // Patterns expect a title after the code; give them one and see whether it is all that is left.
  const probe = firstCode(`${s} 标`);
  return probe && probe.title === '标' ? probe.code : null;
}

/**
 * Splits "B1.2 公益广告" into code "B1.2" and title "公益广告". A cell that is only a code
 * has an empty title; a cell without a code has code ''. A code alone on the first line of a
 * wrapped cell ("1\n理论学习") is read as the code of the lines below.
 */
export function splitCode(text: string): { code: string; title: string } {
  const lines = cleanCell(text).split('\n');
  if (lines.length > 1) {
    const code = wholeCode(lines[0]!);
    if (code !== null) return { code, title: oneLine(lines.slice(1).join('\n')) };
  }
  const s = oneLine(text);
  const found = firstCode(s);
  if (found) return found;
  const word = s.match(WORD_CODE);
  if (word) return { code: word[1]!, title: s.slice(word[0].length).trim() };
  const code = wholeCode(s);
  return code !== null ? { code, title: '' } : { code: '', title: s };
}

/** A dash between two parts of a code (not "—" used as "none" on its own). */
const CODE_DASH = new RegExp(`[\\dA-Za-z${ROMAN}]\\s*[${DASH}]\\s*\\d`);

/** A code column's cell: the code as written, without a trailing separator, dashes as "-". */
export function cleanCode(text: string): string {
  const s = oneLine(text).replace(/[\s、.．:：]+$/, '');
  return CODE_DASH.test(s) ? dashed(s) : s;
}

type Codable = { key: string; parentKey: string | null; code: string; codeGenerated: boolean };

/**
 * Gives every node without a code one from its position among its siblings: 1, 1.2, 1.2.3,
 * or "A1.2" under a parent coded "A1", so generated codes still read as a path. Nodes must
 * come parents first (document order); existing codes are kept.
 */
export function generateCodes<T extends Codable>(nodes: T[]): T[] {
  const codeOf = new Map<string, string>();
  const childCount = new Map<string | null, number>();
  return nodes.map((n) => {
    const position = (childCount.get(n.parentKey) ?? 0) + 1;
    childCount.set(n.parentKey, position);
    let out = n;
    if (!n.code) {
      const parentCode = n.parentKey === null ? '' : (codeOf.get(n.parentKey) ?? '');
      out = { ...n, code: parentCode ? `${parentCode}.${position}` : String(position), codeGenerated: true };
    }
    codeOf.set(out.key, out.code);
    return out;
  });
}
