import type { Database } from 'better-sqlite3';
import type { ReindexResult } from '../../../shared/ipc/contract-search';
import { AppError } from '../../../shared/ipc/result';
import { dropIndicatorIndex } from './indicator-index';

/*
 * `reindex`: the full-text index made again from the items and page texts. The triggers of
 * migration 5 keep it current, so this is for repair (a database edited by another tool,
 * a change to how texts are normalised).
 *
 * The index is emptied at once (FTS5's delete-all: cheap), then filled in slices of
 * rowids, each one transaction, yielding between them so progress reaches the UI. While it
 * runs, searches see the part already rebuilt. An item edited meanwhile is indexed by its
 * trigger; when its slice comes, the slice first removes what the index holds in its range
 * and writes the current rows, so nothing is doubled or lost. (Replacing the index slice by
 * slice without emptying it first was measured 3× slower: every removed row leaves a
 * tombstone in every segment of a large index.)
 */

export type ReindexOptions = {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, step: 'items' | 'pages') => void;
  /** Rows per transaction. */
  slice?: number;
};

const ITEM_COLUMNS = 'title, doc_no, responsible, type, activity, note, caption';
const itemValues = (fn: string) =>
  `${fn}(m.title), ${fn}(m.doc_no), ${fn}(m.responsible), ${fn}(m.type), ${fn}(m.activity), ${fn}(m.note), ${fn}(tz_caption(m.caption))`;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Slice bounds over sorted ids: [lo, hi) pairs covering all rowids, the first from −∞ and the last to +∞. */
function slices(ids: number[], size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < ids.length; i += size) {
    const lo = i === 0 ? Number.MIN_SAFE_INTEGER : ids[i]!;
    const hi = i + size < ids.length ? ids[i + size]! : Number.MAX_SAFE_INTEGER;
    out.push([lo, hi]);
  }
  if (out.length === 0) out.push([Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]);
  return out;
}

async function rebuild(
  db: Database,
  tables: [string, string],
  ids: number[],
  fill: (lo: number, hi: number) => void,
  options: ReindexOptions,
  step: 'items' | 'pages',
): Promise<void> {
  const size = options.slice ?? 2000;
  const clear = tables.map((t) => db.prepare(`DELETE FROM ${t} WHERE rowid >= ? AND rowid < ?`));
  let done = 0;
  for (const [lo, hi] of slices(ids, size)) {
    if (options.signal?.aborted)
      throw new AppError('CANCELLED', '已取消重建索引；已重建的部分保留，其余仍按原样可用。');
    db.transaction(() => {
      for (const c of clear) c.run(lo, hi);
      fill(lo, hi);
    })();
    done = Math.min(ids.length, done + size);
    options.onProgress?.(done, ids.length, step);
    await pause();
  }
}

export async function reindex(db: Database, options: ReindexOptions = {}): Promise<ReindexResult> {
  const started = performance.now();
  db.transaction(() => {
    for (const t of ['search_items', 'search_items_short', 'search_pages', 'search_pages_short']) {
      db.prepare(`INSERT INTO ${t} (${t}) VALUES ('delete-all')`).run();
    }
  })();
  const itemIds = db.prepare('SELECT id FROM materials ORDER BY id').pluck().all() as number[];
  const insertItems = db.prepare(
    `INSERT INTO search_items (rowid, ${ITEM_COLUMNS}) SELECT m.id, ${itemValues('tz_norm')} FROM materials m WHERE m.id >= ? AND m.id < ?`,
  );
  const insertItemsShort = db.prepare(
    `INSERT INTO search_items_short (rowid, ${ITEM_COLUMNS}) SELECT m.id, ${itemValues('tz_bigrams')} FROM materials m WHERE m.id >= ? AND m.id < ?`,
  );
  await rebuild(
    db,
    ['search_items', 'search_items_short'],
    itemIds,
    (lo, hi) => {
      insertItems.run(lo, hi);
      insertItemsShort.run(lo, hi);
    },
    options,
    'items',
  );

  // Page keys first: one per page text, no more (a page text removed behind the triggers' back).
  db.transaction(() => {
    db.prepare(
      `DELETE FROM search_page_keys WHERE NOT EXISTS
         (SELECT 1 FROM page_texts t WHERE t.sha256 = search_page_keys.sha256 AND t.page = search_page_keys.page)`,
    ).run();
    db.prepare(
      'INSERT OR IGNORE INTO search_page_keys (sha256, page) SELECT sha256, page FROM page_texts ORDER BY sha256, page',
    ).run();
  })();
  const keyIds = db.prepare('SELECT id FROM search_page_keys ORDER BY id').pluck().all() as number[];
  const pagesOf = (fn: string, table: string) =>
    db.prepare(
      `INSERT INTO ${table} (rowid, body) SELECT k.id, ${fn}(t.text) FROM search_page_keys k
       JOIN page_texts t ON t.sha256 = k.sha256 AND t.page = k.page WHERE k.id >= ? AND k.id < ?`,
    );
  const insertPages = pagesOf('tz_norm', 'search_pages');
  const insertPagesShort = pagesOf('tz_bigrams', 'search_pages_short');
  await rebuild(
    db,
    ['search_pages', 'search_pages_short'],
    keyIds,
    (lo, hi) => {
      insertPages.run(lo, hi);
      insertPagesShort.run(lo, hi);
    },
    options,
    'pages',
  );
  dropIndicatorIndex(db);
  return { items: itemIds.length, pages: keyIds.length, ms: Math.round(performance.now() - started) };
}
