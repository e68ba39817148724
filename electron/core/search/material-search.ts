import type { Database } from 'better-sqlite3';
import type { SearchFilters, SearchHit } from '../../../shared/ipc/contract-search';
import { captionText } from './sql-functions';
import { planFilters, type SqlWhere } from './material-filters';
import { snippet } from './snippet';
import { isEmptyQuery, matchExpression, parseTextQuery, type TextQuery } from './text-query';

/*
 * Materials by their own words (题名, 文号, 责任者, 类型, 活动, 备注, 照片说明) and by the text of
 * their pages, through the FTS5 tables of migration 5, with the filters applied in the same
 * statement. Classes, each filled before the next is asked (so a common word costs one
 * query): the title 500+ · another field 400+ · a page 300+; filters alone 200+.
 *
 * Within a class the newest item comes first (highest id; for pages, the latest stored
 * file). That order is the index's own (rowid), so SQLite stops after the first `limit`
 * rows that pass the filters. Ordering by bm25 instead would score every match first: with
 * 100,000 items a word like 照片 or 工作 matches tens of thousands, and that alone breaks
 * the 30 ms budget (measured: test/bench/search.ts).
 */

export const MATERIAL_SCORE = { title: 500, field: 400, page: 300, filter: 200 } as const;

export type MaterialQuery = { text: string; filters?: SearchFilters; limit: number };

const ITEM_COLUMNS = ['title', 'doc_no', 'responsible', 'activity', 'type', 'caption', 'note'] as const;

type Candidate = { id: number; fileId?: number; page?: number; sha256?: string };

/**
 * `FROM … WHERE …` for the rows of `table` (trigram) / `table_short` (bigram) where every
 * term matches, with `rid` as the rowid expression to join and order on. The index with
 * long terms drives (its rows come in rowid order); the other is one set to test against,
 * written `+rowid` so SQLite does not hand it to FTS5 as one lookup per value.
 */
function ftsFrom(table: string, q: TextQuery, column?: string): { from: string; where: string; rid: string } | null {
  const long = matchExpression(q, 'long', column);
  const short = matchExpression(q, 'short', column);
  const shortTable = `${table}_short`;
  if (long) {
    return {
      from: table,
      where: short
        ? `${table} MATCH @long AND +${table}.rowid IN (SELECT rowid FROM ${shortTable} WHERE ${shortTable} MATCH @short)`
        : `${table} MATCH @long`,
      rid: `${table}.rowid`,
    };
  }
  if (short) return { from: shortTable, where: `${shortTable} MATCH @short`, rid: `${shortTable}.rowid` };
  return null;
}

function matchParams(q: TextQuery, column?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const long = matchExpression(q, 'long', column);
  const short = matchExpression(q, 'short', column);
  if (long) out.long = long;
  if (short) out.short = short;
  return out;
}

/** Up to this many items allowed by the set filters are passed as a list and tested on index rows. */
const SMALL_SET = 5000;

/**
 * Where a query may look. `ids`: the items the set filters allow, when there are few
 * (tested on the index rows, before any item is read); otherwise the sets are conditions
 * on `m` with the row filters (many items pass, so the first `limit` come quickly).
 */
type Scope = { where: SqlWhere; ids: string | null; filtered: boolean };

function scopeOf(db: Database, filters: SearchFilters | undefined, driving: boolean): Scope {
  const plan = planFilters(filters, driving);
  const filtered = plan.sets.length > 0 || plan.row.sql !== 'm.deleted_at IS NULL';
  if (plan.sets.length === 0) return { where: plan.row, ids: null, filtered };
  const params = Object.assign({}, ...plan.sets.map((set) => set.params)) as Record<string, unknown>;
  const ids = db
    .prepare(`${plan.sets.map((set) => `SELECT * FROM (${set.sql})`).join(' INTERSECT ')} LIMIT ${SMALL_SET + 1}`)
    .pluck()
    .all(params) as number[];
  if (ids.length <= SMALL_SET) return { where: plan.row, ids: JSON.stringify(ids), filtered };
  const sets = plan.sets.map((set) => `+m.id IN (${set.sql})`);
  return {
    where: { sql: [plan.row.sql, ...sets].join(' AND '), params: { ...plan.row.params, ...params } },
    ids: null,
    filtered,
  };
}

function itemMatches(db: Database, q: TextQuery, scope: Scope, limit: number, titleOnly: boolean): Candidate[] {
  const column = titleOnly ? 'title' : undefined;
  const fts = ftsFrom('search_items', q, column);
  if (!fts) return [];
  const only = scope.ids === null ? '' : `AND +${fts.rid} IN (SELECT value FROM json_each(@scope_ids))`;
  return db
    .prepare(
      `SELECT ${fts.rid} AS id FROM ${fts.from} JOIN materials m ON m.id = ${fts.rid}
       WHERE ${fts.where} ${only} AND ${scope.where.sql} ORDER BY ${fts.rid} DESC LIMIT @limit`,
    )
    .all({ ...matchParams(q, column), ...scope.where.params, ...idsParam(scope), limit }) as Candidate[];
}

const idsParam = (scope: Scope) => (scope.ids === null ? {} : { scope_ids: scope.ids });

/**
 * Items whose page text matches, newest first, each with its first matching page (and the
 * file it is in). Read in batches, since one item may bring many matching pages.
 */
function pageMatches(db: Database, q: TextQuery, scope: Scope, limit: number): Candidate[] {
  const fts = ftsFrom('search_pages', q);
  if (!fts) return [];
  const batch = Math.max(100, limit * 4);
  // The pages of the few items allowed, as index rowids: tested before any join.
  const only =
    scope.ids === null
      ? ''
      : `AND +${fts.rid} IN (SELECT k.id FROM material_files f JOIN search_page_keys k ON k.sha256 IN (f.sha256, f.converted_sha256)
           WHERE f.material_id IN (SELECT value FROM json_each(@scope_ids)))`;
  // A page belongs to the files stored under its hash: an original, or an Office file's PDF copy.
  const stmt = db.prepare(
    `SELECT ${fts.rid} AS rid, mf.material_id AS id, mf.id AS fileId, mf.position, k.page, k.sha256
     FROM ${fts.from} JOIN search_page_keys k ON k.id = ${fts.rid}
     JOIN material_files mf ON (mf.sha256 = k.sha256 OR mf.converted_sha256 = k.sha256)
     JOIN materials m ON m.id = mf.material_id
     WHERE ${fts.where} ${only} AND ${fts.rid} <= @upTo AND ${scope.where.sql}
     ORDER BY ${fts.rid} DESC LIMIT @batch`,
  );
  type Row = { rid: number; id: number; fileId: number; position: number; page: number; sha256: string };
  const best = new Map<number, Row>();
  const seen = new Set<string>();
  let upTo = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = stmt.all({ ...matchParams(q), ...scope.where.params, ...idsParam(scope), upTo, batch }) as Row[];
    let fresh = 0;
    for (const r of rows) {
      // Batches overlap by one rowid (a page shared by two files may straddle the cut).
      const key = `${r.rid}:${r.fileId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fresh++;
      const held = best.get(r.id);
      if (!held && best.size >= limit) continue;
      if (!held || r.position < held.position || (r.position === held.position && r.page < held.page)) {
        best.set(r.id, r);
      }
    }
    if (rows.length < batch || fresh === 0 || best.size >= limit) break;
    upTo = rows[rows.length - 1]!.rid;
  }
  return [...best.values()].map((r) => ({ id: r.id, fileId: r.fileId, page: r.page, sha256: r.sha256 }));
}

function filterOnly(db: Database, scope: Scope, limit: number): Candidate[] {
  const only = scope.ids === null ? '' : 'AND m.id IN (SELECT value FROM json_each(@scope_ids))';
  return db
    .prepare(`SELECT m.id FROM materials m WHERE ${scope.where.sql} ${only} ORDER BY m.id DESC LIMIT @limit`)
    .all({ ...scope.where.params, ...idsParam(scope), limit }) as Candidate[];
}

type ItemRow = {
  id: number;
  title: string;
  doc_no: string;
  responsible: string;
  type: string;
  activity: string;
  note: string;
  caption: string;
};

function fieldSnippet(row: ItemRow, marks: string[]): string | undefined {
  for (const column of ITEM_COLUMNS) {
    const text = column === 'caption' ? captionText(row.caption) : row[column];
    const s = text ? snippet(text, marks) : null;
    if (s) return s;
  }
  return undefined;
}

export function searchMaterials(db: Database, query: MaterialQuery): SearchHit[] {
  const q = parseTextQuery(query.text);
  const limit = query.limit;
  const found: { c: Candidate; match: SearchHit['match']; score: number }[] = [];
  const seen = new Set<number>();
  const take = (list: Candidate[], match: SearchHit['match'], base: number) => {
    let rank = 0;
    for (const c of list) {
      if (seen.has(c.id) || found.length >= limit) continue;
      seen.add(c.id);
      found.push({ c, match, score: base + Math.max(0, 49 - rank++) });
    }
  };

  if (isEmptyQuery(q)) {
    const scope = scopeOf(db, query.filters, true);
    if (!scope.filtered) return [];
    take(filterOnly(db, scope, limit), 'filter', MATERIAL_SCORE.filter);
  } else {
    const scope = scopeOf(db, query.filters, false);
    if (scope.ids === '[]') return [];
    take(itemMatches(db, q, scope, limit, true), 'title', MATERIAL_SCORE.title);
    if (found.length < limit) {
      take(itemMatches(db, q, scope, limit + found.length, false), 'field', MATERIAL_SCORE.field);
    }
    if (found.length < limit) {
      take(pageMatches(db, q, scope, limit + found.length), 'page', MATERIAL_SCORE.page);
    }
  }
  if (found.length === 0) return [];

  const rows = new Map(
    (
      db
        .prepare(
          `SELECT id, title, doc_no, responsible, type, activity, note, caption FROM materials
           WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(found.map((f) => f.c.id))) as ItemRow[]
    ).map((r) => [r.id, r]),
  );
  const pageText = db.prepare('SELECT text FROM page_texts WHERE sha256 = ? AND page = ?').pluck();
  return found.flatMap(({ c, match, score }) => {
    const row = rows.get(c.id);
    if (!row) return [];
    let snip: string | undefined;
    if (match === 'title') snip = snippet(row.title, q.marks, 80, 80) ?? undefined;
    else if (match === 'field') snip = fieldSnippet(row, q.marks);
    else if (match === 'page' && c.sha256 !== undefined) {
      const text = pageText.get(c.sha256, c.page) as string | undefined;
      snip = text ? (snippet(text, q.marks, 80, 30) ?? undefined) : undefined;
    }
    return [
      {
        kind: 'material' as const,
        id: c.id,
        title: row.title,
        ...(snip ? { snippet: snip } : {}),
        ...(match === 'page' ? { page: c.page, fileId: c.fileId } : {}),
        score,
        match,
      },
    ];
  });
}
