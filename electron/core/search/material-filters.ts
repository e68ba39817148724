import type { SearchFilters } from '../../../shared/ipc/contract-search';
import { itemsWithText } from './text-query';

/*
 * The filters of a material search, in two parts:
 *
 * - row conditions on `materials m` (type, status, dates, not in the trash), checked on each
 *   item read;
 * - sets of item ids (an indicator's subtree, a person, a unit, an activity), which
 *   material-search.ts intersects first and, when few, tests on the index rows before any
 *   item is read (reading an item costs more than everything else in a query).
 *
 * 责任者 and 活动 are matched through the search index (the same normal form as the text:
 * 團市委 finds 团市委) rather than LIKE, which would read every item. The person and unit
 * filters also follow the links: items under an indicator that person collects, or that
 * unit leads or answers for.
 */

export type SqlWhere = { sql: string; params: Record<string, unknown> };

export type FilterPlan = {
  /** Conditions on `m`, joined with AND; always excludes the trash. */
  row: SqlWhere;
  /** Each a `SELECT` of one column of item ids; an item must be in all of them. */
  sets: SqlWhere[];
};

/** "%…%" for LIKE, with the user's own % and _ taken literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Items linked to one of the indicators `indicatorSql` selects. */
const linkedTo = (indicatorSql: string) =>
  `SELECT l.material_id FROM material_links l WHERE l.indicator_id IN (${indicatorSql})`;

/**
 * `driving`: the row conditions may choose which items are read (a search without text);
 * with text the full-text index chooses, and the conditions are written so SQLite cannot
 * turn them around (`+m.type`): looking each item up in the full-text index is slower than
 * anything else it could do.
 */
export function planFilters(filters: SearchFilters | undefined, driving = false): FilterPlan {
  const row = ['m.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const sets: SqlWhere[] = [];
  const f = filters ?? {};
  if (f.types && f.types.length > 0) {
    row.push(`${driving ? '' : '+'}m.type IN (SELECT value FROM json_each(@f_types))`);
    params.f_types = JSON.stringify(f.types);
  }
  if (f.statuses && f.statuses.length > 0) {
    row.push('m.status IN (SELECT value FROM json_each(@f_statuses))');
    params.f_statuses = JSON.stringify(f.statuses);
  }
  // Dates may carry a time ("2024-04-10T09:30"); the day is what the filter means.
  if (f.dateFrom) {
    row.push('substr(m.date, 1, 10) >= @f_from');
    params.f_from = f.dateFrom;
  }
  if (f.dateTo) {
    row.push('substr(m.date, 1, 10) <= @f_to');
    params.f_to = f.dateTo;
  }
  if (f.indicatorId !== undefined) {
    sets.push({
      sql: linkedTo(`WITH RECURSIVE sub(id) AS (
          SELECT @f_indicator UNION SELECT i.id FROM indicators i JOIN sub ON i.parent_id = sub.id
        ) SELECT id FROM sub`),
      params: { f_indicator: f.indicatorId },
    });
  }
  if (f.person) {
    const responsible = itemsWithText(f.person, 'responsible', 'f_person');
    const collects = linkedTo(
      'SELECT i.id FROM indicators i WHERE i.collector_id IN (SELECT p.id FROM people p WHERE p.name = @f_person)',
    );
    sets.push({
      sql: responsible ? `${responsible.sql} UNION ${collects}` : collects,
      params: { ...responsible?.params, f_person: f.person },
    });
  }
  if (f.unit) {
    const responsible = itemsWithText(f.unit, 'responsible', 'f_unit');
    const answers = linkedTo(`SELECT i.id FROM indicators i
      WHERE i.lead_unit LIKE @f_unit ESCAPE '\\' OR i.resp_unit LIKE @f_unit ESCAPE '\\'
        OR i.collector_id IN (SELECT p.id FROM people p JOIN units u ON u.id = p.unit_id WHERE u.name LIKE @f_unit ESCAPE '\\')`);
    sets.push({
      sql: responsible ? `${responsible.sql} UNION ${answers}` : answers,
      params: { ...responsible?.params, f_unit: contains(f.unit) },
    });
  }
  if (f.activity) {
    const activity = itemsWithText(f.activity, 'activity', 'f_activity');
    sets.push(activity ?? { sql: 'SELECT NULL WHERE 0', params: {} });
  }
  return { row: { sql: row.join(' AND '), params }, sets };
}

/** Whether any filter narrows the search (the trash aside). */
export function hasFilters(filters: SearchFilters | undefined): boolean {
  const plan = planFilters(filters);
  return plan.sets.length > 0 || plan.row.sql !== 'm.deleted_at IS NULL';
}
