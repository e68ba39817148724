import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/result';
import {
  captionSchema,
  EMPTY_CAPTION,
  STATUS_LABELS,
  type Caption,
  type Material,
  type MaterialFile,
  type MaterialPatch,
  type MaterialStatus,
} from '../../../shared/materials/api-types';
import type { Project } from '../project/project';

/*
 * Items (件) in the project database: listing by indicator, inbox or trash; editing their
 * description; links to indicators; the workflow status; the trash. Every change is one
 * transaction with its audit entry (who, when, what).
 */

type MaterialRow = {
  id: number;
  title: string;
  title_made_up: number;
  responsible: string;
  doc_no: string;
  date: string | null;
  date_source: string | null;
  type: string;
  pages: number;
  classification: string;
  note: string;
  activity: string;
  caption: string;
  status: MaterialStatus;
  status_comment: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

export type MaterialFilter = {
  indicatorId?: number;
  /** Items linked to no indicator (待归类). */
  inbox?: boolean;
  /** Items in the trash (otherwise trashed items are left out). */
  trash?: boolean;
  status?: MaterialStatus;
};

function filesOf(db: Database, ids: number[]): Map<number, MaterialFile[]> {
  const out = new Map<number, MaterialFile[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT f.material_id, f.id, f.position, f.sha256, f.original_name, f.source_path, f.page_count, f.rotation, b.mime
       FROM material_files f JOIN blobs b ON b.sha256 = f.sha256
       WHERE f.material_id IN (SELECT value FROM json_each(?)) ORDER BY f.material_id, f.position`,
    )
    .all(JSON.stringify(ids)) as {
    material_id: number;
    id: number;
    position: number;
    sha256: string;
    original_name: string;
    source_path: string;
    page_count: number;
    rotation: number;
    mime: string;
  }[];
  for (const r of rows) {
    const list = out.get(r.material_id) ?? [];
    list.push({
      id: r.id,
      position: r.position,
      sha256: r.sha256,
      originalName: r.original_name,
      sourcePath: r.source_path,
      mime: r.mime,
      pageCount: r.page_count,
      rotation: r.rotation,
    });
    out.set(r.material_id, list);
  }
  return out;
}

function linksOf(db: Database, ids: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      'SELECT material_id AS m, indicator_id AS i FROM material_links WHERE material_id IN (SELECT value FROM json_each(?)) ORDER BY sort, indicator_id',
    )
    .all(JSON.stringify(ids)) as { m: number; i: number }[];
  for (const r of rows) out.set(r.m, [...(out.get(r.m) ?? []), r.i]);
  return out;
}

function parseCaption(json: string): Caption {
  try {
    return captionSchema.parse({ ...EMPTY_CAPTION, ...(JSON.parse(json) as object) });
  } catch {
    return { ...EMPTY_CAPTION };
  }
}

function toMaterials(db: Database, rows: MaterialRow[]): Material[] {
  const ids = rows.map((r) => r.id);
  const files = filesOf(db, ids);
  const links = linksOf(db, ids);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    titleMadeUp: r.title_made_up === 1,
    responsible: r.responsible,
    docNo: r.doc_no,
    date: r.date,
    dateSource: r.date_source,
    type: r.type,
    pages: r.pages,
    classification: r.classification,
    note: r.note,
    activity: r.activity,
    caption: parseCaption(r.caption),
    status: r.status,
    statusComment: r.status_comment,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    files: files.get(r.id) ?? [],
    indicatorIds: links.get(r.id) ?? [],
  }));
}

export function listMaterials(db: Database, filter: MaterialFilter = {}): Material[] {
  const where: string[] = [filter.trash ? 'm.deleted_at IS NOT NULL' : 'm.deleted_at IS NULL'];
  const params: unknown[] = [];
  let join = '';
  if (filter.indicatorId !== undefined) {
    join = 'JOIN material_links l ON l.material_id = m.id AND l.indicator_id = ?';
    params.push(filter.indicatorId);
  }
  if (filter.inbox) where.push('NOT EXISTS (SELECT 1 FROM material_links l2 WHERE l2.material_id = m.id)');
  if (filter.status) {
    where.push('m.status = ?');
    params.push(filter.status);
  }
  const order = filter.indicatorId !== undefined ? 'l.sort, m.id' : 'm.id';
  const rows = db
    .prepare(`SELECT m.* FROM materials m ${join} WHERE ${where.join(' AND ')} ORDER BY ${order}`)
    .all(...params) as MaterialRow[];
  return toMaterials(db, rows);
}

/** The stored text of each page of a file (of its PDF copy for Office and encrypted files). */
export function pageTextsOf(db: Database, fileId: number): { page: number; text: string }[] {
  const file = db.prepare('SELECT sha256, converted_sha256 FROM material_files WHERE id = ?').get(fileId) as
    { sha256: string; converted_sha256: string | null } | undefined;
  if (!file) throw new AppError('NOT_FOUND', `找不到编号为 ${fileId} 的文件，它可能已被删除。`);
  return db
    .prepare('SELECT page, text FROM page_texts WHERE sha256 = ? ORDER BY page')
    .all(file.converted_sha256 ?? file.sha256) as { page: number; text: string }[];
}

/** For the left pane: 待归类 and 回收站 counts. */
export function countMaterials(db: Database): { inbox: number; trash: number; all: number } {
  return db
    .prepare(
      `SELECT
         count(*) FILTER (WHERE deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM material_links l WHERE l.material_id = m.id)) AS inbox,
         count(*) FILTER (WHERE deleted_at IS NOT NULL) AS trash,
         count(*) FILTER (WHERE deleted_at IS NULL) AS "all"
       FROM materials m`,
    )
    .get() as { inbox: number; trash: number; all: number };
}

export function getMaterial(db: Database, id: number): Material {
  const row = db.prepare('SELECT * FROM materials WHERE id = ?').get(id) as MaterialRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的材料，它可能已被彻底删除。`);
  return toMaterials(db, [row])[0]!;
}

const COLUMNS: Record<keyof MaterialPatch, string> = {
  title: 'title',
  responsible: 'responsible',
  docNo: 'doc_no',
  date: 'date',
  type: 'type',
  classification: 'classification',
  note: 'note',
  activity: 'activity',
  // Merged into the stored JSON, so editing 地点 for many photos keeps each one's 人物.
  caption: 'caption',
};

/** Edits one or many items at once (batch edit); returns them as they are now. */
export function updateMaterials(project: Project, ids: number[], patch: MaterialPatch): Material[] {
  const keys = (Object.keys(patch) as (keyof MaterialPatch)[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return ids.map((id) => getMaterial(project.db, id));
  const sets = keys.map((k) => (k === 'caption' ? 'caption = json_patch(caption, @caption)' : `${COLUMNS[k]} = @${k}`));
  if (keys.includes('title')) sets.push('title_made_up = 0');
  if (keys.includes('date')) sets.push("date_source = CASE WHEN @date IS NULL THEN NULL ELSE 'user' END");
  const stmt = project.db.prepare(`UPDATE materials SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`);
  project.db.transaction(() => {
    for (const id of ids) {
      getMaterial(project.db, id);
      stmt.run({ ...patch, caption: JSON.stringify(patch.caption ?? {}), now: new Date().toISOString(), id });
    }
    project.audit({
      action: 'material.update',
      entity: 'material',
      entityId: ids.length === 1 ? ids[0] : null,
      detail: { ids, patch },
    });
  })();
  return ids.map((id) => getMaterial(project.db, id));
}

function checkIndicator(db: Database, indicatorId: number): void {
  if (!db.prepare('SELECT 1 FROM indicators WHERE id = ?').get(indicatorId)) {
    throw new AppError('NOT_FOUND', `找不到编号为 ${indicatorId} 的指标，它可能已随测评体系删除。`);
  }
}

/** Links items to an indicator (one item may serve several indicators: linked, never copied). */
export function linkMaterials(project: Project, ids: number[], indicatorId: number): { linked: number } {
  checkIndicator(project.db, indicatorId);
  return project.db.transaction(() => {
    const stmt = project.db.prepare(
      `INSERT OR IGNORE INTO material_links (material_id, indicator_id, sort)
       VALUES (?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM material_links WHERE indicator_id = ?))`,
    );
    let linked = 0;
    for (const id of ids) {
      getMaterial(project.db, id);
      linked += stmt.run(id, indicatorId, indicatorId).changes;
    }
    project.audit({
      action: 'material.link',
      entity: 'indicator',
      entityId: indicatorId,
      detail: { ids, indicatorId, linked },
    });
    return { linked };
  })();
}

/** Puts `ids` first, in this order, among the indicator's items; the rest follow as they were. */
export function arrangeMaterials(project: Project, indicatorId: number, ids: number[]): void {
  checkIndicator(project.db, indicatorId);
  project.db.transaction(() => {
    const current = project.db
      .prepare('SELECT material_id FROM material_links WHERE indicator_id = ? ORDER BY sort, material_id')
      .pluck()
      .all(indicatorId) as number[];
    const linked = new Set(current);
    const stray = ids.filter((id) => !linked.has(id));
    if (stray.length > 0) {
      throw new AppError('INVALID_INPUT', `材料 ${stray.join('、')} 不在这个指标下，无法调整顺序。请刷新后重试。`);
    }
    const named = new Set(ids);
    const order = [...ids, ...current.filter((id) => !named.has(id))];
    const stmt = project.db.prepare('UPDATE material_links SET sort = ? WHERE indicator_id = ? AND material_id = ?');
    order.forEach((id, i) => stmt.run(i + 1, indicatorId, id));
    project.audit({ action: 'material.arrange', entity: 'indicator', entityId: indicatorId, detail: { ids } });
  })();
}

export function unlinkMaterials(project: Project, ids: number[], indicatorId: number): { unlinked: number } {
  return project.db.transaction(() => {
    const stmt = project.db.prepare('DELETE FROM material_links WHERE material_id = ? AND indicator_id = ?');
    let unlinked = 0;
    for (const id of ids) unlinked += stmt.run(id, indicatorId).changes;
    project.audit({
      action: 'material.unlink',
      entity: 'indicator',
      entityId: indicatorId,
      detail: { ids, indicatorId, unlinked },
    });
    return { unlinked };
  })();
}

/** 收集 → 已甄选 / 已剔除 → 待补充 (saying what is missing) → 已整理. */
export function setStatus(project: Project, ids: number[], status: MaterialStatus, comment: string): Material[] {
  if (status === 'incomplete' && !comment.trim()) {
    throw new AppError('INVALID_INPUT', '设为“待补充”时，请写明还缺什么，方便收集人补充。');
  }
  project.db.transaction(() => {
    const stmt = project.db.prepare('UPDATE materials SET status = ?, status_comment = ?, updated_at = ? WHERE id = ?');
    for (const id of ids) {
      const before = getMaterial(project.db, id);
      stmt.run(status, comment.trim(), new Date().toISOString(), id);
      project.audit({
        action: 'material.status',
        entity: 'material',
        entityId: id,
        detail: { from: before.status, to: status, label: STATUS_LABELS[status], comment: comment.trim() },
      });
    }
  })();
  return ids.map((id) => getMaterial(project.db, id));
}

/** Moves items to the trash (links kept, so a restore puts them back where they were). */
export function trashMaterials(project: Project, ids: number[]): { trashed: number } {
  return project.db.transaction(() => {
    const stmt = project.db.prepare('UPDATE materials SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
    let trashed = 0;
    for (const id of ids) {
      getMaterial(project.db, id);
      trashed += stmt.run(new Date().toISOString(), id).changes;
    }
    project.audit({ action: 'material.trash', entity: 'material', detail: { ids, trashed } });
    return { trashed };
  })();
}

export function restoreMaterials(project: Project, ids: number[]): { restored: number } {
  return project.db.transaction(() => {
    const stmt = project.db.prepare('UPDATE materials SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL');
    let restored = 0;
    for (const id of ids) {
      getMaterial(project.db, id);
      restored += stmt.run(id).changes;
    }
    project.audit({ action: 'material.restore', entity: 'material', detail: { ids, restored } });
    return { restored };
  })();
}

export function commentOn(project: Project, id: number, text: string): void {
  getMaterial(project.db, id);
  project.db.transaction(() => {
    project.audit({ action: 'material.comment', entity: 'material', entityId: id, detail: { text: text.trim() } });
  })();
}

/** The audit entries about one item, oldest first (its history in the detail pane). */
export function historyOf(
  db: Database,
  id: number,
): { at: string; userName: string; action: string; detail: Record<string, unknown> }[] {
  getMaterial(db, id);
  const rows = db
    .prepare(
      `SELECT at, user_name, action, detail FROM audit_log
       WHERE (entity = 'material' AND entity_id = ?) OR (action IN ('material.trash', 'material.restore', 'material.update', 'material.link', 'material.unlink')
         AND EXISTS (SELECT 1 FROM json_each(json_extract(detail, '$.ids')) WHERE value = ?))
       ORDER BY id`,
    )
    .all(String(id), id) as { at: string; user_name: string; action: string; detail: string }[];
  return rows.map((r) => ({
    at: r.at,
    userName: r.user_name,
    action: r.action,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
