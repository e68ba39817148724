import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/result';
import type { ReviewItem, ReviewMark, ReviewVerdict } from '../../../shared/ipc/contract-review';
import { STATUS_LABELS, type Material, type MaterialStatus } from '../../../shared/materials/api-types';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { getMaterial } from '../materials/material-repo';
import type { Project } from '../project/project';
import { getIndicator, getIndicators } from '../systems/system-repo';
import { notify } from './notifications';

/*
 * Reviewer mode: an indicator's evidence in the order it will be bound, and the reviewer's
 * verdict on each item. The order is the binder's (electron/core/binder/plan.ts): tree order,
 * then the user's order (material_links.sort), then date (undated last), then item number;
 * without items 已剔除 or in the trash, and without indicators that do not apply to the unit.
 * Unlike a volume, an item linked to several indicators of the subtree is shown once, at its
 * first place: a reviewer judges an item once.
 */

type MarkRow = {
  material_id: number;
  verdict: ReviewVerdict;
  comment: string;
  indicator_id: number | null;
  reviewed_by: string;
  reviewed_at: string;
};

const toMark = (r: MarkRow): ReviewMark => ({
  verdict: r.verdict,
  comment: r.comment,
  by: r.reviewed_by,
  at: r.reviewed_at,
  indicatorId: r.indicator_id,
});

/** The root and the indicators under it that apply, in tree order. */
function subtree(nodes: IndicatorNode[], rootId: number): IndicatorNode[] {
  const inside = new Set<number>([rootId]);
  const out: IndicatorNode[] = [];
  for (const n of nodes) {
    // Tree order: a parent is always met before its children.
    if (n.id === rootId) out.push(n);
    else if (n.parentId !== null && inside.has(n.parentId) && n.applicable) {
      inside.add(n.id);
      out.push(n);
    }
  }
  return out;
}

function markOf(db: Database, materialId: number): ReviewMark | null {
  const row = db.prepare('SELECT * FROM review_marks WHERE material_id = ?').get(materialId) as MarkRow | undefined;
  return row ? toMark(row) : null;
}

/** The evidence of an indicator and its subtree, in binding order, each item once, with its latest verdict. */
export function reviewItems(db: Database, indicatorId: number): ReviewItem[] {
  const root = getIndicator(db, indicatorId);
  const nodes = subtree(getIndicators(db, root.systemId), root.id);
  const position = new Map(nodes.map((n, i) => [n.id, i]));
  const rows = db
    .prepare(
      `SELECT l.indicator_id, m.id
       FROM material_links l JOIN materials m ON m.id = l.material_id
       WHERE l.indicator_id IN (SELECT value FROM json_each(?)) AND m.deleted_at IS NULL AND m.status <> 'rejected'
       ORDER BY l.sort, m.date IS NULL, m.date, m.id`,
    )
    .all(JSON.stringify(nodes.map((n) => n.id))) as { indicator_id: number; id: number }[];
  // Stable sort: within an indicator the SQL order stays.
  rows.sort((a, b) => position.get(a.indicator_id)! - position.get(b.indicator_id)!);
  const seen = new Set<number>();
  const marks = new Map(
    (
      db
        .prepare('SELECT * FROM review_marks WHERE material_id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(rows.map((r) => r.id))) as MarkRow[]
    ).map((r) => [r.material_id, toMark(r)]),
  );
  const out: ReviewItem[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ material: getMaterial(db, r.id), indicatorId: r.indicator_id, review: marks.get(r.id) ?? null });
  }
  return out;
}

/**
 * The 收集人 to tell about an item: for each indicator it is linked to (those under `scopeId`
 * when it has any there), the indicator's own collector, else the nearest ancestor's.
 * Null in the list stands for "no one set" (the message still goes out, to no one in particular).
 */
function collectorsFor(
  db: Database,
  material: Material,
  scopeId: number | undefined,
): { id: number | null; name: string; indicatorId: number }[] {
  let linked = material.indicatorIds;
  if (scopeId !== undefined) {
    const root = getIndicator(db, scopeId);
    const inScope = new Set(subtree(getIndicators(db, root.systemId), root.id).map((n) => n.id));
    const under = linked.filter((id) => inScope.has(id));
    if (under.length) linked = under;
    else if (!linked.length) linked = [scopeId];
  }
  const parentOf = db.prepare('SELECT parent_id, collector_id FROM indicators WHERE id = ?');
  const nameOf = db.prepare('SELECT name FROM people WHERE id = ?');
  const out = new Map<number | null, { id: number | null; name: string; indicatorId: number }>();
  for (const indicatorId of linked) {
    let person: number | null = null;
    for (let at: number | null = indicatorId; at !== null && person === null;) {
      const row = parentOf.get(at) as { parent_id: number | null; collector_id: number | null } | undefined;
      if (!row) break;
      person = row.collector_id;
      at = row.parent_id;
    }
    if (out.has(person)) continue;
    const name = person === null ? '' : ((nameOf.get(person) as { name: string } | undefined)?.name ?? '');
    out.set(person, { id: person, name, indicatorId });
  }
  // Someone named beats "no one set" when the item serves several indicators.
  if (out.size > 1) out.delete(null);
  return [...out.values()];
}

/** What 合格 does to the status: it confirms the item as evidence without undoing later work. */
function statusAfterOk(status: MaterialStatus): MaterialStatus {
  return status === 'collected' || status === 'incomplete' || status === 'rejected' ? 'selected' : status;
}

/**
 * Records a verdict. 合格: the item is confirmed (收集 / 待补充 → 已甄选; 已甄选 and 已整理 stay).
 * 需补充: the item becomes 待补充 with the comment as what is missing, and its 收集人 get a
 * notification. All in one transaction, with the verdict and any status change in the history.
 */
export function markItem(
  project: Project,
  input: { itemId: number; verdict: ReviewVerdict; comment: string; indicatorId?: number },
): { material: Material; review: ReviewMark; notified: string[] } {
  const comment = input.comment.trim();
  if (input.verdict === 'needs' && !comment) {
    throw new AppError('INVALID_INPUT', '标为“需补充”时，请写明还缺什么，收集人会收到这条意见。');
  }
  const { db } = project;
  if (input.indicatorId !== undefined) getIndicator(db, input.indicatorId);
  const before = getMaterial(db, input.itemId);
  if (before.deletedAt) {
    throw new AppError('CONFLICT', `《${before.title}》已在回收站中，不能审阅。请先恢复它。`);
  }
  const notified: string[] = [];
  db.transaction(() => {
    const now = new Date().toISOString();
    const status: MaterialStatus = input.verdict === 'needs' ? 'incomplete' : statusAfterOk(before.status);
    // 合格 clears a 待补充 note (it is kept in the history); otherwise the note stays as it was.
    const statusComment =
      input.verdict === 'needs' ? comment : before.status === 'incomplete' ? '' : before.statusComment;
    if (status !== before.status || statusComment !== before.statusComment) {
      db.prepare('UPDATE materials SET status = ?, status_comment = ?, updated_at = ? WHERE id = ?').run(
        status,
        statusComment,
        now,
        before.id,
      );
      project.audit({
        action: 'material.status',
        entity: 'material',
        entityId: before.id,
        detail: { from: before.status, to: status, label: STATUS_LABELS[status], comment: statusComment },
      });
    }
    db.prepare(
      `INSERT INTO review_marks (material_id, verdict, comment, indicator_id, reviewed_by, reviewed_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (material_id) DO UPDATE SET verdict = excluded.verdict, comment = excluded.comment,
         indicator_id = excluded.indicator_id, reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at`,
    ).run(before.id, input.verdict, comment, input.indicatorId ?? null, project.userName, now);
    project.audit({
      action: 'material.review',
      entity: 'material',
      entityId: before.id,
      detail: {
        verdict: input.verdict,
        label: input.verdict === 'ok' ? '合格' : '需补充',
        comment,
        indicatorId: input.indicatorId ?? null,
      },
    });
    if (input.verdict === 'needs') {
      for (const person of collectorsFor(db, before, input.indicatorId)) {
        notify(project, {
          kind: 'review.needs',
          personId: person.id,
          personName: person.name,
          materialId: before.id,
          indicatorId: person.indicatorId,
          title: `《${before.title}》需补充`,
          body: comment,
        });
        notified.push(person.name || '（未指定收集人）');
      }
    }
  })();
  return { material: getMaterial(db, before.id), review: markOf(db, before.id)!, notified };
}
