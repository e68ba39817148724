import type { Database } from 'better-sqlite3';
import type { CalendarEvent, GapIndicator, GapInput, GapItem } from '../../../shared/gaps/model';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { getIndicators, getSystem } from '../systems/system-repo';

/*
 * The gap checker's input, read from the project database for one system: its indicators
 * in tree order, the items linked to them (never trashed ones), the assessment window and
 * the office's own calendar events. The checker itself (shared/gaps) sees plain data only.
 */

/** 审核人 is set per top-level indicator and 收集人 may be set on a branch: leaves inherit both. */
function withInherited(nodes: IndicatorNode[]): Map<number, { collector: string; reviewer: string }> {
  const out = new Map<number, { collector: string; reviewer: string }>();
  for (const n of nodes) {
    const parent = n.parentId === null ? undefined : out.get(n.parentId);
    out.set(n.id, {
      collector: n.collector || parent?.collector || '',
      reviewer: n.reviewer || parent?.reviewer || '',
    });
  }
  return out;
}

export function readCalendarEvents(db: Database): (CalendarEvent & { id: number; note: string })[] {
  return db.prepare('SELECT id, name, date, note FROM calendar_events ORDER BY date, id').all() as (CalendarEvent & {
    id: number;
    note: string;
  })[];
}

export function gapInputFor(db: Database, systemId: number, today: string): GapInput {
  const system = getSystem(db, systemId);
  const nodes = getIndicators(db, systemId);
  const people = withInherited(nodes);
  const links = db
    .prepare(
      `SELECT l.indicator_id AS indicatorId, l.material_id AS itemId
       FROM material_links l JOIN indicators i ON i.id = l.indicator_id
       JOIN materials m ON m.id = l.material_id
       WHERE i.system_id = ? AND m.deleted_at IS NULL
       ORDER BY l.indicator_id, l.sort, l.material_id`,
    )
    .all(systemId) as { indicatorId: number; itemId: number }[];
  const itemIdsOf = new Map<number, number[]>();
  for (const l of links) {
    const list = itemIdsOf.get(l.indicatorId) ?? [];
    list.push(l.itemId);
    itemIdsOf.set(l.indicatorId, list);
  }
  const items = db
    .prepare(
      `SELECT id, title, doc_no AS docNo, date, type, status, activity FROM materials m
       WHERE m.deleted_at IS NULL AND EXISTS (
         SELECT 1 FROM material_links l JOIN indicators i ON i.id = l.indicator_id
         WHERE l.material_id = m.id AND i.system_id = ?)`,
    )
    .all(systemId) as GapItem[];
  const indicators: GapIndicator[] = nodes.map((n) => ({
    id: n.id,
    parentId: n.parentId,
    code: n.code,
    title: n.title,
    applicable: n.applicable,
    methods: n.methods,
    rules: n.rules,
    collector: people.get(n.id)!.collector,
    reviewer: people.get(n.id)!.reviewer,
    deadline: n.deadline,
    itemIds: itemIdsOf.get(n.id) ?? [],
  }));
  return {
    indicators,
    items,
    window: { start: system.windowStart, end: system.windowEnd },
    customEvents: readCalendarEvents(db).map(({ name, date }) => ({ name, date })),
    today,
  };
}
