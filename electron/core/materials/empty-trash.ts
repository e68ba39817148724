import fs from 'node:fs';
import { AppError } from '../../../shared/ipc/result';
import { projectPaths } from '../project/layout';
import type { Project } from '../project/project';
import { thumbPath } from './thumbnails';

/*
 * 清空回收站: the one place where the app deletes what the user brought in, so it is an
 * explicit act (the UI confirms with the count; the CLI wants --yes). Trashed items go with
 * their files and links; a stored original goes only when no remaining item uses it (the
 * same bytes can belong to several items through merges and splits, and an Office file's
 * PDF copy is a stored file too). The database is changed first, in one transaction; files
 * are deleted after it commits, so a crash in between leaves unreferenced files (which
 * verify reports as harmless) and never an item whose file is gone.
 */

export type EmptyTrashResult = {
  /** Items deleted for good. */
  deleted: number;
  /** Stored files deleted (originals and converted copies no other item uses). */
  filesRemoved: number;
  bytesFreed: number;
};

/** Items in the trash, all of them or those of `ids` (ids not in the trash are refused). */
function trashedIds(project: Project, ids?: number[]): number[] {
  const inTrash = project.db
    .prepare('SELECT id FROM materials WHERE deleted_at IS NOT NULL ORDER BY id')
    .pluck()
    .all() as number[];
  if (!ids) return inTrash;
  const set = new Set(inTrash);
  const outside = ids.filter((id) => !set.has(id));
  if (outside.length > 0) {
    throw new AppError('INVALID_INPUT', `材料 ${outside.join('、')} 不在回收站里；只有回收站里的材料可以永久删除。`);
  }
  return [...new Set(ids)];
}

export function emptyTrash(project: Project, ids?: number[]): EmptyTrashResult {
  const db = project.db;
  const { gone, result } = db.transaction(() => {
    const items = trashedIds(project, ids);
    if (items.length === 0)
      return { gone: [] as { sha256: string; size: number }[], result: { deleted: 0, filesRemoved: 0, bytesFreed: 0 } };
    const titles = db.prepare('SELECT title FROM materials WHERE id = ?').pluck();
    const filesOf = db.prepare(
      `SELECT sha256 FROM material_files WHERE material_id = ?
       UNION SELECT converted_sha256 FROM material_files WHERE material_id = ? AND converted_sha256 IS NOT NULL`,
    );
    const candidates = new Set<string>();
    const detail = items.map((id) => {
      for (const sha of filesOf.pluck().all(id, id) as string[]) candidates.add(sha);
      return { id, title: titles.get(id) as string };
    });
    const del = db.prepare('DELETE FROM materials WHERE id = ?');
    // Its files and links go with each item (ON DELETE CASCADE), in this transaction.
    for (const id of items) del.run(id);
    const stillUsed = db.prepare('SELECT 1 FROM material_files WHERE sha256 = ? OR converted_sha256 = ? LIMIT 1');
    const sizeOf = db.prepare('SELECT size FROM blobs WHERE sha256 = ?').pluck();
    const dropTexts = db.prepare('DELETE FROM page_texts WHERE sha256 = ?');
    const dropBlob = db.prepare('DELETE FROM blobs WHERE sha256 = ?');
    const gone: { sha256: string; size: number }[] = [];
    for (const sha256 of [...candidates].sort()) {
      if (stillUsed.get(sha256, sha256)) continue;
      gone.push({ sha256, size: (sizeOf.get(sha256) as number | undefined) ?? 0 });
      dropTexts.run(sha256);
      dropBlob.run(sha256);
    }
    const result = {
      deleted: items.length,
      filesRemoved: gone.length,
      bytesFreed: gone.reduce((n, g) => n + g.size, 0),
    };
    project.audit({ action: 'material.purge', entity: 'material', detail: { items: detail, ...result } });
    return { gone, result };
  })();
  const cache = projectPaths(project.dir).cache;
  for (const { sha256 } of gone) {
    project.store.remove(sha256);
    fs.rmSync(thumbPath(cache, sha256), { force: true });
  }
  return result;
}
