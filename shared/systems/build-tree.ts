import { cleanCode, generateCodes, splitCode } from './codes';
import {
  newDraft,
  ruleSchema,
  type ColumnMapping,
  type FieldRole,
  type IndicatorDraft,
  type Rule,
  type RowIssue,
} from './model';
import { cleanCell, oneLine, toHalfWidth } from './normalize';
import { z } from 'zod';
import { suggestRules } from './rule-suggest';

/*
 * Turns the rows of a sheet (merged cells already filled) into an indicator tree. One rule
 * covers the layouts offices send: a row defines the node of its deepest non-empty level
 * column; empty level cells above it mean "same as the row above" (left blank or merged);
 * the row's other columns belong to that node. So one row per leaf with merged parents,
 * parents left blank, and one row per node (parents with their own 分值) all read alike.
 */

const FOOTNOTE = /^(?:注|备注|说明|填表说明|附注|附件|\*|※)/;
const NOT_APPLICABLE = /^(?:否|不适用|N|NO|×|✗|✘|0)$/i;
const rulesSchema = z.array(ruleSchema);

type LevelColumn = { col: number; codeCol: number | null };

function levelColumns(mapping: ColumnMapping): LevelColumn[] {
  const out: LevelColumn[] = [];
  for (let l = 1; l <= 4; l++) {
    const col = mapping.columns.indexOf(`level${l}` as FieldRole);
    if (col < 0) continue;
    const codeCol = mapping.columns.indexOf(`code${l}` as FieldRole);
    out.push({ col, codeCol: codeCol < 0 ? null : codeCol });
  }
  return out;
}

function isFootnote(cells: string[]): boolean {
  const texts = new Set(cells.filter(Boolean));
  return texts.size === 1 && FOOTNOTE.test([...texts][0]!);
}

/** 5 / 5分 / 5.5 → number; '' → null; anything else → undefined (a row problem). */
function parseScore(text: string): number | null | undefined {
  const t = toHalfWidth(text).replace(/\s/g, '').replace(/分$/, '');
  if (!t) return null;
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Dates as ISO; a month alone means its last day; Excel serials (as text) converted; other text kept. */
export function parseDeadline(text: string): string {
  const t = toHalfWidth(text).trim();
  if (!t) return '';
  const full = t.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (full) return `${full[1]}-${pad(Number(full[2]))}-${pad(Number(full[3]))}`;
  const month = t.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:底|末)?$/);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    return `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`;
  }
  if (/^\d{5}$/.test(t)) {
    const serial = Number(t);
    if (serial > 30000 && serial < 80000) {
      const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    }
  }
  return t;
}

function splitMethods(text: string): string[] {
  const parts = cleanCell(text)
    .split(/[、,，/;；+＋\n]|和|及/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(parts)];
}

type RowFields = Omit<IndicatorDraft, 'key' | 'parentKey' | 'level' | 'code' | 'codeGenerated' | 'title' | 'sourceRow'>;

export function buildTree(
  sheetName: string,
  rows: string[][],
  mapping: ColumnMapping,
): { indicators: IndicatorDraft[]; issues: RowIssue[] } {
  const levels = levelColumns(mapping);
  const fieldCol = (role: FieldRole) => mapping.columns.indexOf(role);
  const hasRulesColumn = fieldCol('rules') >= 0;
  const issues: RowIssue[] = [];
  const drafts: IndicatorDraft[] = [];
  const byIdentity = new Map<string, IndicatorDraft>();
  /** The path of nodes the previous data row resolved to, for "same as above". */
  let previous: (IndicatorDraft | undefined)[] = [];

  const issue = (row: number, message: string) =>
    issues.push({ sheet: sheetName, row, message: `工作表“${sheetName}”第${row}行：${message}` });

  for (let r = mapping.headerEnd; r < rows.length; r++) {
    const rowNo = r + 1;
    const raw = rows[r] ?? [];
    const cells = raw.map((c) => cleanCell(c ?? ''));
    if (cells.every((c) => c === '') || isFootnote(cells)) continue;

    const levelTexts = levels.map((l) => cells[l.col] ?? '');
    const deepest = levelTexts.reduce((d, t, i) => (t ? i : d), -1);
    const cell = (role: FieldRole) => {
      const c = fieldCol(role);
      return c >= 0 ? (cells[c] ?? '') : '';
    };
    if (deepest < 0) {
      issue(rowNo, '没有指标名称（指标列都是空的）。请补上名称，或删除这一行。');
      continue;
    }
    // A text merged across the whole row (a section heading) fills every column; only the
    // level cell means something then.
    const spread = new Set(cells.filter(Boolean)).size === 1 && cells.filter(Boolean).length > 1;

    const path: IndicatorDraft[] = [];
    let broken = false;
    for (let i = 0; i <= deepest; i++) {
      const text = levelTexts[i]!;
      if (!text) {
        const above = previous[i];
        if (!above) {
          issue(rowNo, `第${i + 1}级指标是空的，上方也没有可沿用的指标。请补上这一格。`);
          broken = true;
          break;
        }
        path.push(above);
        continue;
      }
      const codeCol = levels[i]!.codeCol;
      const parsed =
        codeCol === null ? splitCode(text) : { code: cleanCode(cells[codeCol] ?? ''), title: oneLine(text) };
      const parentKey = i === 0 ? null : path[i - 1]!.key;
      const identity = `${parentKey ?? ''}|${parsed.code}|${parsed.title}`;
      let node = byIdentity.get(identity);
      if (!node) {
        node = newDraft({
          key: `n${drafts.length + 1}`,
          parentKey,
          level: i + 1,
          code: parsed.code,
          title: parsed.title || parsed.code,
          sourceRow: rowNo,
        });
        drafts.push(node);
        byIdentity.set(identity, node);
      }
      path.push(node);
    }
    if (broken) continue;
    previous = path;
    if (spread) continue;

    const target = path[path.length - 1]!;
    const fields = readFields(cell, hasRulesColumn, (m) => issue(rowNo, m));
    if (fields) Object.assign(target, fields);
  }
  return { indicators: generateCodes(drafts), issues };
}

function readFields(
  cell: (role: FieldRole) => string,
  hasRulesColumn: boolean,
  problem: (message: string) => void,
): Partial<RowFields> | null {
  const out: Partial<RowFields> = {};
  const scoreText = cell('score');
  const score = parseScore(scoreText);
  if (score === undefined) {
    problem(`分值“${scoreText}”不是数字。请写成 5 或 2.5 这样的数字。`);
    return null;
  }
  if (score !== null) out.score = score;
  const text = (role: FieldRole, key: keyof RowFields) => {
    const v = cell(role);
    if (v) (out as Record<string, unknown>)[key] = v;
  };
  text('content', 'content');
  text('requirement', 'requirement');
  text('leadUnit', 'leadUnit');
  text('respUnit', 'respUnit');
  const collector = oneLine(cell('responsible'));
  if (collector) out.collector = collector;
  const reviewer = oneLine(cell('reviewer'));
  if (reviewer) out.reviewer = reviewer;
  const methods = cell('methods');
  if (methods) out.methods = splitMethods(methods);
  const deadline = cell('deadline');
  if (deadline) out.deadline = parseDeadline(deadline);
  const applicable = cell('applicable');
  if (applicable) out.applicable = !NOT_APPLICABLE.test(applicable.trim());
  if (hasRulesColumn) {
    const rulesText = cell('rules');
    if (rulesText) {
      const rules = parseRules(rulesText);
      if (!rules) {
        problem('“检查规则”一格的内容无法识别（应是台账通导出的格式）。请清空这一格或从原导出文件复制。');
        return null;
      }
      out.rules = rules;
    }
  } else if (out.requirement) {
    out.rules = suggestRules(out.requirement);
  }
  return out;
}

function parseRules(text: string): Rule[] | null {
  try {
    const parsed = rulesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
