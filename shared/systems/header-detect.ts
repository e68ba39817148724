import { headerKey } from './normalize';
import type { ColumnMapping, FieldRole } from './model';

/*
 * Finds the header of an assessment sheet and what each column means, from the words
 * offices use. Level columns are named in many ways (一级指标/二级指标, 测评项目/测评内容/
 * 测评标准, 版块/项目/内容/标准); they are recognised as "structure" words and numbered left
 * to right. The user confirms or corrects the result in the mapping step.
 */

/** Headers that name a level explicitly (一级指标, B级指标, 二级). */
const EXPLICIT_LEVEL = /^(?:([一二三四1-4])级|([A-Da-d])级)(?:指标|项目)?(?:名称)?$/;
/** Headers that name a level of the structure by what it holds. */
const STRUCTURE_WORDS = new Set([
  '测评项目',
  '版块',
  '板块',
  '项目类别',
  '类别',
  '项目',
  '测评内容',
  '内容',
  '测评标准',
  '标准',
  '指标名称',
  '考核项目',
  '考核内容',
  '考核标准',
]);
/** Structure words that are the indicator's text (测评内容) when levels are named explicitly. */
const CONTENT_WORDS = new Set([
  '测评内容',
  '测评标准',
  '内容',
  '标准',
  '指标内容',
  '具体内容',
  '考核内容',
  '考核标准',
  '指标说明',
]);
const CODE_WORDS = /^(?:序号|编号|编码|代码|指标编号|指标编码)$/;
const EXPLICIT_CODE = /^([一二三四1-4])级(?:指标)?(?:编码|编号|序号)$/;

const FIELD_WORDS: [FieldRole, RegExp][] = [
  ['methods', /^(?:测评方法|测评方式|考核方式|考核方法|检查方式|检查方法|评价方式)$/],
  ['score', /^(?:分值|分数|权重|标准分|满分|赋分)$/],
  ['requirement', /(?:材料要求|资料要求|佐证材料|申报材料|台账资料|材料清单|台账要求|资料清单|佐证资料)/],
  ['leadUnit', /^(?:牵头单位|牵头部门|牵头科室)$/],
  ['respUnit', /^(?:责任单位|责任部门|配合单位|协办单位|责任科室|配合部门)$/],
  ['responsible', /^(?:责任人|联系人|收集人|具体责任人)$/],
  ['reviewer', /^(?:审核人|审核)$/],
  ['deadline', /^(?:完成时限|完成时间|时限|截止时间|完成期限)$/],
  ['applicable', /^(?:是否适用|适用|适用情况)$/],
  ['rules', /^检查规则$/],
];

type Classified =
  | { kind: 'explicitLevel'; level: number }
  | { kind: 'structure'; word: string }
  | { kind: 'content' }
  | { kind: 'code'; level: number | null }
  | { kind: 'field'; role: FieldRole }
  | null;

function levelDigit(ch: string): number {
  return '一二三四'.indexOf(ch) >= 0
    ? '一二三四'.indexOf(ch) + 1
    : 'ABCD'.indexOf(ch.toUpperCase()) >= 0
      ? 'ABCD'.indexOf(ch.toUpperCase()) + 1
      : Number(ch);
}

function classify(text: string): Classified {
  const h = headerKey(text);
  if (!h) return null;
  const explicit = h.match(EXPLICIT_LEVEL);
  if (explicit) return { kind: 'explicitLevel', level: levelDigit(explicit[1] ?? explicit[2]!) };
  const explicitCode = h.match(EXPLICIT_CODE);
  if (explicitCode) return { kind: 'code', level: levelDigit(explicitCode[1]!) };
  if (CODE_WORDS.test(h)) return { kind: 'code', level: null };
  for (const [role, re] of FIELD_WORDS) if (re.test(h)) return { kind: 'field', role };
  if (STRUCTURE_WORDS.has(h)) return { kind: 'structure', word: h };
  if (CONTENT_WORDS.has(h)) return { kind: 'content' };
  return null;
}

/** A title row is one text spread over a merged row, not a header. */
function isTitleRow(row: string[]): boolean {
  const texts = new Set(row.map((c) => c.trim()).filter(Boolean));
  return texts.size <= 1;
}

type Candidate = { start: number; end: number; headers: string[]; classes: Classified[]; score: number };

function candidate(rows: string[][], start: number, end: number): Candidate {
  const width = Math.max(...rows.slice(start, end + 1).map((r) => r.length));
  const headers: string[] = [];
  const classes: Classified[] = [];
  for (let c = 0; c < width; c++) {
    // In a two-row header the lower cell is the specific name; the upper one a merged group
    // ("测评指标" over 一级/二级/三级) or the same text filled down by a vertical merge.
    const upper = rows[start]?.[c] ?? '';
    const lower = end > start ? (rows[end]?.[c] ?? '') : '';
    const lowerClass = lower && lower !== upper ? classify(lower) : null;
    const useLower = lowerClass !== null;
    headers.push(headerKey(useLower ? lower : upper || lower));
    classes.push(useLower ? lowerClass : classify(upper));
  }
  const score = classes.filter((k) => k !== null).length;
  return { start, end, headers, classes, score };
}

/** Rows a data check looks at: enough to see the numbering, cheap on a 3,000-row sheet. */
const DATA_SAMPLE_ROWS = 400;

/**
 * Whether a code column numbers level `level` (0-based index into `levelCols`) in these rows:
 * every row with a code has a title at that level, and one title (under the same ancestors)
 * never carries two codes. A 序号 that counts rows (1, 2, 3 … down a merged 测评项目) fails
 * on the upper level and fits the leaf level.
 */
function codeFitsLevel(data: string[][], codeCol: number, levelCols: number[], level: number): boolean {
  const filled: string[] = levelCols.map(() => '');
  const codeOf = new Map<string, string>();
  for (const row of data) {
    const texts = levelCols.map((col) => (row[col] ?? '').trim());
    if (texts.every((t) => !t)) continue;
    texts.forEach((t, i) => {
      if (t) filled[i] = t;
    });
    const code = (row[codeCol] ?? '').trim();
    if (!code) continue;
    if (!texts[level]) return false;
    const identity = filled.slice(0, level + 1).join('\u0001');
    const seen = codeOf.get(identity);
    if (seen !== undefined && seen !== code) return false;
    codeOf.set(identity, code);
  }
  return true;
}

/**
 * The level a plain 序号/编号 column numbers. By default the level column to its right (序号 |
 * 一级指标); when the data shows it numbers something finer, the first deeper level it fits.
 * Null when the column has no level column to its right.
 */
function codeLevel(data: string[][], codeCol: number, levelCols: number[]): number | null {
  const right = levelCols.findIndex((col) => col > codeCol);
  if (right < 0) return null;
  for (let level = right; level < levelCols.length; level++) {
    if (codeFitsLevel(data, codeCol, levelCols, level)) return level;
  }
  // Fits nowhere (e.g. one 序号 per row in a row-per-node sheet): the tree builder gives such
  // codes to the row's own node.
  return right;
}

function roles(c: Candidate, data: string[][]): { columns: (FieldRole | null)[]; levelNames: string[] } {
  const columns: (FieldRole | null)[] = c.classes.map(() => null);
  const levelCols: number[] = [];
  const explicit = c.classes.some((k) => k?.kind === 'explicitLevel');
  c.classes.forEach((k, i) => {
    if (!k) return;
    if (k.kind === 'explicitLevel' || (!explicit && k.kind === 'structure')) levelCols.push(i);
  });
  const levels = levelCols.slice(0, 4);
  levels.forEach((col, i) => (columns[col] = `level${i + 1}` as FieldRole));
  let contentTaken = false;
  c.classes.forEach((k, i) => {
    if (!k || columns[i] !== null) return;
    if (k.kind === 'field' && !columns.includes(k.role)) columns[i] = k.role;
    else if ((k.kind === 'content' || k.kind === 'structure') && !contentTaken && levels.length > 0) {
      columns[i] = 'content';
      contentTaken = true;
    }
  });
  // Code columns last, so a 序号 checked against the data finds its level among the final ones.
  c.classes.forEach((k, i) => {
    if (k?.kind !== 'code' || columns[i] !== null) return;
    const level = k.level !== null ? k.level - 1 : codeLevel(data, i, levels);
    if (level === null || level < 0 || level >= levels.length) return;
    const role = `code${level + 1}` as FieldRole;
    if (!columns.includes(role)) columns[i] = role;
  });
  return { columns, levelNames: levels.map((col) => c.headers[col]!) };
}

/**
 * The best header in the first `maxScanRows` rows of a sheet (merged cells already filled):
 * one row, or two rows when the upper one groups columns. Title rows (one text, possibly
 * merged across the row) and blank rows are skipped. Level columns are numbered left to
 * right, at most four; a sheet with a single level column still maps (a flat list).
 * `headerStart`/`headerEnd` are 1-based; `confidence` is the share of named header cells
 * that got a role. Null when nothing there names a level column.
 */
export function detectMapping(
  rows: string[][],
  maxScanRows = 15,
): { mapping: ColumnMapping; levelNames: string[]; confidence: number } | null {
  let best: Candidate | null = null;
  const limit = Math.min(rows.length, maxScanRows);
  for (let r = 0; r < limit; r++) {
    if (isTitleRow(rows[r]!)) continue;
    const single = candidate(rows, r, r);
    if (!best || single.score > best.score) best = single;
    if (r + 1 < rows.length && !isTitleRow(rows[r + 1]!)) {
      // Two header rows when the lower one is a header too (group cells above its names).
      const pair = candidate(rows, r, r + 1);
      const lowerIsHeader = candidate(rows, r + 1, r + 1).score > 0;
      if (lowerIsHeader && pair.score >= best.score && pair.score >= single.score) best = pair;
    }
  }
  if (!best || best.score === 0) return null;
  const data = rows.slice(best.end + 1, best.end + 1 + DATA_SAMPLE_ROWS);
  const { columns, levelNames } = roles(best, data);
  if (levelNames.length === 0) return null;
  const named = best.headers.filter(Boolean).length;
  const mapped = columns.filter((c) => c !== null).length;
  return {
    mapping: { headerStart: best.start + 1, headerEnd: best.end + 1, columns },
    levelNames,
    confidence: Math.min(1, mapped / Math.max(3, named)),
  };
}
