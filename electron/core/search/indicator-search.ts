import type { Database } from 'better-sqlite3';
import Fuse from 'fuse.js';
import type { SearchHit } from '../../../shared/ipc/contract-search';
import { indicatorIndex, FUSE_OPTIONS, type IndicatorEntry, type IndicatorIndex } from './indicator-index';
import { codeKey, codeParts, normalizeText, queryTerms } from './normalize';
import { matchPinyin } from './pinyin-match';
import { MARK_CLOSE, MARK_OPEN, snippet } from './snippet';

/*
 * Indicators by what reviewers type: the code in any spelling (B3.2, b32, Ｂ３．２, Ⅱ-3), title
 * words, pinyin (wmcs, lajifenlei), words of 测评内容/要求, and — when those find few —
 * fuzzy (fuse.js: 垃圾分累 still finds 垃圾分类).
 *
 * Ranking by class, then within a class by closeness, then by place in the tree:
 *   exact code 1000+ · code prefix 800+ · title 600+ · pinyin 550+ · 内容/要求 450+ · fuzzy 100–399
 * (materials sit between, see material-search.ts, so one list can hold both).
 */

export const SCORE = {
  code: 1000,
  codePrefix: 800,
  title: 600,
  pinyin: 550,
  text: 450,
  fuzzyMax: 399,
  fuzzyMin: 100,
} as const;

export type IndicatorQuery = { text: string; systemId?: number; limit: number };

type Found = { entry: IndicatorEntry; score: number; match: SearchHit['match']; snippet?: string };

/** The snippet of a hit, made only for the hits returned (it reads the text again). */
function snippetOf(f: Found, terms: string[]): string | undefined {
  const e = f.entry;
  if (f.match === 'title') return snippet(e.title, terms, 80, 80) ?? undefined;
  if (f.match === 'text') {
    return (
      snippet(e.requirement, terms) ??
      snippet(e.content, terms) ??
      snippet(`${e.content}\n${e.requirement}`, terms) ??
      undefined
    );
  }
  return f.snippet;
}

function classify(
  e: IndicatorEntry,
  q: { key: string; parts: string; terms: string[]; latin: string | null },
): Found | null {
  if (q.key && e.key) {
    if (e.key === q.key) {
      // Typed with the same punctuation ("B3.2", not "b32") is the closer of two equal keys.
      return { entry: e, score: SCORE.code + (e.parts === q.parts ? 10 : 0), match: 'code' };
    }
    if (e.key.startsWith(q.key)) {
      // "B3" → B3.1 and B3.2 (whole parts) before B31.2; shorter codes (nearer the root) first.
      const wholeParts = e.parts.startsWith(`${q.parts}.`);
      const extra = Math.min(40, e.key.length - q.key.length);
      return { entry: e, score: SCORE.codePrefix + (wholeParts ? 50 : 0) + (40 - extra), match: 'codePrefix' };
    }
  }
  if (q.terms.length > 0 && q.terms.every((t) => e.hay.includes(t))) {
    const joined = q.terms.join('');
    const starts = e.titleNorm.startsWith(q.terms[0]!) ? 30 : 0;
    const whole = e.titleNorm === joined ? 50 : 0;
    const closeness = Math.max(0, 19 - Math.max(0, e.titleNorm.length - joined.length));
    return { entry: e, score: SCORE.title + starts + whole + closeness, match: 'title' };
  }
  if (q.latin) {
    const p = matchPinyin(e.syllables, q.latin);
    if (p) {
      const form = p.form === 'mixed' ? 0 : 10;
      const atStart = p.start === 0 ? 20 : 0;
      const whole = p.start === 0 && p.length === e.syllables.length ? 15 : 0;
      return { entry: e, score: SCORE.pinyin + form + atStart + whole, match: 'pinyin' };
    }
  }
  if (q.terms.length > 0 && q.terms.every((t) => e.textNorm.includes(t))) {
    return { entry: e, score: SCORE.text, match: 'text' };
  }
  return null;
}

/** Fuzzy matching scores at most this many texts per query (the closest by shared characters). */
const FUZZY_CANDIDATES = 100;
/** Fuzzy matches are looked for only when the exact ways found fewer than this. */
const FUZZY_BELOW = 10;

/**
 * Entries sharing at least half of the query's characters, those sharing most first: the
 * only ones a typo-tolerant match can be among. Fuse then scores a hundred or so texts
 * instead of every 测评要求 (which alone would take longer than the whole budget).
 */
function fuzzyCandidates(index: IndicatorIndex, query: string): IndicatorEntry[] {
  const chars = [...new Set(query)];
  const need = Math.max(1, Math.ceil(chars.length / 2));
  const counts = new Uint16Array(index.entries.length);
  for (const ch of chars) for (const i of index.charIndex.get(ch) ?? []) counts[i]!++;
  const out: number[] = [];
  counts.forEach((n, i) => {
    if (n >= need) out.push(i);
  });
  out.sort((a, b) => counts[b]! - counts[a]! || a - b);
  return out.slice(0, FUZZY_CANDIDATES).map((i) => index.entries[i]!);
}

function markRange(text: string, range: readonly [number, number]): string {
  const [from, to] = range;
  const start = Math.max(0, from - 16);
  const end = Math.min(text.length, Math.max(to + 1, start + 60));
  const body = `${text.slice(start, from)}${MARK_OPEN}${text.slice(from, to + 1)}${MARK_CLOSE}${text.slice(to + 1, end)}`;
  return `${start > 0 ? '…' : ''}${body.replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

function fuzzy(index: IndicatorIndex, query: string, skip: Set<number>, systemId: number | undefined): Found[] {
  const candidates = fuzzyCandidates(index, query.toLowerCase()).filter(
    (e) => !skip.has(e.id) && (systemId === undefined || e.systemId === systemId),
  );
  if (candidates.length === 0) return [];
  const fuse = new Fuse(candidates, FUSE_OPTIONS);
  return fuse.search(query).flatMap((r) => {
    if (skip.has(r.item.id) || (systemId !== undefined && r.item.systemId !== systemId)) return [];
    const s = r.score ?? 1;
    // The longest stretch Fuse matched, shown where it is (title or 测评要求).
    let best: { key: string; range: readonly [number, number] } | null = null;
    for (const m of r.matches ?? []) {
      for (const range of m.indices) {
        if (!best || range[1] - range[0] > best.range[1] - best.range[0]) best = { key: m.key ?? '', range };
      }
    }
    const text = best?.key === 'fuzzyRequirement' ? r.item.requirement : r.item.title;
    return [
      {
        entry: r.item,
        score: Math.round(SCORE.fuzzyMin + (SCORE.fuzzyMax - SCORE.fuzzyMin) * (1 - Math.min(1, s))),
        match: 'fuzzy' as const,
        snippet: best ? markRange(text, best.range) : undefined,
      },
    ];
  });
}

export function searchIndicators(db: Database, query: IndicatorQuery): SearchHit[] {
  const terms = queryTerms(query.text);
  if (terms.length === 0) return [];
  const index = indicatorIndex(db);
  const whole = terms.join('');
  const latin = /^[a-z]+$/.test(whole) && whole.length >= 2 ? whole : null;
  const q = { key: codeKey(query.text), parts: codeParts(query.text), terms, latin };
  const found: Found[] = [];
  for (const e of index.entries) {
    if (query.systemId !== undefined && e.systemId !== query.systemId) continue;
    const f = classify(e, q);
    if (f) found.push(f);
  }
  // Fuzzy only when the exact ways found few: it is the slowest, and the least sure. Under
  // three characters one typo is half the word: nothing would be "close".
  const fuzzyText = normalizeText(query.text).trim();
  if (found.length < Math.min(query.limit, FUZZY_BELOW) && Array.from(fuzzyText).length >= 3) {
    found.push(...fuzzy(index, fuzzyText, new Set(found.map((f) => f.entry.id)), query.systemId));
  }
  found.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order);
  return found.slice(0, query.limit).map((f) => {
    const snip = snippetOf(f, terms);
    return {
      kind: 'indicator',
      id: f.entry.id,
      code: f.entry.code,
      title: f.entry.title,
      ...(snip ? { snippet: snip } : {}),
      score: f.score,
      systemId: f.entry.systemId,
      match: f.match,
    };
  });
}
