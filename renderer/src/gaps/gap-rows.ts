import type { GapIndicatorResult, GapResult, GapStatus } from '../../../shared/gaps/model';
import type { IndicatorNode } from '../../../shared/systems/api-types';

/** One leaf indicator in the dashboard's table. */
export type GapRow = {
  id: number;
  code: string;
  title: string;
  /** The branch it sits under ("A1.1 创建工作领导机构"), to tell same-named leaves apart. */
  parent: string;
  result: GapIndicatorResult;
  /** As the report names them: inherited from the branch or top level when the leaf has none. */
  collector: string;
  reviewer: string;
  /** 牵头单位；责任单位, what the unit filter searches. */
  unit: string;
};

export type GapFilter = {
  statuses: GapStatus[];
  /** 收集人 or 审核人, exactly. */
  person: string | null;
  /** Part of the 牵头单位 or 责任单位. */
  unit: string | null;
  /** Part of the code, title or a reason. */
  text: string;
};

/**
 * The leaves of the tree with their results and people. People and units are worked out the
 * way the core's report does (gap-input.ts, gap-workbook.ts), so what the table shows under
 * a filter is what 导出 writes.
 */
export function gapRows(indicators: IndicatorNode[], result: GapResult | null): GapRow[] {
  if (!result) return [];
  const byId = new Map(indicators.map((n) => [n.id, n]));
  const hasChildren = new Set(indicators.map((n) => n.parentId));
  const people = new Map<number, { collector: string; reviewer: string }>();
  // Tree order: parents come before their children, so each inherits from a finished parent.
  for (const n of indicators) {
    const parent = n.parentId === null ? undefined : people.get(n.parentId);
    people.set(n.id, {
      collector: n.collector || parent?.collector || '',
      reviewer: n.reviewer || parent?.reviewer || '',
    });
  }
  const rows: GapRow[] = [];
  for (const r of result.indicators) {
    const n = byId.get(r.id);
    if (!n || hasChildren.has(n.id)) continue;
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    rows.push({
      id: n.id,
      code: n.code,
      title: n.title,
      parent: parent ? `${parent.code} ${parent.title}`.trim() : '',
      result: r,
      ...people.get(n.id)!,
      unit: [n.leadUnit, n.respUnit].filter(Boolean).join('；'),
    });
  }
  return rows;
}

export function filterRows(rows: GapRow[], filter: GapFilter): GapRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      filter.statuses.includes(r.result.status) &&
      (!filter.person || r.collector === filter.person || r.reviewer === filter.person) &&
      (!filter.unit || r.unit.includes(filter.unit)) &&
      (!text ||
        `${r.code} ${r.title}`.toLowerCase().includes(text) ||
        r.result.findings.some((f) => f.message.toLowerCase().includes(text))),
  );
}

/** The names and units the filters offer, sorted as Chinese readers expect. */
export function filterOptions(rows: GapRow[]): { people: string[]; units: string[] } {
  const people = new Set<string>();
  const units = new Set<string>();
  for (const r of rows) {
    if (r.collector) people.add(r.collector);
    if (r.reviewer) people.add(r.reviewer);
  }
  for (const r of rows) for (const u of r.unit.split('；')) if (u.trim()) units.add(u.trim());
  const zh = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');
  return { people: [...people].sort(zh), units: [...units].sort(zh) };
}
