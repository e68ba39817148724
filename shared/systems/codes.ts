import { oneLine } from './normalize';

/*
 * Numbering codes written in front of indicator titles. Every edition and city numbers
 * differently, so codes are recognised by shape and kept apart from the title; nothing
 * assumes one scheme.
 */

const CN_NUM = '一二三四五六七八九十百零〇两';
const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';
const DASH = '-—－–';

/** [pattern, how to turn the match into the code]. Tried in order; the first that matches wins. */
const CODE_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  // 第一条 / 第3项
  [new RegExp(`^(第[${CN_NUM}\\d]+[条章节项部分])[\\s、.:：]*`), (m) => m[1]!],
  // （一） (1) （3）
  [new RegExp(`^([（(][${CN_NUM}\\d]+[）)])\\s*`), (m) => m[1]!],
  // 一、 二．
  [new RegExp(`^([${CN_NUM}]+)\\s*[、.．]\\s*`), (m) => m[1]!],
  // Ⅰ Ⅱ-3 Ⅱ—3
  [
    new RegExp(`^([${ROMAN}]+(?:\\s*[${DASH}]\\s*\\d+)*)(?![A-Za-z0-9])[\\s、.．:：]*`),
    (m) => m[1]!.replace(new RegExp(`\\s*[${DASH}]\\s*`, 'g'), '-'),
  ],
  // A1 B1.2 C3 A1-2 (a letter then digits: "APP" and "5G" are words, not codes)
  [/^([A-Za-z]\d+(?:[.．-]\d+)*)(?![A-Za-z0-9])[\s、.．:：]*/, (m) => m[1]!.replace(/．/g, '.')],
  // 5.3.2 (two or more numbers joined by dots; "3.5万元" is an amount)
  [/^(\d+(?:[.．]\d+)+)(?![\d%万千百亿元个次年月日倍])[\s、.．:：]*/, (m) => m[1]!.replace(/．/g, '.')],
  // 1) 1）
  [/^(\d+[)）])\s*/, (m) => m[1]!],
  // 1、 1. 1． 1 (a lone number needs a separator: "2026年" is a title)
  [/^(\d+)(?:\s*[、.．:：](?!\d)\s*|\s+)/, (m) => m[1]!],
  // ① ②
  [/^([\u2460-\u2473])\s*/, (m) => m[1]!],
  // A 思想道德 (one capital letter standing alone)
  [/^([A-Z])(?:\s+|\s*[、.．]\s*)(?=[\u4e00-\u9fff])/, (m) => m[1]!],
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

/** Splits "B1.2 公益广告" into code "B1.2" and title "公益广告"; a cell that is only a code has an empty title. */
export function splitCode(text: string): { code: string; title: string } {
  const s = oneLine(text);
  const found = firstCode(s);
  if (found) return found;
  const word = s.match(WORD_CODE);
  if (word) return { code: word[1]!, title: s.slice(word[0].length).trim() };
  // A code standing alone ("A1" in a code column) matches once a title is put after it.
  const probe = firstCode(`${s} 标`);
  if (probe && probe.title === '标') return { code: probe.code, title: '' };
  return { code: '', title: s };
}

/** A code column's cell: the code as written, without a trailing separator. */
export function cleanCode(text: string): string {
  return oneLine(text).replace(/[\s、.．:：]+$/, '');
}

type Codable = { key: string; parentKey: string | null; code: string; codeGenerated: boolean };

/** Gives every node without a code one from its position: 1, 1.2, 1.2.3 (or A1.2 under a coded parent). */
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
