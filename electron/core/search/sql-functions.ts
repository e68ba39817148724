import type { Database } from 'better-sqlite3';
import { bigramTokens, normalizeText } from './normalize';

/*
 * SQL functions the search index's triggers call (migration 0005), so the index is kept in
 * the same statement as every change to an item or a page text, whichever code makes it:
 * it can never be stale. Every connection to a project database gets them (openDatabase);
 * a connection without them could not write items at all ("no such function"), which is the
 * safe way to fail.
 */

/** The caption JSON's words (时间, 地点, 人物, 事由) as one text; a damaged value is simply not searched. */
export function captionText(json: string | null): string {
  if (!json) return '';
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object') return '';
    return Object.values(value as Record<string, unknown>)
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .join(' ');
  } catch {
    return '';
  }
}

export function registerSearchFunctions(db: Database): void {
  const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
  db.function('tz_norm', { deterministic: true }, (v: unknown) => normalizeText(text(v)));
  db.function('tz_bigrams', { deterministic: true }, (v: unknown) => bigramTokens(normalizeText(text(v))));
  db.function('tz_caption', { deterministic: true }, (v: unknown) => captionText(typeof v === 'string' ? v : null));
}
