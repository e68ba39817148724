import { cleanCell } from './normalize';

/*
 * Matching the indicators of an old edition to a new one, so materials can follow. Codes
 * are renumbered between editions more often than titles are rewritten, so a shared code
 * counts only at the same level and only while the titles still have something in common,
 * and titles are compared by character pairs (robust to Chinese rewording like "定期召开" →
 * "每季度召开"). Levels must agree: a 版块 and a 标准 with the same words are different things.
 */

export type MatchNode = { id: number; code: string; title: string; level: number; path: string };
export type MatchPair = { oldId: number; newId: number; by: 'code' | 'title'; score: number };

/** Below this two titles are different indicators (0.6 keeps "定期召开工作例会" ~ "每季度召开工作例会"). */
export const TITLE_THRESHOLD = 0.6;
/** A shared code is trusted unless the titles have (almost) nothing in common. */
const CODE_TITLE_FLOOR = 0.2;

type Grams = Map<string, number>;

/** Title text compared: half-width, lower case, without spaces and punctuation. */
function comparable(s: string): string {
  return cleanCell(s)
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

function bigrams(s: string): Grams {
  const t = comparable(s);
  const out: Grams = new Map();
  if (t.length === 1) out.set(t, 1);
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function dice(a: Grams, b: Grams): number {
  let total = 0;
  let shared = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** 0..1: how alike two titles are (Dice coefficient over character pairs of the normalised titles). */
export function titleSimilarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

/** A code as compared across editions: "Ａ１．２、" = "a1.2" = "A1.2"; "Ⅱ—3" = "Ⅱ-3". */
export function normalizeCode(code: string): string {
  return cleanCell(code)
    .replace(/\s+/g, '')
    .replace(/[‐‑–—―－]/g, '-')
    .replace(/[、.:：]+$/, '')
    .toUpperCase();
}

/**
 * Pairs old indicators with new ones, one to one: first same level + same code (titles not
 * unrelated), then the most similar titles at the same level, best pair first, ties broken by
 * how alike the ancestor paths are. Pairs come code matches first, then title matches by score.
 */
export function matchEditions(
  oldNodes: MatchNode[],
  newNodes: MatchNode[],
): { pairs: MatchPair[]; unmatchedOld: number[]; unmatchedNew: number[] } {
  const gramsOld = new Map(oldNodes.map((n) => [n.id, bigrams(n.title)]));
  const gramsNew = new Map(newNodes.map((n) => [n.id, bigrams(n.title)]));
  const pairs: MatchPair[] = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const take = (p: MatchPair) => {
    pairs.push(p);
    usedOld.add(p.oldId);
    usedNew.add(p.newId);
  };

  const newByCode = new Map<string, MatchNode>();
  for (const n of newNodes) {
    const key = `${n.level}|${normalizeCode(n.code)}`;
    if (n.code && !newByCode.has(key)) newByCode.set(key, n);
  }
  for (const o of oldNodes) {
    const n = o.code ? newByCode.get(`${o.level}|${normalizeCode(o.code)}`) : undefined;
    if (!n || usedNew.has(n.id) || usedOld.has(o.id)) continue;
    const score = dice(gramsOld.get(o.id)!, gramsNew.get(n.id)!);
    if (score >= CODE_TITLE_FLOOR) take({ oldId: o.id, newId: n.id, by: 'code', score });
  }

  const candidates = titleCandidates(
    oldNodes.filter((o) => !usedOld.has(o.id)),
    newNodes.filter((n) => !usedNew.has(n.id)),
    gramsOld,
    gramsNew,
  );
  for (const c of candidates) {
    if (usedOld.has(c.pair.oldId) || usedNew.has(c.pair.newId)) continue;
    take(c.pair);
  }
  return {
    pairs,
    unmatchedOld: oldNodes.filter((n) => !usedOld.has(n.id)).map((n) => n.id),
    unmatchedNew: newNodes.filter((n) => !usedNew.has(n.id)).map((n) => n.id),
  };
}

type Candidate = { pair: MatchPair; pathScore: number };

/**
 * Title pairs at or above the threshold, best first. Only pairs sharing a character pair can
 * reach it, so an index of new titles by character pair keeps 3,000 × 3,000 editions fast.
 */
function titleCandidates(
  olds: MatchNode[],
  news: MatchNode[],
  gramsOld: Map<number, Grams>,
  gramsNew: Map<number, Grams>,
): Candidate[] {
  const index = new Map<string, MatchNode[]>();
  for (const n of news) {
    for (const g of gramsNew.get(n.id)!.keys()) {
      const key = `${n.level}|${g}`;
      const list = index.get(key);
      if (list) list.push(n);
      else index.set(key, [n]);
    }
  }
  const out: Candidate[] = [];
  for (const o of olds) {
    const seen = new Set<number>();
    for (const g of gramsOld.get(o.id)!.keys()) {
      for (const n of index.get(`${o.level}|${g}`) ?? []) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        const score = dice(gramsOld.get(o.id)!, gramsNew.get(n.id)!);
        if (score < TITLE_THRESHOLD) continue;
        out.push({
          pair: { oldId: o.id, newId: n.id, by: 'title', score },
          pathScore: titleSimilarity(o.path, n.path),
        });
      }
    }
  }
  return out.sort((a, b) => b.pair.score - a.pair.score || b.pathScore - a.pathScore);
}
