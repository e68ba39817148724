import { pinyin } from 'pinyin-pro';

/*
 * Typing an indicator's title in pinyin, the way Chinese input habits go: all of it
 * (lajifenlei → 垃圾分类), the initials (wmcs → 文明城市), or a mix (wenmcs, lajifl). Each
 * syllable may be typed whole or cut short, but the syllables must follow one another.
 * pinyin-pro reads each title as words, so 银行 is yin hang and 行长 hang zhang.
 */

/** One syllable per character: toneless pinyin for Chinese, the lower-case character for letters and digits. */
export function syllablesOf(text: string): string[] {
  if (!text) return [];
  const chars = Array.from(text);
  const read = pinyin(text, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro gives one entry per character; should a version ever group non-Chinese
  // runs, read the characters one by one rather than misalign them.
  const perChar = read.length === chars.length ? read : chars.map((ch) => pinyin(ch, { toneType: 'none', v: true }));
  const out: string[] = [];
  chars.forEach((ch, i) => {
    if (/[\p{L}\p{N}]/u.test(ch)) out.push((perChar[i] ?? ch).toLowerCase().replace(/[^a-z0-9]/g, '') || ch);
  });
  return out;
}

export type PinyinMatch = {
  /** Syllable where the match starts (0: at the beginning of the title). */
  start: number;
  /** Syllables covered. */
  length: number;
  /** Every syllable typed as its initial only (wmcs), or every one whole (wenmingchengshi). */
  form: 'initials' | 'full' | 'mixed';
};

/**
 * Where `query` (lower-case letters) reads as consecutive syllables of `syllables`, each
 * typed whole or as a prefix; the earliest such place, or null.
 */
export function matchPinyin(syllables: readonly string[], query: string): PinyinMatch | null {
  if (!query) return null;
  const first = query[0]!;
  for (let start = 0; start < syllables.length; start++) {
    if (syllables[start]![0] !== first) continue;
    const found = matchFrom(syllables, query, start, 0, true, true, new Set());
    if (found) return { start, length: found.end - start, form: found.form };
  }
  return null;
}

function matchFrom(
  syl: readonly string[],
  q: string,
  i: number,
  at: number,
  allInitials: boolean,
  allFull: boolean,
  failed: Set<number>,
): { end: number; form: PinyinMatch['form'] } | null {
  if (at === q.length) {
    return { end: i, form: allInitials ? 'initials' : allFull ? 'full' : 'mixed' };
  }
  // Whether the rest can match depends only on (i, at): remember dead ends, so a long
  // near-miss costs title × query steps, not every way of cutting the syllables.
  const state = i * (q.length + 1) + at;
  if (i >= syl.length || failed.has(state)) return null;
  const s = syl[i]!;
  // Longest first: "lajifenlei" should take "la" whole, not "l" and then fail on "a".
  for (let k = Math.min(s.length, q.length - at); k >= 1; k--) {
    if (q.startsWith(s.slice(0, k), at)) {
      const r = matchFrom(syl, q, i + 1, at + k, allInitials && k === 1, allFull && k === s.length, failed);
      if (r) return r;
    }
  }
  failed.add(state);
  return null;
}
