import type { Database } from 'better-sqlite3';
import dayjs from 'dayjs';
import { evaluateGaps } from '../../../shared/gaps/evaluate';
import type { GapInput, GapResult } from '../../../shared/gaps/model';
import { getIndicators, getSystem } from '../systems/system-repo';
import { gapInputFor } from './gap-input';
import { gapReportPdf } from './gap-pdf';
import { gapReportRows, gapWorkbook, type GapReportFilter } from './gap-workbook';

/*
 * 查漏补缺 for one system, fresh from the database each time: evaluation takes milliseconds
 * (see the bench), so there is no cache to go stale after an edit, a link or an import.
 */

export const todayIso = (): string => dayjs().format('YYYY-MM-DD');

export function checkGaps(db: Database, systemId: number, today = todayIso()): { input: GapInput; result: GapResult } {
  const input = gapInputFor(db, systemId, today);
  return { input, result: evaluateGaps(input) };
}

/** The first system of the project (the usual case: one system), for commands that default to it. */
export function defaultSystemId(db: Database): number | null {
  return (db.prepare('SELECT id FROM systems ORDER BY sort, id LIMIT 1').pluck().get() as number | undefined) ?? null;
}

export type GapReportFormat = 'xlsx' | 'pdf';

/** The gap report as a file: .xlsx to work through in Excel, or a printable PDF. */
export async function gapReport(
  db: Database,
  systemId: number,
  format: GapReportFormat,
  filter: GapReportFilter = {},
  today = todayIso(),
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const system = getSystem(db, systemId);
  const { input, result } = checkGaps(db, systemId, today);
  const units = new Map(
    getIndicators(db, systemId).map((n) => [n.id, [n.leadUnit, n.respUnit].filter(Boolean).join('；')]),
  );
  const rows = gapReportRows(result, input.indicators, units, filter);
  const meta = {
    unitName: (db.prepare('SELECT name FROM project').pluck().get() as string | undefined) ?? '',
    systemName: `${system.name}${system.edition ? `（${system.edition}）` : ''}`,
    window:
      system.windowStart || system.windowEnd ? `${system.windowStart ?? '…'} 至 ${system.windowEnd ?? '…'}` : '未设置',
    generatedAt: dayjs().format('YYYY-MM-DD HH:mm'),
  };
  const base = `查漏补缺报告-${system.name.replace(/[\\/:*?"<>|]/g, '_')}-${today}`;
  if (format === 'pdf') return { fileName: `${base}.pdf`, bytes: await gapReportPdf(result, rows, meta) };
  return { fileName: `${base}.xlsx`, bytes: gapWorkbook(result, rows, meta) };
}
