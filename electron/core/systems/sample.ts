import * as XLSX from '@e965/xlsx';
import { suggestRules } from '../../../shared/systems/rule-suggest';
import type { IndicatorDraft } from '../../../shared/systems/model';
import { SAMPLE_SYSTEM } from '../../../shared/systems/sample-system';
import type { Project } from '../project/project';
import { insertSystem } from './system-repo';

/*
 * The built-in sample system: the data in shared/systems/sample-system.ts, and the .xlsx
 * it "comes from", laid out the way city offices send theirs (title row, two-row header,
 * upper levels merged over their children, a footnote) so users see what the importer
 * expects, and tests prove that layout imports back to exactly the data.
 */

export const SAMPLE_WORKBOOK_NAME = '示例测评体系.xlsx';

/** The sample with its evidence rules suggested from 材料要求, as an import would. */
export function sampleDrafts(): IndicatorDraft[] {
  return SAMPLE_SYSTEM.indicators.map((d) => ({ ...d, rules: suggestRules(d.requirement) }));
}

export function importSample(project: Project): { systemId: number; indicatorCount: number } {
  const drafts = sampleDrafts();
  const systemId = insertSystem(project, SAMPLE_SYSTEM.system, drafts, '内置示例');
  return { systemId, indicatorCount: drafts.length };
}

const HEADER = [
  '测评项目',
  '测评内容',
  '测评标准',
  '指标内容',
  '测评方法',
  '分值',
  '材料要求',
  '牵头单位',
  '责任单位',
  '责任人',
  '审核人',
  '完成时限',
  '是否适用',
];

export function sampleWorkbook(): Buffer {
  const { system, indicators } = SAMPLE_SYSTEM;
  const width = HEADER.length;
  const rows: (string | number)[][] = [
    [`${system.name}任务分解表（${system.edition}）`],
    ['测评指标', '', '', ...HEADER.slice(3)],
    [...HEADER.slice(0, 3)],
  ];
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: 2 } },
    ...HEADER.slice(3).map((_, i) => ({ s: { r: 1, c: i + 3 }, e: { r: 2, c: i + 3 } })),
  ];
  const label = (d: IndicatorDraft) => `${d.code} ${d.title}`;
  /** Start row of the open merge per level column, closed when the next sibling starts. */
  const open: (number | null)[] = [null, null, null];
  const close = (level: number, lastRow: number) => {
    for (let l = level; l <= 3; l++) {
      const start = open[l - 1];
      if (start !== null && start !== undefined && lastRow > start) {
        merges.push({ s: { r: start, c: l - 1 }, e: { r: lastRow, c: l - 1 } });
      }
      open[l - 1] = null;
    }
  };
  const byKey = new Map(indicators.map((d) => [d.key, d]));
  for (const d of indicators) {
    const r = rows.length;
    close(d.level, r - 1);
    open[d.level - 1] = r;
    const row: (string | number)[] = new Array<string>(width).fill('');
    for (let p: IndicatorDraft | undefined = d; p; p = p.parentKey ? byKey.get(p.parentKey) : undefined) {
      row[p.level - 1] = label(p);
    }
    const hasOwnFields = d.level === 3 || d.score !== null || d.reviewer !== '';
    if (d.level < 3 && !hasOwnFields) continue; // shown only through its merged cell
    if (d.level < 3) for (let l = d.level + 1; l <= 3; l++) row[l - 1] = '';
    row[3] = d.content;
    row[4] = d.methods.join('、');
    row[5] = d.score ?? '';
    row[6] = d.requirement;
    row[7] = d.leadUnit;
    row[8] = d.respUnit;
    row[9] = d.collector;
    row[10] = d.reviewer;
    row[11] = d.deadline;
    row[12] = d.applicable ? '是' : '否';
    rows.push(row);
  }
  close(1, rows.length - 1);
  const foot = rows.length;
  rows.push(['注：本表为台账通内置示例，内容为虚构，仅用于演示导入格式。']);
  merges.push({ s: { r: foot, c: 0 }, e: { r: foot, c: width - 1 } });
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = merges;
  ws['!cols'] = HEADER.map((h) => ({ wch: h === '材料要求' || h === '指标内容' ? 40 : 16 }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '测评体系');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
