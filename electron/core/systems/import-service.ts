import { AppError } from '../../../shared/ipc/result';
import type { ImportOverview, ImportPreview } from '../../../shared/systems/api-types';
import { buildTree } from '../../../shared/systems/build-tree';
import { detectMapping } from '../../../shared/systems/header-detect';
import { DEFAULT_LEVEL_NAMES, type ColumnMapping, type RowIssue, type SystemMeta } from '../../../shared/systems/model';
import type { Project } from '../project/project';
import type { ImportSource } from './import-sources';
import { readOwnExport } from './system-export';
import { checkWindow, insertSystem } from './system-repo';

/** Rows sent to the wizard for the mapping step: enough to see the header and the first items. */
const PREVIEW_ROWS = 40;
const PREVIEW_COLS = 40;
/** The wizard lists this many row problems; the rest are counted. */
const MAX_ISSUES_SHOWN = 200;

export function overview(source: ImportSource): ImportOverview {
  if (source.kind === 'json') {
    return {
      sourceId: source.id,
      fileName: source.fileName,
      kind: 'json',
      sheets: [],
      suggestedSheet: 0,
      meta: source.system.system,
      ownExport: true,
    };
  }
  const own = readOwnExport(source.table);
  const sheets = source.table.sheets.map((s, index) => {
    const detected =
      own?.sheet === index ? { ...own, levelNames: own.meta.levelNames, confidence: 1 } : detectMapping(s.rows);
    return {
      index,
      name: s.name,
      rowCount: s.rows.length,
      colCount: s.rows[0]?.length ?? 0,
      preview: s.rows.slice(0, PREVIEW_ROWS).map((r) => r.slice(0, PREVIEW_COLS)),
      merges: s.merges.filter((m) => m.r1 < PREVIEW_ROWS && m.c1 < PREVIEW_COLS),
      detected: detected
        ? { mapping: detected.mapping, levelNames: detected.levelNames, confidence: detected.confidence }
        : null,
    };
  });
  const best = sheets.reduce(
    (a, b) => ((b.detected?.confidence ?? 0) > (a.detected?.confidence ?? 0) ? b : a),
    sheets[0]!,
  );
  return {
    sourceId: source.id,
    fileName: source.fileName,
    kind: source.kind,
    sheets,
    suggestedSheet: best.index,
    meta: own?.meta ?? null,
    ownExport: own !== null,
  };
}

function sheetOf(source: Extract<ImportSource, { table: unknown }>, sheet: number) {
  const grid = source.table.sheets[sheet];
  if (!grid) throw new AppError('INVALID_INPUT', `表格《${source.fileName}》没有第 ${sheet + 1} 个工作表。`);
  return grid;
}

function drafts(source: ImportSource, sheet: number, mapping: ColumnMapping | null): ImportPreview {
  if (source.kind === 'json') {
    return {
      indicators: source.system.indicators,
      issues: [],
      issueCount: 0,
      levelNames: source.system.system.levelNames,
    };
  }
  const grid = sheetOf(source, sheet);
  const map = mapping ?? detectMapping(grid.rows)?.mapping;
  if (!map) {
    throw new AppError(
      'INVALID_INPUT',
      `在工作表“${grid.name}”里找不到表头（如“一级指标”“测评内容”“材料要求”）。请在下一步手动指定每一列的含义。`,
    );
  }
  const levelCount = map.columns.filter((c) => c?.startsWith('level')).length;
  if (levelCount === 0) {
    throw new AppError('INVALID_INPUT', '请至少指定一列为“一级指标”，并按层级指定其他指标列。');
  }
  const { indicators, issues } = buildTree(grid.name, grid.rows, map);
  const headerNames = map.columns
    .map((role, c) => (role?.startsWith('level') ? cleanHeader(grid.rows, map, c) : null))
    .filter((n): n is string => n !== null);
  return {
    indicators,
    issues: issues.slice(0, MAX_ISSUES_SHOWN),
    issueCount: issues.length,
    levelNames: headerNames.length ? headerNames : DEFAULT_LEVEL_NAMES.slice(0, levelCount),
  };
}

/** The header text of a column (the lowest header row that names it), for level names. */
function cleanHeader(rows: string[][], map: ColumnMapping, col: number): string {
  for (let r = map.headerEnd; r >= map.headerStart; r--) {
    const text = (rows[r - 1]?.[col] ?? '').replace(/\s+/g, '');
    if (text) return text;
  }
  return DEFAULT_LEVEL_NAMES[0]!;
}

export function preview(source: ImportSource, sheet: number, mapping: ColumnMapping | null): ImportPreview {
  return drafts(source, sheet, mapping);
}

function describeIssues(fileName: string, issues: RowIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => i.message);
  const more = issues.length > 5 ? `……等共 ${issues.length} 处` : '';
  return `表格《${fileName}》有 ${issues.length} 处问题，没有导入任何内容：\n${shown.join('\n')}${more}\n请在 Excel 中改正后重新导入，或在映射步骤调整列的含义。`;
}

/** All or nothing: any row problem refuses the whole import and writes nothing. */
export function commit(
  project: Project,
  source: ImportSource,
  sheet: number,
  mapping: ColumnMapping | null,
  meta: SystemMeta,
): { systemId: number; indicatorCount: number } {
  const result = drafts(source, sheet, mapping);
  if (result.issueCount > 0) throw new AppError('INVALID_INPUT', describeIssues(source.fileName, result.issues));
  if (result.indicators.length === 0) {
    throw new AppError('INVALID_INPUT', `表格《${source.fileName}》里没有读到任何指标。请检查所选工作表和列的含义。`);
  }
  checkWindow(meta);
  const levelNames = meta.levelNames.length ? meta.levelNames : result.levelNames;
  const systemId = insertSystem(project, { ...meta, levelNames }, result.indicators, source.fileName);
  return { systemId, indicatorCount: result.indicators.length };
}
