import { z } from 'zod';
import { cleanCode, generateCodes, splitCode } from './codes';
import {
  FIELD_ROLE_LABELS,
  MAX_LEVELS,
  newDraft,
  ruleSchema,
  type ColumnMapping,
  type FieldRole,
  type IndicatorDraft,
  type Rule,
  type RowIssue,
} from './model';
import { cleanCell, oneLine } from './normalize';
import { suggestRules } from './rule-suggest';

/*
 * Turns the rows of a sheet (merged cells already filled) into an indicator tree. One rule
 * covers the layouts offices send: a row defines the node of its deepest non-empty level
 * column; empty level cells above it mean "same as the row above" (left blank or merged);
 * the row's other columns belong to that node. So one row per leaf with merged parents,
 * parents left blank, and one row per node (parents with their own 分值) all read alike.
 *
 * A node is identified by its parent, code and title, so the upper levels repeated on every
 * row by a merge resolve to one node. A node's sourceRow is the first row that showed it:
 * its own row for a node that has one, the row of its first child for a parent that only
 * exists as a merged cell.
 */

/** Notes under (or between) the data: 注：…, 说明：…, 填表说明, 制表人：…, a leading *. */
const FOOTNOTE =
  /^(?:[（(]?注(?:意)?\s*\d*\s*[:：.．、)）]|注\s*\d|注$|备\s*注|说\s*明\s*[:：]|填表说明|填报说明|附注|附件\s*\d*\s*[:：]|[*※★]|制表|填表人|填报人|填报单位\s*[:：]|审核人\s*[:：]|联系人\s*[:：]|联系电话)/;
const NOT_APPLICABLE = /^(?:否|不适用|无需|N|NO|×|✗|✘|x|0)$/i;
const EMPTY_SCORE = /^(?:[-—–/\\]|无)$/;
const rulesSchema = z.array(ruleSchema);

type LevelColumn = { col: number; codeCol: number | null };
type Issue = (row: number, message: string) => void;

const columnName = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Every column given a role, by role, left to right. */
function columnsByRole(mapping: ColumnMapping): Map<FieldRole, number[]> {
  const out = new Map<FieldRole, number[]>();
  mapping.columns.forEach((role, col) => {
    if (role) out.set(role, [...(out.get(role) ?? []), col]);
  });
  return out;
}

/** Level columns in level order; a level the mapping skips (一级, 三级) closes up. */
function levelColumns(byRole: Map<FieldRole, number[]>): LevelColumn[] {
  const out: LevelColumn[] = [];
  for (let l = 1; l <= MAX_LEVELS; l++) {
    const col = byRole.get(`level${l}` as FieldRole)?.[0];
    if (col === undefined) continue;
    out.push({ col, codeCol: byRole.get(`code${l}` as FieldRole)?.[0] ?? null });
  }
  return out;
}

/** Roles whose several columns are read together (two 材料要求 columns both count). */
const JOINABLE = new Set<FieldRole>([
  'content',
  'methods',
  'requirement',
  'leadUnit',
  'respUnit',
  'responsible',
  'reviewer',
]);

/** A role given to two columns that can only hold one value: the first column is read. */
function duplicateRoleIssues(byRole: Map<FieldRole, number[]>, headerRow: number, issue: Issue): void {
  for (const [role, cols] of byRole) {
    if (cols.length < 2 || JOINABLE.has(role)) continue;
    const names = cols.map((c) => `第${columnName(c)}列`).join('和');
    issue(
      headerRow,
      `${names}都设成了“${FIELD_ROLE_LABELS[role]}”，只读取第${columnName(cols[0]!)}列。请在核对列时只保留一列。`,
    );
  }
}

const distinctTexts = (cells: string[]) => new Set(cells.filter(Boolean));

function isFootnote(cells: string[]): boolean {
  const texts = distinctTexts(cells);
  return texts.size === 1 && FOOTNOTE.test([...texts][0]!);
}

/** One text filled across several cells: a heading or a note merged over the whole row. */
function isSpread(cells: string[]): boolean {
  return distinctTexts(cells).size === 1 && cells.filter(Boolean).length > 1;
}

const sameCells = (a: string[], b: string[]) =>
  a.length > 0 && a.some(Boolean) && a.every((c, i) => c === (b[i] ?? '')) && b.slice(a.length).every((c) => !c);

/** 5 / 5分 / ５ / 5.5 / 10% → number; '' or a dash → null; anything else → undefined (a row problem). */
export function parseScore(text: string): number | null | undefined {
  const t = cleanCell(text).replace(/\s/g, '');
  if (!t || EMPTY_SCORE.test(t)) return null;
  const m = t.match(/^(\d+(?:\.\d+)?)(?:分|%)?$/);
  return m ? Number(m[1]) : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Words after a date that do not change it: "2026年3月5日前", "2026-03-05 00:00:00". */
const DATE_TAIL = '\\s*(?:前|之前|以前|止|底前)?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?';
const FULL_DATE = new RegExp(`^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?${DATE_TAIL}$`);
const MONTH_DATE = new RegExp(`^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?(?:底|末|份)?${DATE_TAIL}$`);
const YEAR_END = /^(\d{4})\s*年\s*(?:底|末|年底|年末)(?:前|之前)?$/;

/** Excel's 1900 date system counts from 1899-12-30 (it takes 1900 for a leap year). */
function fromExcelSerial(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * A 完成时限 as ISO (YYYY-MM-DD) when it names a day; a month alone ("2026年3月", "2026.03",
 * "2026年3月底") means its last day and "2026年底" means 12-31, because a deadline is met if the
 * work is done by then. Excel serial numbers that arrive as text ("46086") are converted.
 * Anything else ("长期坚持", "每季度", "3月底前") is kept as written.
 */
export function parseDeadline(text: string): string {
  const t = cleanCell(text);
  if (!t) return '';
  const full = t.match(FULL_DATE);
  if (full) return isoDate(Number(full[1]), Number(full[2]), Number(full[3])) ?? t;
  const month = t.match(MONTH_DATE);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}` : t;
  }
  const yearEnd = t.match(YEAR_END);
  if (yearEnd) return `${yearEnd[1]}-12-31`;
  if (/^\d{5}(?:\.\d+)?$/.test(t)) {
    const serial = Number(t);
    // 30000..80000 is 1982..2119: a date, not a count someone typed into the column.
    if (serial > 30000 && serial < 80000) return fromExcelSerial(serial);
  }
  return t;
}

/** Separators between methods; "以及" before "及" so it is not cut in half. */
const METHOD_SEPARATORS = ['以及', '、', ',', '，', '/', ';', '；', '+', '&', '\n', '和', '及'];
const OPEN = '（(【[《';
const CLOSE = '）)】]》';

/** "材料审核+实地考察、问卷调查" → three methods; text in brackets is never split. */
export function splitMethods(text: string): string[] {
  const s = cleanCell(text);
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    const sep = depth === 0 ? METHOD_SEPARATORS.find((x) => s.startsWith(x, i)) : undefined;
    if (sep) {
      parts.push(current);
      current = '';
      i += sep.length - 1;
    } else current += ch;
  }
  parts.push(current);
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
}

/** People as one line: names on separate lines become "张三、李四". */
const names = (text: string) =>
  cleanCell(text)
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join('、');

type RowFields = Omit<IndicatorDraft, 'key' | 'parentKey' | 'level' | 'code' | 'codeGenerated' | 'title' | 'sourceRow'>;

function parseRules(text: string): Rule[] | null {
  try {
    const parsed = rulesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The non-key fields a row gives its node; only what the row actually has, so merges keep earlier values. */
function readFields(
  cell: (role: FieldRole) => string,
  hasRulesColumn: boolean,
  problem: (message: string) => void,
): Partial<RowFields> {
  const out: Partial<RowFields> = {};
  const scoreText = cell('score');
  const score = parseScore(scoreText);
  if (score === undefined) problem(`分值“${scoreText}”不是数字。请写成 5 或 2.5 这样的数字。`);
  else if (score !== null) out.score = score;
  const content = cell('content');
  if (content) out.content = content;
  const requirement = cell('requirement');
  if (requirement) out.requirement = requirement;
  const leadUnit = cell('leadUnit');
  if (leadUnit) out.leadUnit = leadUnit;
  const respUnit = cell('respUnit');
  if (respUnit) out.respUnit = respUnit;
  const collector = names(cell('responsible'));
  if (collector) out.collector = collector;
  const reviewer = names(cell('reviewer'));
  if (reviewer) out.reviewer = reviewer;
  const methods = splitMethods(cell('methods'));
  if (methods.length) out.methods = methods;
  const deadline = cell('deadline');
  if (deadline) out.deadline = parseDeadline(deadline);
  const applicable = cell('applicable');
  if (applicable) out.applicable = !NOT_APPLICABLE.test(applicable.replace(/\s/g, ''));
  if (hasRulesColumn) {
    // The app's own export: an empty cell means the user removed every rule, so nothing is suggested.
    const rulesText = cell('rules');
    if (rulesText) {
      const rules = parseRules(rulesText);
      if (rules) out.rules = rules;
      else problem('“检查规则”一格的内容无法识别（应是台账通导出的格式）。请清空这一格或从原导出文件复制。');
    }
  } else if (requirement) {
    out.rules = suggestRules(requirement);
  }
  return out;
}

/**
 * The indicator tree of one sheet, and the problems of rows it could not read fully.
 * Rows up to `mapping.headerEnd` are the header; blank rows, notes (注：…), a repeated header
 * and text merged across whole rows below the last data row are skipped. Indicators come in
 * document order, parents before children; nodes without a code get one from their position.
 */
export function buildTree(
  sheetName: string,
  rows: string[][],
  mapping: ColumnMapping,
): { indicators: IndicatorDraft[]; issues: RowIssue[] } {
  const byRole = columnsByRole(mapping);
  const levels = levelColumns(byRole);
  const hasRulesColumn = byRole.has('rules');
  const issues: RowIssue[] = [];
  const drafts: IndicatorDraft[] = [];
  const byIdentity = new Map<string, IndicatorDraft>();
  const issue: Issue = (row, message) =>
    issues.push({ sheet: sheetName, row, message: `工作表“${sheetName}”第${row}行：${message}` });

  duplicateRoleIssues(byRole, mapping.headerEnd, issue);
  if (levels.length === 0) return { indicators: [], issues };

  const cleaned = rows.map((raw) => (raw ?? []).map((c) => cleanCell(c ?? '')));
  const header = cleaned[mapping.headerEnd - 1] ?? [];
  const skipped = (cells: string[]) => cells.every((c) => c === '') || isFootnote(cells) || sameCells(cells, header);
  // Text merged over a whole row after the last real row is a closing note, not a heading.
  let lastData = cleaned.length - 1;
  while (lastData >= mapping.headerEnd && (skipped(cleaned[lastData]!) || isSpread(cleaned[lastData]!))) lastData--;

  /** The path of nodes the previous data row resolved to, for "same as above". */
  let previous: IndicatorDraft[] = [];

  for (let r = mapping.headerEnd; r <= lastData; r++) {
    const rowNo = r + 1;
    const cells = cleaned[r]!;
    if (skipped(cells)) continue;
    const at = (col: number | null) => (col === null ? '' : (cells[col] ?? ''));
    const cell = (role: FieldRole) => {
      const cols = byRole.get(role) ?? [];
      if (!JOINABLE.has(role)) return at(cols[0] ?? null);
      return cols.map(at).filter(Boolean).join('\n');
    };

    // A heading merged across the whole row (一、组织领导) is a first-level node and nothing else.
    const spread = isSpread(cells);
    const levelTexts = levels.map((l, i) => (spread && i > 0 ? '' : at(l.col)));
    let deepest = levelTexts.reduce((d, t, i) => (t ? i : d), -1);
    // A title merged across the level columns to its right (no sub-levels) is one node, not a chain.
    while (deepest > 0 && levelTexts[deepest] === levelTexts[deepest - 1]) levelTexts[deepest--] = '';
    if (deepest < 0) {
      issue(rowNo, '没有指标名称（指标列都是空的）。请补上名称，或删除这一行。');
      continue;
    }

    const path = resolvePath(rowNo, levelTexts, deepest, at);
    if (!path) continue;
    previous = path;
    if (spread) continue;
    Object.assign(
      path[deepest]!,
      readFields(cell, hasRulesColumn, (m) => issue(rowNo, m)),
    );
  }
  return { indicators: generateCodes(drafts), issues };

  /** The nodes of one row from level 1 to its deepest level, creating new ones; null after an issue. */
  function resolvePath(
    rowNo: number,
    levelTexts: string[],
    deepest: number,
    at: (col: number | null) => string,
  ): IndicatorDraft[] | null {
    const path: IndicatorDraft[] = [];
    /** False once this row names a node the previous row did not have: nothing below it can be filled. */
    let sameAsAbove = true;
    /** A code written beside an empty (filled-down) level that differs from that level's code. */
    let strayCode = '';
    for (let i = 0; i <= deepest; i++) {
      const text = levelTexts[i]!;
      const { codeCol } = levels[i]!;
      if (!text) {
        const above = previous[i];
        if (!above) {
          issue(rowNo, `第${i + 1}级指标是空的，上方也没有可沿用的指标。请补上这一格。`);
          return null;
        }
        if (!sameAsAbove) {
          issue(
            rowNo,
            `第${i + 1}级指标是空的，而上一行的第${i + 1}级指标属于另一个第${i}级指标，不能沿用。请补上这一格。`,
          );
          return null;
        }
        const code = cleanCode(at(codeCol));
        if (code && code !== above.code && !strayCode) strayCode = code;
        path.push(above);
        continue;
      }
      const parsed = codeCol === null ? splitCode(text) : { code: cleanCode(at(codeCol)), title: oneLine(text) };
      // One 序号 column numbering every row (row-per-node sheets) belongs to the row's own node.
      if (i === deepest && codeCol === null && !parsed.code && strayCode) parsed.code = strayCode;
      const parentKey = i === 0 ? null : path[i - 1]!.key;
      const identity = `${parentKey ?? ''}\u0001${parsed.code}\u0001${parsed.title}`;
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
      if (node !== previous[i]) sameAsAbove = false;
      path.push(node);
    }
    return path;
  }
}
