import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrations, type Migration } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/temp-dir';

const tables = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
  } finally {
    db.close();
  }
};

describe('migrations', () => {
  it('creates the first schema with every table the later capabilities need', () => {
    const file = path.join(tempDir(), 'taizhang.sqlite');
    openDatabase(file, { create: true }).close();
    expect(tables(file)).toEqual(
      expect.arrayContaining([
        'project',
        'systems',
        'indicators',
        'materials',
        'material_files',
        'material_links',
        'blobs',
        'people',
        'units',
        'settings',
        'audit_log',
        'jobs',
      ]),
    );
  });

  it("adds the calendar of the office's own events (migration 3) to a version-2 database", () => {
    const file = path.join(tempDir(), 'taizhang.sqlite');
    openDatabase(file, { create: true, migrations: migrations.slice(0, 2) }).close();
    expect(tables(file)).not.toContain('calendar_events');
    const db = openDatabase(file, { migrations });
    db.prepare("INSERT INTO calendar_events (name, date) VALUES ('校运会', '2025-10-20')").run();
    expect(db.prepare('SELECT name, date, note FROM calendar_events').all()).toEqual([
      { name: '校运会', date: '2025-10-20', note: '' },
    ]);
    db.close();
  });

  it('indexes stored sizes (migration 4), so finding files already added does not scan every blob', () => {
    const file = path.join(tempDir(), 'taizhang.sqlite');
    const db = openDatabase(file, { create: true, migrations });
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM blobs WHERE size = ? LIMIT 1').all(5) as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING (COVERING )?INDEX blobs_size/);
    db.close();
  });

  it('indexes what a version-4 project already holds for search (migration 5)', () => {
    const file = path.join(tempDir(), 'taizhang.sqlite');
    const old = openDatabase(file, { create: true, migrations: migrations.slice(0, 4) });
    const now = new Date().toISOString();
    old
      .prepare('INSERT INTO materials (title, doc_no, caption, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run('創衛工作會議記錄', '文明办〔2024〕3号', JSON.stringify({ place: '人民广场' }), now, now);
    old.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES ('aa', 1, ?)").run(now);
    old
      .prepare(
        "INSERT INTO material_files (material_id, position, sha256, original_name, imported_at) VALUES (1, 1, 'aa', 'a.pdf', ?)",
      )
      .run(now);
    old.prepare("INSERT INTO page_texts (sha256, page, text) VALUES ('aa', 2, '第二页写着智能回收箱')").run();
    old.close();
    const db = openDatabase(file, { migrations });
    const hits = (table: string, match: string) =>
      db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).pluck().all(match);
    // Stored as written, indexed in Simplified; 2-character words through the bigram index.
    expect(hits('search_items', '"会议记录"')).toEqual([1]);
    expect(hits('search_items_short', '"创卫"')).toEqual([1]);
    expect(hits('search_items', '"〔2024〕3号"')).toEqual([1]);
    expect(hits('search_items', 'caption : "人民广场"')).toEqual([1]);
    const key = db.prepare("SELECT id FROM search_page_keys WHERE sha256 = 'aa' AND page = 2").pluck().get();
    expect(hits('search_pages', '"智能回收箱"')).toEqual([key]);
    expect(db.prepare('SELECT count(*) FROM saved_searches').pluck().get()).toBe(0);
    db.close();
  });

  it('moves an old database to the latest version and keeps its rows', () => {
    const file = path.join(tempDir(), 'taizhang.sqlite');
    openDatabase(file, { create: true }).close();
    const extra: Migration = {
      version: migrations.length + 1,
      name: 'add column',
      up: (db) => db.exec("ALTER TABLE units ADD COLUMN phone TEXT NOT NULL DEFAULT ''"),
    };
    const raw = new BetterSqlite3(file);
    raw.prepare("INSERT INTO units (name, note) VALUES ('文明办', '')").run();
    raw.close();
    const db = openDatabase(file, { migrations: [...migrations, extra] });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    expect(db.prepare('SELECT name, phone FROM units').all()).toEqual([{ name: '文明办', phone: '' }]);
    db.close();
  });

  it('is all or nothing: a failing step leaves the database at its old version and shape', () => {
    const file = path.join(tempDir(), 'taizhang.sqlite');
    openDatabase(file, { create: true }).close();
    const before = tables(file);
    const broken: Migration[] = [
      ...migrations,
      { version: migrations.length + 1, name: 'ok step', up: (db) => db.exec('CREATE TABLE later_table (id INTEGER)') },
      {
        version: migrations.length + 2,
        name: 'bad step',
        up: (db) => db.exec('ALTER TABLE no_such_table ADD COLUMN x TEXT'),
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/no_such_table/);
    expect(tables(file)).toEqual(before);
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.length);
    raw.close();
  });

  it('never creates a database where none exists unless asked to', () => {
    const dir = tempDir();
    expect(() => openDatabase(path.join(dir, 'taizhang.sqlite'))).toThrow(/不是台账通项目/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
