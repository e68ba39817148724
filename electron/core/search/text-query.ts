import { queryTerms, tokenCharsOnly } from './normalize';

/*
 * A typed query as FTS5 MATCH expressions. Terms of three or more characters go to the
 * trigram index (any substring, punctuation included: "B3.2", "〔2024〕12"); shorter ones to
 * the bigram index (照片 is one token, 会 a prefix). Every term must match.
 */

export type TextQuery = {
  /** For the trigram tables (search_items, search_pages). */
  long: string[];
  /** For the bigram tables (search_items_short, search_pages_short): 1–2 letters or digits. */
  short: string[];
  /** What to mark in snippets. */
  marks: string[];
};

export function parseTextQuery(text: string): TextQuery {
  const long: string[] = [];
  const short: string[] = [];
  for (const term of queryTerms(text)) {
    const bare = tokenCharsOnly(term);
    if (Array.from(bare).length >= 3) long.push(term);
    else if (bare) short.push(bare);
  }
  return { long: [...new Set(long)], short: [...new Set(short)], marks: [...new Set([...long, ...short])] };
}

export function isEmptyQuery(q: TextQuery): boolean {
  return q.long.length === 0 && q.short.length === 0;
}

const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A MATCH expression for one index kind, limited to `column` when given; null when no term is for it. */
export function matchExpression(q: TextQuery, kind: 'long' | 'short', column?: string): string | null {
  const parts =
    kind === 'long'
      ? q.long.map(phrase)
      : q.short.map((t) => (Array.from(t).length === 1 ? `${phrase(t)}*` : phrase(t)));
  if (parts.length === 0) return null;
  const expr = parts.join(' AND ');
  return column ? `${column} : (${expr})` : expr;
}

/**
 * `SELECT rowid FROM search_items …`: the items whose `column` contains `text` (in the
 * normal form: Simplified, any case), for filters such as 责任者 and 活动; parameters are
 * named `@{prefix}_long` / `@{prefix}_short`. Null when `text` has no letters or digits.
 */
export function itemsWithText(
  text: string,
  column: string,
  prefix: string,
): { sql: string; params: Record<string, string> } | null {
  const q = parseTextQuery(text);
  const long = matchExpression(q, 'long', column);
  const short = matchExpression(q, 'short', column);
  if (long && short) {
    return {
      sql: `SELECT rowid FROM search_items WHERE search_items MATCH @${prefix}_long
            AND +rowid IN (SELECT rowid FROM search_items_short WHERE search_items_short MATCH @${prefix}_short)`,
      params: { [`${prefix}_long`]: long, [`${prefix}_short`]: short },
    };
  }
  if (long) {
    return {
      sql: `SELECT rowid FROM search_items WHERE search_items MATCH @${prefix}_long`,
      params: { [`${prefix}_long`]: long },
    };
  }
  if (short) {
    return {
      sql: `SELECT rowid FROM search_items_short WHERE search_items_short MATCH @${prefix}_short`,
      params: { [`${prefix}_short`]: short },
    };
  }
  return null;
}
