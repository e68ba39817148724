import * as XLSX from '@e965/xlsx';
import type { ColumnMapping, FieldRole, SystemFile, SystemMeta } from '../../../shared/systems/model';
import type { Table } from './read-table';

/*
 * Export of a system as .xlsx in a layout people can read and edit in Excel (one row per
 * indicator, ancestors repeated so filters work) plus a 体系信息 sheet with what the rows
 * cannot hold. Importing that file again gives back exactly the same system.
 */

const LEVEL_DIGITS = ['一', '二', '三', '四'];
const MAIN_SHEET = '测评体系';
const INFO_SHEET = '体系信息';
const INFO_MARKER = '台账通测评体系';

/** Field columns after the level columns, in order, with their headers. */
const FIELD_COLUMNS: [FieldRole, string][] = [
  ['content', '测评内容'],
  ['methods', '测评方法'],
  ['score', '分值'],
  ['requirement', '材料要求'],
  ['leadUnit', '牵头单位'],
  ['respUnit', '责任单位'],
  ['responsible', '责任人'],
  ['reviewer', '审核人'],
  ['deadline', '完成时限'],
  ['applicable', '是否适用'],
  ['rules', '检查规则'],
];

function levelColumns(levels: number): [FieldRole, string][] {
  const cols: [FieldRole, string][] = [];
  for (let l = 1; l <= levels; l++) {
    cols.push([`code${l}` as FieldRole, `${LEVEL_DIGITS[l - 1]}级编码`]);
    cols.push([`level${l}` as FieldRole, `${LEVEL_DIGITS[l - 1]}级指标`]);
  }
  return cols;
}

export function systemWorkbook(file: SystemFile): Buffer {
  const levels = Math.max(2, ...file.indicators.map((d) => d.level));
  const columns = [...levelColumns(levels), ...FIELD_COLUMNS];
  const byKey = new Map(file.indicators.map((d) => [d.key, d]));
  const rows: (string | number)[][] = [columns.map(([, header]) => header)];
  for (const d of file.indicators) {
    const path = [d];
    for (let p = d.parentKey; p !== null; p = byKey.get(p)?.parentKey ?? null) path.unshift(byKey.get(p)!);
    const values: Partial<Record<FieldRole, string | number>> = {
      content: d.content,
      methods: d.methods.join('、'),
      score: d.score ?? '',
      requirement: d.requirement,
      leadUnit: d.leadUnit,
      respUnit: d.respUnit,
      responsible: d.collector,
      reviewer: d.reviewer,
      deadline: d.deadline,
      applicable: d.applicable ? '是' : '否',
      rules: d.rules.length ? JSON.stringify(d.rules) : '',
    };
    path.forEach((node, i) => {
      values[`code${i + 1}` as FieldRole] = node.code;
      values[`level${i + 1}` as FieldRole] = node.title;
    });
    rows.push(columns.map(([role]) => values[role] ?? ''));
  }
  const main = XLSX.utils.aoa_to_sheet(rows);
  main['!cols'] = columns.map(([role]) => ({ wch: role.startsWith('code') ? 8 : role === 'requirement' ? 40 : 16 }));
  const meta = file.system;
  const info = XLSX.utils.aoa_to_sheet([
    [INFO_MARKER, '请勿修改本工作表的格式；“测评体系”工作表可以在 Excel 中编辑后重新导入。'],
    ['名称', meta.name],
    ['版本', meta.edition],
    ['测评期间开始', meta.windowStart ?? ''],
    ['测评期间结束', meta.windowEnd ?? ''],
    ['层级名称', ...meta.levelNames],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, main, MAIN_SHEET);
  XLSX.utils.book_append_sheet(wb, info, INFO_SHEET);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/**
 * Recognises a workbook this app exported: returns the sheet to read, its exact mapping and
 * the system's name, edition and window, so nothing has to be guessed on the way back in.
 */
export function readOwnExport(table: Table): { sheet: number; mapping: ColumnMapping; meta: SystemMeta } | null {
  const info = table.sheets.find((s) => s.name === INFO_SHEET);
  const sheet = table.sheets.findIndex((s) => s.name === MAIN_SHEET);
  if (!info || sheet < 0 || info.rows[0]?.[0] !== INFO_MARKER) return null;
  const field = (label: string) => info.rows.find((r) => r[0] === label)?.slice(1) ?? [];
  const byHeader = new Map<string, FieldRole>([...levelColumns(4), ...FIELD_COLUMNS].map(([r, h]) => [h, r]));
  const header = table.sheets[sheet]!.rows[0] ?? [];
  return {
    sheet,
    mapping: { headerStart: 1, headerEnd: 1, columns: header.map((h) => byHeader.get(h.trim()) ?? null) },
    meta: {
      name: field('名称')[0] ?? '',
      edition: field('版本')[0] ?? '',
      windowStart: field('测评期间开始')[0] || null,
      windowEnd: field('测评期间结束')[0] || null,
      levelNames: field('层级名称').filter((n) => n !== ''),
    },
  };
}
