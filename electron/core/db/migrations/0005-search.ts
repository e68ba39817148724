import type { Database } from 'better-sqlite3';

/*
 * Search (issue 7). Full text through FTS5, kept by triggers in the same statement as every
 * change, so no code path can leave it stale:
 *
 * - search_items / search_pages: the trigram index (substrings of 3+ characters) over each
 *   item's own words (题名, 文号, 责任者, 类型, 活动, 备注, 照片说明) and over each stored page's text.
 * - search_items_short / search_pages_short: the same texts as bigram tokens (unicode61), for
 *   the 1–2 character queries trigram cannot answer (照片, 会议, 创卫).
 *
 * All four are contentless (content=''): the texts live in materials and page_texts; the
 * index holds only what finds them. Texts go in normalised (Traditional → Simplified,
 * full-width → half-width) by tz_norm / tz_bigrams, JavaScript functions that
 * openDatabase registers on every connection (electron/core/search/sql-functions.ts).
 *
 * Pages are indexed once per stored file (sha256, page), not per item: merging and
 * splitting move files between items without touching the index, and the item a page
 * belongs to is found through material_files when searching. search_page_keys gives each
 * (sha256, page) a stable rowid for the index (page_texts' own rowid is not stable: VACUUM
 * may renumber it).
 *
 * search_state counts changes to indicators and systems, so the in-memory indicator index
 * (codes, pinyin, fuzzy) knows when to rebuild, whoever changed them. saved_searches holds
 * the project's 保存的搜索.
 */

const ITEM_COLUMNS = ['title', 'doc_no', 'responsible', 'type', 'activity', 'note', 'caption'] as const;

/** The item's columns as the index takes them: `fn(new.title)`, …; the caption is its JSON's words. */
function itemValues(fn: 'tz_norm' | 'tz_bigrams', row: 'new' | 'm'): string {
  return ITEM_COLUMNS.map((c) => (c === 'caption' ? `${fn}(tz_caption(${row}.caption))` : `${fn}(${row}.${c})`)).join(
    ', ',
  );
}

const cols = ITEM_COLUMNS.join(', ');
const keyOf = (row: 'new' | 'old') =>
  `(SELECT id FROM search_page_keys WHERE sha256 = ${row}.sha256 AND page = ${row}.page)`;

export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE search_items USING fts5(${cols}, tokenize = 'trigram', content = '', contentless_delete = 1);
    CREATE VIRTUAL TABLE search_items_short USING fts5(${cols}, tokenize = 'unicode61', content = '', contentless_delete = 1);
    CREATE TABLE search_page_keys (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL,
      page INTEGER NOT NULL,
      UNIQUE (sha256, page)
    ) STRICT;
    CREATE VIRTUAL TABLE search_pages USING fts5(body, tokenize = 'trigram', content = '', contentless_delete = 1);
    CREATE VIRTUAL TABLE search_pages_short USING fts5(body, tokenize = 'unicode61', content = '', contentless_delete = 1);

    CREATE TRIGGER search_materials_insert AFTER INSERT ON materials BEGIN
      INSERT INTO search_items (rowid, ${cols}) VALUES (new.id, ${itemValues('tz_norm', 'new')});
      INSERT INTO search_items_short (rowid, ${cols}) VALUES (new.id, ${itemValues('tz_bigrams', 'new')});
    END;
    CREATE TRIGGER search_materials_update AFTER UPDATE OF id, ${cols} ON materials BEGIN
      DELETE FROM search_items WHERE rowid = old.id;
      DELETE FROM search_items_short WHERE rowid = old.id;
      INSERT INTO search_items (rowid, ${cols}) VALUES (new.id, ${itemValues('tz_norm', 'new')});
      INSERT INTO search_items_short (rowid, ${cols}) VALUES (new.id, ${itemValues('tz_bigrams', 'new')});
    END;
    CREATE TRIGGER search_materials_delete AFTER DELETE ON materials BEGIN
      DELETE FROM search_items WHERE rowid = old.id;
      DELETE FROM search_items_short WHERE rowid = old.id;
    END;

    -- INSERT OR REPLACE removes the old row without a delete trigger: clear its entry first.
    CREATE TRIGGER search_pages_insert AFTER INSERT ON page_texts BEGIN
      DELETE FROM search_pages WHERE rowid = ${keyOf('new')};
      DELETE FROM search_pages_short WHERE rowid = ${keyOf('new')};
      INSERT OR IGNORE INTO search_page_keys (sha256, page) VALUES (new.sha256, new.page);
      INSERT INTO search_pages (rowid, body) VALUES (${keyOf('new')}, tz_norm(new.text));
      INSERT INTO search_pages_short (rowid, body) VALUES (${keyOf('new')}, tz_bigrams(new.text));
    END;
    CREATE TRIGGER search_pages_update AFTER UPDATE OF sha256, page, text ON page_texts BEGIN
      DELETE FROM search_pages WHERE rowid = ${keyOf('old')};
      DELETE FROM search_pages_short WHERE rowid = ${keyOf('old')};
      DELETE FROM search_page_keys WHERE sha256 = old.sha256 AND page = old.page;
      DELETE FROM search_pages WHERE rowid = ${keyOf('new')};
      DELETE FROM search_pages_short WHERE rowid = ${keyOf('new')};
      INSERT OR IGNORE INTO search_page_keys (sha256, page) VALUES (new.sha256, new.page);
      INSERT INTO search_pages (rowid, body) VALUES (${keyOf('new')}, tz_norm(new.text));
      INSERT INTO search_pages_short (rowid, body) VALUES (${keyOf('new')}, tz_bigrams(new.text));
    END;
    CREATE TRIGGER search_pages_delete AFTER DELETE ON page_texts BEGIN
      DELETE FROM search_pages WHERE rowid = ${keyOf('old')};
      DELETE FROM search_pages_short WHERE rowid = ${keyOf('old')};
      DELETE FROM search_page_keys WHERE sha256 = old.sha256 AND page = old.page;
    END;

    -- A page hit is joined to its items through either column.
    CREATE INDEX material_files_converted ON material_files(converted_sha256) WHERE converted_sha256 IS NOT NULL;
    -- The indicator filter takes a whole subtree (children by parent); a 类型 filter without
    -- text reads only the items of those types.
    CREATE INDEX indicators_parent ON indicators(parent_id);
    CREATE INDEX materials_type ON materials(type);

    CREATE TABLE search_state (
      key TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT;
    INSERT INTO search_state (key, value) VALUES ('indicators', 0);
    CREATE TRIGGER search_indicators_insert AFTER INSERT ON indicators BEGIN
      UPDATE search_state SET value = value + 1 WHERE key = 'indicators';
    END;
    CREATE TRIGGER search_indicators_update AFTER UPDATE ON indicators BEGIN
      UPDATE search_state SET value = value + 1 WHERE key = 'indicators';
    END;
    CREATE TRIGGER search_indicators_delete AFTER DELETE ON indicators BEGIN
      UPDATE search_state SET value = value + 1 WHERE key = 'indicators';
    END;
    CREATE TRIGGER search_systems_insert AFTER INSERT ON systems BEGIN
      UPDATE search_state SET value = value + 1 WHERE key = 'indicators';
    END;
    CREATE TRIGGER search_systems_update AFTER UPDATE ON systems BEGIN
      UPDATE search_state SET value = value + 1 WHERE key = 'indicators';
    END;
    CREATE TRIGGER search_systems_delete AFTER DELETE ON systems BEGIN
      UPDATE search_state SET value = value + 1 WHERE key = 'indicators';
    END;

    CREATE TABLE saved_searches (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      text TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'all',
      filters TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;

    -- What a project already holds.
    INSERT INTO search_items (rowid, ${cols}) SELECT m.id, ${itemValues('tz_norm', 'm')} FROM materials m;
    INSERT INTO search_items_short (rowid, ${cols}) SELECT m.id, ${itemValues('tz_bigrams', 'm')} FROM materials m;
    INSERT OR IGNORE INTO search_page_keys (sha256, page) SELECT sha256, page FROM page_texts ORDER BY sha256, page;
    INSERT INTO search_pages (rowid, body)
      SELECT k.id, tz_norm(t.text) FROM page_texts t JOIN search_page_keys k ON k.sha256 = t.sha256 AND k.page = t.page;
    INSERT INTO search_pages_short (rowid, body)
      SELECT k.id, tz_bigrams(t.text) FROM page_texts t JOIN search_page_keys k ON k.sha256 = t.sha256 AND k.page = t.page;
  `);
}
