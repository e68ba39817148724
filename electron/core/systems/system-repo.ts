import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/result';
import type { IndicatorNode, IndicatorPatch, SystemSummary } from '../../../shared/systems/api-types';
import type { IndicatorDraft, Rule, SystemFile, SystemMeta } from '../../../shared/systems/model';
import { SYSTEM_FILE_FORMAT } from '../../../shared/systems/model';
import type { Project } from '../project/project';
import { personIdByName } from './people-repo';

/*
 * Assessment systems and their indicator trees in the project database. Every write runs
 * in one transaction with its audit entry: an import is all or nothing.
 */

type SystemRow = {
  id: number;
  name: string;
  edition: string;
  window_start: string | null;
  window_end: string | null;
  level_names: string;
  created_at: string;
  indicator_count: number;
  applicable_count: number;
};

type IndicatorRow = {
  id: number;
  system_id: number;
  parent_id: number | null;
  level: number;
  sort: number;
  code: string;
  title: string;
  content: string;
  methods: string;
  score: number | null;
  requirement: string;
  rules: string;
  applicable: number;
  lead_unit: string;
  resp_unit: string;
  collector_id: number | null;
  collector_name: string | null;
  reviewer_id: number | null;
  reviewer_name: string | null;
  deadline: string | null;
  source_row: number | null;
};

const SUMMARY_SQL = `
  SELECT s.*,
    (SELECT count(*) FROM indicators i WHERE i.system_id = s.id) AS indicator_count,
    (SELECT count(*) FROM indicators i WHERE i.system_id = s.id AND i.applicable = 1) AS applicable_count
  FROM systems s`;

function toSummary(row: SystemRow): SystemSummary {
  return {
    id: row.id,
    name: row.name,
    edition: row.edition,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    levelNames: JSON.parse(row.level_names) as string[],
    createdAt: row.created_at,
    indicatorCount: row.indicator_count,
    applicableCount: row.applicable_count,
  };
}

export function listSystems(db: Database): SystemSummary[] {
  return (db.prepare(`${SUMMARY_SQL} ORDER BY s.sort, s.id`).all() as SystemRow[]).map(toSummary);
}

export function getSystem(db: Database, id: number): SystemSummary {
  const row = db.prepare(`${SUMMARY_SQL} WHERE s.id = ?`).get(id) as SystemRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到这个测评体系，它可能已被删除。请刷新后重试。');
  return toSummary(row);
}

const INDICATOR_SQL = `
  SELECT i.*, c.name AS collector_name, r.name AS reviewer_name
  FROM indicators i
  LEFT JOIN people c ON c.id = i.collector_id
  LEFT JOIN people r ON r.id = i.reviewer_id`;

function toNode(row: IndicatorRow): IndicatorNode {
  return {
    id: row.id,
    systemId: row.system_id,
    parentId: row.parent_id,
    level: row.level,
    sort: row.sort,
    code: row.code,
    title: row.title,
    content: row.content,
    methods: JSON.parse(row.methods) as string[],
    score: row.score,
    requirement: row.requirement,
    rules: JSON.parse(row.rules) as Rule[],
    applicable: row.applicable === 1,
    leadUnit: row.lead_unit,
    respUnit: row.resp_unit,
    collectorId: row.collector_id,
    collector: row.collector_name ?? '',
    reviewerId: row.reviewer_id,
    reviewer: row.reviewer_name ?? '',
    deadline: row.deadline ?? '',
    sourceRow: row.source_row,
  };
}

/** Every indicator of a system in tree order: each parent directly before its subtree. */
export function getIndicators(db: Database, systemId: number): IndicatorNode[] {
  getSystem(db, systemId);
  const rows = db.prepare(`${INDICATOR_SQL} WHERE i.system_id = ? ORDER BY i.sort`).all(systemId) as IndicatorRow[];
  return treeOrder(rows.map(toNode));
}

export function getIndicator(db: Database, id: number): IndicatorNode {
  const row = db.prepare(`${INDICATOR_SQL} WHERE i.id = ?`).get(id) as IndicatorRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到这个指标，它可能已随测评体系删除。请刷新后重试。');
  return toNode(row);
}

function treeOrder(nodes: IndicatorNode[]): IndicatorNode[] {
  const children = new Map<number | null, IndicatorNode[]>();
  for (const n of nodes) {
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const out: IndicatorNode[] = [];
  const walk = (parent: number | null) => {
    for (const n of children.get(parent) ?? []) {
      out.push(n);
      walk(n.id);
    }
  };
  walk(null);
  return out;
}

/** Writes a whole system (from an import or the sample) in one transaction; returns its id. */
export function insertSystem(project: Project, meta: SystemMeta, drafts: IndicatorDraft[], source: string): number {
  const db = project.db;
  const insertSys = db.prepare(
    `INSERT INTO systems (name, edition, window_start, window_end, level_names, sort, created_at)
     VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM systems), ?)`,
  );
  const insertInd = db.prepare(
    `INSERT INTO indicators (system_id, parent_id, level, sort, code, title, content, methods, score, requirement,
       rules, applicable, lead_unit, resp_unit, collector_id, reviewer_id, deadline, source_row)
     VALUES (@systemId, @parentId, @level, @sort, @code, @title, @content, @methods, @score, @requirement,
       @rules, @applicable, @leadUnit, @respUnit, @collectorId, @reviewerId, @deadline, @sourceRow)`,
  );
  return db.transaction(() => {
    const systemId = Number(
      insertSys.run(
        meta.name,
        meta.edition,
        meta.windowStart,
        meta.windowEnd,
        JSON.stringify(meta.levelNames),
        new Date().toISOString(),
      ).lastInsertRowid,
    );
    const idOfKey = new Map<string, number>();
    drafts.forEach((d, sort) => {
      const parentId = d.parentKey === null ? null : idOfKey.get(d.parentKey);
      if (parentId === undefined) throw new Error(`indicator ${d.key} comes before its parent ${d.parentKey}`);
      const id = Number(
        insertInd.run({
          systemId,
          parentId,
          level: d.level,
          sort,
          code: d.code,
          title: d.title,
          content: d.content,
          methods: JSON.stringify(d.methods),
          score: d.score,
          requirement: d.requirement,
          rules: JSON.stringify(d.rules),
          applicable: d.applicable ? 1 : 0,
          leadUnit: d.leadUnit,
          respUnit: d.respUnit,
          collectorId: personIdByName(db, d.collector),
          reviewerId: personIdByName(db, d.reviewer),
          deadline: d.deadline || null,
          sourceRow: d.sourceRow,
        }).lastInsertRowid,
      );
      idOfKey.set(d.key, id);
    });
    project.audit({
      action: 'system.import',
      entity: 'system',
      entityId: systemId,
      detail: { name: meta.name, edition: meta.edition, indicators: drafts.length, source },
    });
    return systemId;
  })();
}

export function checkWindow(w: { windowStart: string | null; windowEnd: string | null }): void {
  if (w.windowStart && w.windowEnd && w.windowStart > w.windowEnd) {
    throw new AppError(
      'INVALID_INPUT',
      `测评期间的开始日期（${w.windowStart}）晚于结束日期（${w.windowEnd}），请改正。`,
    );
  }
}

export function updateSystem(project: Project, id: number, patch: Partial<SystemMeta>): SystemSummary {
  const before = getSystem(project.db, id);
  const next = { ...before, ...patch };
  if (next.windowStart && next.windowEnd && next.windowStart > next.windowEnd) {
    throw new AppError(
      'INVALID_INPUT',
      `测评期间的开始日期（${next.windowStart}）晚于结束日期（${next.windowEnd}），请改正。`,
    );
  }
  project.db.transaction(() => {
    project.db
      .prepare(
        'UPDATE systems SET name = ?, edition = ?, window_start = ?, window_end = ?, level_names = ? WHERE id = ?',
      )
      .run(next.name, next.edition, next.windowStart, next.windowEnd, JSON.stringify(next.levelNames), id);
    project.audit({ action: 'system.update', entity: 'system', entityId: id, detail: { before, patch } });
  })();
  return getSystem(project.db, id);
}

/** Deletes a system and its indicators. Materials stay; only their links to these indicators go. */
export function deleteSystem(project: Project, id: number): { removedLinks: number } {
  const sys = getSystem(project.db, id);
  return project.db.transaction(() => {
    const removedLinks = (
      project.db
        .prepare(
          'SELECT count(*) AS n FROM material_links WHERE indicator_id IN (SELECT id FROM indicators WHERE system_id = ?)',
        )
        .get(id) as { n: number }
    ).n;
    project.db.prepare('DELETE FROM systems WHERE id = ?').run(id);
    project.audit({
      action: 'system.delete',
      entity: 'system',
      entityId: id,
      detail: { name: sys.name, indicators: sys.indicatorCount, removedLinks },
    });
    return { removedLinks };
  })();
}

const PATCH_COLUMNS: Record<keyof IndicatorPatch, (v: never) => [string, unknown]> = {
  code: (v: string) => ['code', v],
  title: (v: string) => ['title', v],
  content: (v: string) => ['content', v],
  methods: (v: string[]) => ['methods', JSON.stringify(v)],
  score: (v: number | null) => ['score', v],
  requirement: (v: string) => ['requirement', v],
  rules: (v: Rule[]) => ['rules', JSON.stringify(v)],
  applicable: (v: boolean) => ['applicable', v ? 1 : 0],
  leadUnit: (v: string) => ['lead_unit', v],
  respUnit: (v: string) => ['resp_unit', v],
  collectorId: (v: number | null) => ['collector_id', v],
  reviewerId: (v: number | null) => ['reviewer_id', v],
  deadline: (v: string) => ['deadline', v || null],
};

export function updateIndicator(project: Project, id: number, patch: IndicatorPatch): IndicatorNode {
  const before = getIndicator(project.db, id);
  const sets = (Object.keys(patch) as (keyof IndicatorPatch)[])
    .filter((k) => patch[k] !== undefined)
    .map((k) => PATCH_COLUMNS[k](patch[k] as never));
  if (sets.length === 0) return before;
  project.db.transaction(() => {
    project.db
      .prepare(`UPDATE indicators SET ${sets.map(([col]) => `${col} = ?`).join(', ')} WHERE id = ?`)
      .run(...sets.map(([, v]) => v), id);
    project.audit({ action: 'indicator.update', entity: 'indicator', entityId: id, detail: { patch } });
  })();
  return getIndicator(project.db, id);
}

/** 个性指标: marks indicators (and their subtrees) as applying to this unit or not. */
export function setApplicable(project: Project, ids: number[], applicable: boolean): { changed: number } {
  return project.db.transaction(() => {
    const stmt = project.db.prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT i.id FROM indicators i JOIN sub ON i.parent_id = sub.id)
       UPDATE indicators SET applicable = ? WHERE id IN (SELECT id FROM sub) AND applicable != ?`,
    );
    let changed = 0;
    for (const id of ids) changed += stmt.run(id, applicable ? 1 : 0, applicable ? 1 : 0).changes;
    project.audit({ action: 'indicator.applicable', entity: 'indicator', detail: { ids, applicable, changed } });
    return { changed };
  })();
}

/** A system as the app's own JSON file: the same drafts an import produces, so it round-trips. */
export function toSystemFile(db: Database, systemId: number): SystemFile {
  const sys = getSystem(db, systemId);
  const nodes = getIndicators(db, systemId);
  return {
    format: SYSTEM_FILE_FORMAT,
    version: 1,
    system: {
      name: sys.name,
      edition: sys.edition,
      windowStart: sys.windowStart,
      windowEnd: sys.windowEnd,
      levelNames: sys.levelNames,
    },
    indicators: nodes.map((n) => ({
      key: `i${n.id}`,
      parentKey: n.parentId === null ? null : `i${n.parentId}`,
      level: n.level,
      code: n.code,
      codeGenerated: false,
      title: n.title,
      content: n.content,
      methods: n.methods,
      score: n.score,
      requirement: n.requirement,
      rules: n.rules,
      applicable: n.applicable,
      leadUnit: n.leadUnit,
      respUnit: n.respUnit,
      collector: n.collector,
      reviewer: n.reviewer,
      deadline: n.deadline,
      sourceRow: n.sourceRow,
    })),
  };
}
