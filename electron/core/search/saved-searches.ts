import type { Database } from 'better-sqlite3';
import {
  searchFiltersSchema,
  type SavedSearch,
  type SearchFilters,
  type SearchKind,
} from '../../../shared/ipc/contract-search';
import type { Project } from '../project/project';

/* 保存的搜索: a name for a query with its filters, kept in the project (so colleagues share them). */

type Row = {
  id: number;
  name: string;
  text: string;
  kind: SearchKind;
  filters: string;
  created_at: string;
  created_by: string;
};

function parseFilters(json: string): SearchFilters {
  try {
    const r = searchFiltersSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

const toSaved = (r: Row): SavedSearch => ({
  id: r.id,
  name: r.name,
  text: r.text,
  kind: r.kind,
  filters: parseFilters(r.filters),
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function listSavedSearches(db: Database): SavedSearch[] {
  return (db.prepare('SELECT * FROM saved_searches ORDER BY name, id').all() as Row[]).map(toSaved);
}

/** Saves under `name`; a search of that name is replaced (keeping its id). */
export function saveSearch(
  project: Project,
  input: { name: string; text: string; kind: SearchKind; filters: SearchFilters },
): SavedSearch {
  const db = project.db;
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO saved_searches (name, text, kind, filters, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET text = excluded.text, kind = excluded.kind, filters = excluded.filters,
         created_at = excluded.created_at, created_by = excluded.created_by`,
    ).run(
      input.name.trim(),
      input.text,
      input.kind,
      JSON.stringify(input.filters),
      new Date().toISOString(),
      project.userName,
    );
    const row = db.prepare('SELECT * FROM saved_searches WHERE name = ?').get(input.name.trim()) as Row;
    project.audit({ action: 'search.save', entity: 'saved_search', entityId: row.id, detail: { ...input } });
    return toSaved(row);
  })();
}

export function deleteSavedSearch(project: Project, id: number): { deleted: boolean } {
  return project.db.transaction(() => {
    const deleted = project.db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes > 0;
    if (deleted) project.audit({ action: 'search.deleteSaved', entity: 'saved_search', entityId: id, detail: { id } });
    return { deleted };
  })();
}
