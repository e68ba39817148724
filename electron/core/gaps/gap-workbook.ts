import * as XLSX from '@e965/xlsx';
import { GAP_STATUS_LABELS, type GapIndicator, type GapResult, type GapStatus } from '../../../shared/gaps/model';

/*
 * The gap report as an Excel workbook: 汇总 (totals), 全部问题 (one row per finding, with
 * who is responsible), and one sheet per 收集人 so each person can be handed their own list.
 */

export type GapReportFilter = {
  /** 收集人 or 审核人 name. */
  person?: string;
  /** Part of the 牵头单位 or 责任单位. */
  unit?: string;
  statuses?: GapStatus[];
};

export type GapReportRow = {
  code: string;
  title: string;
  status: GapStatus;
  rule: string;
  period: string;
  need: number;
  have: number;
  message: string;
  collector: string;
  reviewer: string;
  unit: string;
};

/** What each rule or check is called in the report. */
export const RULE_LABELS: Record<string, string> = {
  count: '数量',
  periodic: '按周期',
  event: '按节日/活动',
  docType: '材料类型',
  package: '活动材料齐全',
  evidence: '有无材料',
  window: '测评期间',
  placeholder: '未填写的占位符',
  responsibility: '责任人',
  deadline: '完成时限',
  incomplete: '待补充',
  invalidRule: '规则设置',
};

export function gapReportRows(
  result: GapResult,
  indicators: GapIndicator[],
  units: Map<number, string>,
  filter: GapReportFilter = {},
): GapReportRow[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const rows: GapReportRow[] = [];
  for (const r of result.indicators) {
    const ind = byId.get(r.id)!;
    const unit = units.get(r.id) ?? '';
    if (filter.person && ind.collector !== filter.person && ind.reviewer !== filter.person) continue;
    if (filter.unit && !unit.includes(filter.unit)) continue;
    if (filter.statuses && !filter.statuses.includes(r.status)) continue;
    for (const f of r.findings) {
      rows.push({
        code: r.code,
        title: r.title,
        status: r.status,
        rule: RULE_LABELS[f.rule] ?? f.rule,
        period: f.period,
        need: f.need,
        have: f.have,
        message: f.message,
        collector: ind.collector,
        reviewer: ind.reviewer,
        unit,
      });
    }
  }
  return rows;
}

const HEADERS = [
  '指标编码',
  '指标名称',
  '状态',
  '规则',
  '期间',
  '需要',
  '现有',
  '说明',
  '收集人',
  '审核人',
  '责任单位',
];
const WIDTHS = [10, 30, 8, 12, 26, 6, 6, 60, 10, 10, 24];

function sheetOf(rows: GapReportRow[]): XLSX.WorkSheet {
  const aoa = [
    HEADERS,
    ...rows.map((r) => [
      r.code,
      r.title,
      GAP_STATUS_LABELS[r.status],
      r.rule,
      r.period,
      r.need,
      r.have,
      r.message,
      r.collector,
      r.reviewer,
      r.unit,
    ]),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet['!cols'] = WIDTHS.map((wch) => ({ wch }));
  sheet['!autofilter'] = { ref: `A1:K${aoa.length}` };
  return sheet;
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters; names must be unique. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '未命名';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}(${n})`;
  taken.add(name);
  return name;
}

export function gapWorkbook(
  result: GapResult,
  rows: GapReportRow[],
  meta: { unitName: string; systemName: string; window: string; generatedAt: string },
): Buffer {
  const book = XLSX.utils.book_new();
  const taken = new Set<string>();
  const s = result.summary;
  const summary = XLSX.utils.aoa_to_sheet([
    ['查漏补缺报告'],
    ['单位', meta.unitName],
    ['测评体系', meta.systemName],
    ['测评期间', meta.window],
    ['生成时间', meta.generatedAt],
    [],
    ['状态', '指标数'],
    ...(['complete', 'partial', 'missing', 'none'] as const).map((k) => [GAP_STATUS_LABELS[k], s[k]]),
    [],
    ['问题条数', rows.length],
  ]);
  summary['!cols'] = [{ wch: 12 }, { wch: 40 }];
  XLSX.utils.book_append_sheet(book, summary, sheetName('汇总', taken));
  XLSX.utils.book_append_sheet(book, sheetOf(rows), sheetName('全部问题', taken));
  const byPerson = new Map<string, GapReportRow[]>();
  for (const r of rows) {
    const who = r.collector || '未指定收集人';
    const list = byPerson.get(who) ?? [];
    list.push(r);
    byPerson.set(who, list);
  }
  for (const [who, list] of [...byPerson].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) {
    XLSX.utils.book_append_sheet(book, sheetOf(list), sheetName(who, taken));
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
