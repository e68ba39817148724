import type { Database } from 'better-sqlite3';

/**
 * The first schema. Never edit this file once shipped: add a new numbered migration.
 * STRICT tables so a wrong type is an error, not silent coercion.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE project (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      year INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE units (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
      phone TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;

    -- An assessment system (测评体系) with its edition and assessment window.
    CREATE TABLE systems (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      edition TEXT NOT NULL DEFAULT '',
      window_start TEXT,
      window_end TEXT,
      level_names TEXT NOT NULL DEFAULT '[]',
      sort INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;

    -- One indicator (指标) of a system's tree. code is kept apart from title because
    -- numbering schemes vary by edition and may be absent.
    CREATE TABLE indicators (
      id INTEGER PRIMARY KEY,
      system_id INTEGER NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
      parent_id INTEGER REFERENCES indicators(id) ON DELETE CASCADE,
      level INTEGER NOT NULL,
      sort INTEGER NOT NULL,
      code TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL,
      content TEXT NOT NULL DEFAULT '',
      methods TEXT NOT NULL DEFAULT '[]',
      score REAL,
      requirement TEXT NOT NULL DEFAULT '',
      rules TEXT NOT NULL DEFAULT '[]',
      applicable INTEGER NOT NULL DEFAULT 1,
      lead_unit TEXT NOT NULL DEFAULT '',
      resp_unit TEXT NOT NULL DEFAULT '',
      collector_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      reviewer_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
      deadline TEXT,
      source_row INTEGER,
      extra TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX indicators_system ON indicators(system_id, parent_id, sort);

    -- A stored original: content-addressed, stored once however often it is added.
    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      mime TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;

    -- An item (件): one logical document made of one or more files.
    CREATE TABLE materials (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      title_made_up INTEGER NOT NULL DEFAULT 0,
      responsible TEXT NOT NULL DEFAULT '',
      doc_no TEXT NOT NULL DEFAULT '',
      date TEXT,
      date_source TEXT,
      type TEXT NOT NULL DEFAULT '',
      pages INTEGER NOT NULL DEFAULT 0,
      classification TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      caption TEXT NOT NULL DEFAULT '{}',
      activity TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'collected',
      status_comment TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    CREATE TABLE material_files (
      id INTEGER PRIMARY KEY,
      material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      original_name TEXT NOT NULL,
      source_path TEXT NOT NULL DEFAULT '',
      imported_at TEXT NOT NULL,
      exif_time TEXT,
      rotation INTEGER NOT NULL DEFAULT 0,
      page_count INTEGER NOT NULL DEFAULT 1,
      UNIQUE (material_id, position)
    ) STRICT;
    CREATE INDEX material_files_sha ON material_files(sha256);

    CREATE TABLE material_links (
      material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
      indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
      sort INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (material_id, indicator_id)
    ) STRICT;
    CREATE INDEX material_links_indicator ON material_links(indicator_id, sort);

    -- What changed, when, by whom: kept for the whole life of the ledger.
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user_name TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      result TEXT,
      error TEXT
    ) STRICT;
  `);
}
