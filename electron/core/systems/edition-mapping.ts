import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/result';
import { matchEditions } from '../../../shared/systems/similarity';
import type { Project } from '../project/project';
import { getIndicators } from './system-repo';

/*
 * A new edition of an assessment system arrives: its indicators are matched to the old
 * ones (by code, then by title similarity), the user confirms, and the materials linked to
 * old indicators are linked to the new ones instead.
 */

function linkCounts(db: Database, systemId: number): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT l.indicator_id AS id, count(*) AS n FROM material_links l
       JOIN indicators i ON i.id = l.indicator_id WHERE i.system_id = ? GROUP BY l.indicator_id`,
    )
    .all(systemId) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

function matchInput(db: Database, systemId: number) {
  const nodes = getIndicators(db, systemId);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pathOf = (id: number | null): string => {
    const parts: string[] = [];
    for (let p = id; p !== null; p = byId.get(p)?.parentId ?? null) parts.unshift(byId.get(p)?.title ?? '');
    return parts.join(' › ');
  };
  return nodes.map((n) => ({ id: n.id, code: n.code, title: n.title, level: n.level, path: pathOf(n.parentId) }));
}

export function editionMatch(db: Database, fromSystemId: number, toSystemId: number) {
  if (fromSystemId === toSystemId) throw new AppError('INVALID_INPUT', '请选择两个不同的测评体系：旧版和新版。');
  const result = matchEditions(matchInput(db, fromSystemId), matchInput(db, toSystemId));
  const links = linkCounts(db, fromSystemId);
  return {
    pairs: result.pairs.map((p) => ({ ...p, links: links.get(p.oldId) ?? 0 })),
    unmatchedOld: result.unmatchedOld.map((id) => ({ id, links: links.get(id) ?? 0 })),
    unmatchedNew: result.unmatchedNew.map((id) => ({ id })),
  };
}

/** Moves links along the confirmed pairs, in one transaction. A material already linked to the new indicator keeps one link. */
export function applyEditionMapping(
  project: Project,
  fromSystemId: number,
  toSystemId: number,
  pairs: { oldId: number; newId: number }[],
): { movedLinks: number } {
  const db = project.db;
  const systemOf = db.prepare('SELECT system_id AS s FROM indicators WHERE id = ?').pluck();
  for (const p of pairs) {
    if (systemOf.get(p.oldId) !== fromSystemId || systemOf.get(p.newId) !== toSystemId) {
      throw new AppError('INVALID_INPUT', '对应关系里有不属于所选测评体系的指标。请重新打开“新版对应”后再试。');
    }
  }
  const copy = db.prepare(
    `INSERT OR IGNORE INTO material_links (material_id, indicator_id, sort)
     SELECT material_id, ?, sort FROM material_links WHERE indicator_id = ?`,
  );
  const remove = db.prepare('DELETE FROM material_links WHERE indicator_id = ?');
  return db.transaction(() => {
    let movedLinks = 0;
    for (const p of pairs) {
      copy.run(p.newId, p.oldId);
      movedLinks += remove.run(p.oldId).changes;
    }
    project.audit({
      action: 'system.editionApply',
      entity: 'system',
      entityId: toSystemId,
      detail: { fromSystemId, toSystemId, pairs: pairs.length, movedLinks },
    });
    return { movedLinks };
  })();
}
