import type { Database } from 'better-sqlite3';
import { codeKey, codeParts, lowerSameLength, normalizeText } from './normalize';
import { syllablesOf } from './pinyin-match';

/*
 * The indicators of a project held in memory for search-as-you-type: a few thousand rows
 * whose codes, titles, pinyin and characters are cheaper to scan in JavaScript than to ask
 * SQLite about on every keystroke. (The fuzzy matcher, fuse.js, is made per query over the
 * few entries that share enough characters with it: see indicator-search.ts.) Built on first use and again whenever an indicator or a
 * system changed: migration 5's triggers count every such change in search_state, so an
 * edit from anywhere (this process, the CLI, another tool) is seen by the next query.
 */

export type IndicatorEntry = {
  id: number;
  systemId: number;
  code: string;
  title: string;
  requirement: string;
  content: string;
  /** Position in the project: systems in their order, each tree parents first. Breaks ties. */
  order: number;
  key: string;
  parts: string;
  /** Normal form (lower case) of code and title together: title words may name the code too. */
  hay: string;
  titleNorm: string;
  /** Normal form of 测评内容 and 测评要求, for words found there. */
  textNorm: string;
  syllables: string[];
  initials: string;
  /** Normal forms for the fuzzy index (Simplified, half-width). */
  fuzzyTitle: string;
  fuzzyRequirement: string;
};

export type IndicatorIndex = {
  version: number;
  entries: IndicatorEntry[];
  /** Which entries (positions in `entries`) contain each character of their title or requirement. */
  charIndex: Map<string, number[]>;
  builtMs: number;
};

type Row = {
  id: number;
  system_id: number;
  parent_id: number | null;
  code: string;
  title: string;
  content: string;
  requirement: string;
};

const cache = new WeakMap<Database, IndicatorIndex>();

function version(db: Database): number {
  return (
    (db.prepare("SELECT value FROM search_state WHERE key = 'indicators'").pluck().get() as number | undefined) ?? 0
  );
}

function treeOrdered(db: Database): Row[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.system_id, i.parent_id, i.code, i.title, i.content, i.requirement
       FROM indicators i JOIN systems s ON s.id = i.system_id
       ORDER BY s.sort, s.id, i.sort, i.id`,
    )
    .all() as Row[];
  const children = new Map<number | null, Row[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  const out: Row[] = [];
  const walk = (parent: number | null) => {
    for (const r of children.get(parent) ?? []) {
      out.push(r);
      walk(r.id);
    }
  };
  // Roots in system order; a parent in another system (never written so) would still be reached below.
  walk(null);
  if (out.length < rows.length) {
    const seen = new Set(out.map((r) => r.id));
    for (const r of rows) if (!seen.has(r.id)) out.push(r);
  }
  return out;
}

export const FUSE_OPTIONS = {
  keys: [
    { name: 'fuzzyTitle', weight: 2 },
    { name: 'fuzzyRequirement', weight: 1 },
  ],
  includeScore: true,
  includeMatches: true,
  // A typo anywhere in a long 测评要求 still counts.
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

function build(db: Database, v: number, previous: IndicatorIndex | undefined): IndicatorIndex {
  const started = performance.now();
  // Reading pinyin is most of the build: after an edit, reuse what the titles already had.
  const known = new Map(previous?.entries.map((e) => [e.fuzzyTitle, e.syllables]));
  const entries = treeOrdered(db).map((r, order): IndicatorEntry => {
    const fuzzyTitle = normalizeText(r.title);
    const fuzzyRequirement = normalizeText(r.requirement);
    const syllables = known.get(fuzzyTitle) ?? syllablesOf(fuzzyTitle);
    return {
      id: r.id,
      systemId: r.system_id,
      code: r.code,
      title: r.title,
      requirement: r.requirement,
      content: r.content,
      order,
      key: codeKey(r.code),
      parts: codeParts(r.code),
      hay: lowerSameLength(normalizeText(`${r.code} ${r.title}`)),
      titleNorm: lowerSameLength(fuzzyTitle),
      textNorm: lowerSameLength(normalizeText(`${r.content}\n${r.requirement}`)),
      syllables,
      initials: syllables.map((s) => s[0]).join(''),
      fuzzyTitle,
      fuzzyRequirement,
    };
  });
  const charIndex = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const ch of new Set(lowerSameLength(`${e.fuzzyTitle}${e.fuzzyRequirement}`))) {
      const list = charIndex.get(ch);
      if (list) list.push(i);
      else charIndex.set(ch, [i]);
    }
  });
  return { version: v, entries, charIndex, builtMs: performance.now() - started };
}

/** The project's indicator index, rebuilt when indicators or systems changed since it was made. */
export function indicatorIndex(db: Database): IndicatorIndex {
  // The version is read before the rows: a change in between makes the next call rebuild,
  // never leaves new rows under an old version.
  const v = version(db);
  const held = cache.get(db);
  if (held?.version === v) return held;
  const fresh = build(db, v, held);
  cache.set(db, fresh);
  return fresh;
}

/** Forgets the index of `db` (tests; a reindex). */
export function dropIndicatorIndex(db: Database): void {
  cache.delete(db);
}
