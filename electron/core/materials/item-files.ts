import { AppError } from '../../../shared/ipc/result';
import type { Material } from '../../../shared/materials/api-types';
import type { Project } from '../project/project';
import { getMaterial } from './material-repo';

/*
 * The files inside an item (件): a record photographed page by page, a notice with its
 * attachments. Merging, splitting, reordering and rotating change only the database: the
 * originals stay exactly as stored, and rotation is applied when showing and binding.
 */

function renumber(project: Project, materialId: number, fileIds: number[]): void {
  // Two passes: positions are unique per item, so move them out of the way first.
  const park = project.db.prepare('UPDATE material_files SET position = -position - 1000 WHERE material_id = ?');
  const place = project.db.prepare('UPDATE material_files SET material_id = ?, position = ? WHERE id = ?');
  park.run(materialId);
  fileIds.forEach((id, i) => place.run(materialId, i + 1, id));
  const pages = project.db
    .prepare('SELECT coalesce(sum(page_count), 0) AS n FROM material_files WHERE material_id = ?')
    .pluck()
    .get(materialId) as number;
  project.db
    .prepare('UPDATE materials SET pages = ?, updated_at = ? WHERE id = ?')
    .run(pages, new Date().toISOString(), materialId);
}

function fileIdsOf(project: Project, materialId: number): number[] {
  return project.db
    .prepare('SELECT id FROM material_files WHERE material_id = ? ORDER BY position')
    .pluck()
    .all(materialId) as number[];
}

/** Merges items into the first one: its files first, then each other item's in the order given. */
export function mergeMaterials(project: Project, ids: number[]): Material {
  if (new Set(ids).size < 2) throw new AppError('INVALID_INPUT', '请至少选择两件材料再合并。');
  const [target, ...others] = ids;
  project.db.transaction(() => {
    for (const id of ids) getMaterial(project.db, id);
    const files = ids.flatMap((id) => fileIdsOf(project, id));
    for (const id of others) {
      // The merged item keeps every indicator any of the parts was linked to.
      project.db
        .prepare(
          'INSERT OR IGNORE INTO material_links (material_id, indicator_id, sort) SELECT ?, indicator_id, sort FROM material_links WHERE material_id = ?',
        )
        .run(target, id);
      project.db.prepare('UPDATE material_files SET position = -id WHERE material_id = ?').run(id);
    }
    renumber(project, target!, files);
    for (const id of others) project.db.prepare('DELETE FROM materials WHERE id = ?').run(id);
    project.audit({ action: 'material.merge', entity: 'material', entityId: target, detail: { merged: others } });
  })();
  return getMaterial(project.db, target!);
}

/** Moves the given files out of an item into a new item (same description and links). */
export function splitMaterial(project: Project, id: number, fileIds: number[]): { kept: Material; created: Material } {
  const before = getMaterial(project.db, id);
  const own = before.files.map((f) => f.id);
  if (fileIds.length === 0 || fileIds.some((f) => !own.includes(f))) {
    throw new AppError('INVALID_INPUT', '请选择这件材料中要拆出去的文件。');
  }
  if (fileIds.length === own.length) throw new AppError('INVALID_INPUT', '不能把所有文件都拆出去，至少要留下一个。');
  const createdId = project.db.transaction(() => {
    const now = new Date().toISOString();
    const created = Number(
      project.db
        .prepare(
          `INSERT INTO materials (title, title_made_up, responsible, doc_no, date, date_source, type, pages, classification,
             note, caption, activity, status, status_comment, created_at, updated_at)
           SELECT title, title_made_up, responsible, doc_no, date, date_source, type, 0, classification, note, caption,
             activity, status, status_comment, ?, ? FROM materials WHERE id = ?`,
        )
        .run(now, now, id).lastInsertRowid,
    );
    project.db
      .prepare(
        'INSERT INTO material_links (material_id, indicator_id, sort) SELECT ?, indicator_id, sort FROM material_links WHERE material_id = ?',
      )
      .run(created, id);
    renumber(
      project,
      created,
      own.filter((f) => fileIds.includes(f)),
    );
    renumber(
      project,
      id,
      own.filter((f) => !fileIds.includes(f)),
    );
    project.audit({ action: 'material.split', entity: 'material', entityId: id, detail: { created, fileIds } });
    return created;
  })();
  return { kept: getMaterial(project.db, id), created: getMaterial(project.db, createdId) };
}

/** Puts an item's files in a new order (all of them, each once). */
export function reorderFiles(project: Project, id: number, fileIds: number[]): Material {
  const own = getMaterial(project.db, id).files.map((f) => f.id);
  if (fileIds.length !== own.length || [...fileIds].sort().join() !== [...own].sort().join()) {
    throw new AppError('INVALID_INPUT', '新的顺序必须包含这件材料的全部文件，且每个只出现一次。请刷新后重试。');
  }
  project.db.transaction(() => {
    renumber(project, id, fileIds);
    project.audit({ action: 'material.reorder', entity: 'material', entityId: id, detail: { fileIds } });
  })();
  return getMaterial(project.db, id);
}

/** Turns a file by quarter turns (shown and bound turned; the original stays as it is). */
export function rotateFile(project: Project, fileId: number, degrees: 0 | 90 | 180 | 270): Material {
  const row = project.db.prepare('SELECT material_id AS m FROM material_files WHERE id = ?').get(fileId) as
    { m: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到这个文件，可能已被移动到其他材料。请刷新后重试。');
  project.db.transaction(() => {
    project.db.prepare('UPDATE material_files SET rotation = ? WHERE id = ?').run(degrees, fileId);
    project.audit({ action: 'material.rotate', entity: 'material', entityId: row.m, detail: { fileId, degrees } });
  })();
  return getMaterial(project.db, row.m);
}
