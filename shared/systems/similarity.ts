import { toHalfWidth } from './normalize';

/*
 * Matching the indicators of an old edition to a new one, so materials can follow. Codes
 * are renumbered between editions more often than titles are rewritten, so a shared code
 * counts only at the same level, and titles are compared by character pairs (robust to
 * Chinese rewording like "定期召开" → "每季度召开").
 */

export type MatchNode = { id: number; code: string; title: string; level: number; path: string };
export type MatchPair = { oldId: number; newId: number; by: 'code' | 'title'; score: number };

const TITLE_THRESHOLD = 0.6;
/** A shared code is trusted unless the titles have nothing at all in common. */
const CODE_TITLE_FLOOR = 0.2;

function bigrams(s: string): Map<string, number> {
  const t = toHalfWidth(s)
    .replace(/[\s\p{P}]/gu, '')
    .toLowerCase();
  const out = new Map<string, number>();
  if (t.length === 1) out.set(t, 1);
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** 0..1: how alike two titles are (Dice coefficient over character pairs). */
export function titleSimilarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

export function matchEditions(
  oldNodes: MatchNode[],
  newNodes: MatchNode[],
): { pairs: MatchPair[]; unmatchedOld: number[]; unmatchedNew: number[] } {
  const grams = new Map<number, Map<string, number>>();
  const gramsOf = (n: MatchNode) => {
    let g = grams.get(n.id);
    if (!g) grams.set(n.id, (g = bigrams(n.title)));
    return g;
  };
  const pairs: MatchPair[] = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();

  const newByCode = new Map<string, MatchNode>();
  for (const n of newNodes) if (n.code) newByCode.set(`${n.level}|${n.code}`, n);
  for (const o of oldNodes) {
    const n = o.code ? newByCode.get(`${o.level}|${o.code}`) : undefined;
    if (!n || usedNew.has(n.id)) continue;
    const score = dice(gramsOf(o), gramsOf(n));
    if (score < CODE_TITLE_FLOOR) continue;
    pairs.push({ oldId: o.id, newId: n.id, by: 'code', score });
    usedOld.add(o.id);
    usedNew.add(n.id);
  }

  // Best title matches first, one to one, same level only.
  const candidates: MatchPair[] = [];
  for (const o of oldNodes) {
    if (usedOld.has(o.id)) continue;
    for (const n of newNodes) {
      if (usedNew.has(n.id) || n.level !== o.level) continue;
      const score = dice(gramsOf(o), gramsOf(n));
      if (score >= TITLE_THRESHOLD) candidates.push({ oldId: o.id, newId: n.id, by: 'title', score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (usedOld.has(c.oldId) || usedNew.has(c.newId)) continue;
    pairs.push(c);
    usedOld.add(c.oldId);
    usedNew.add(c.newId);
  }
  return {
    pairs,
    unmatchedOld: oldNodes.filter((n) => !usedOld.has(n.id)).map((n) => n.id),
    unmatchedNew: newNodes.filter((n) => !usedNew.has(n.id)).map((n) => n.id),
  };
}
