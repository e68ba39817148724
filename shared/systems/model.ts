import { z } from 'zod';

/*
 * The shape of an assessment system (测评体系) as it travels between the importer, the
 * database, the UI and exports. Pure data; no I/O.
 */

/** What a spreadsheet column means. `null` in a mapping = ignore the column. */
export const FIELD_ROLES = [
  'level1',
  'level2',
  'level3',
  'level4',
  'code1',
  'code2',
  'code3',
  'code4',
  'content',
  'methods',
  'score',
  'requirement',
  'leadUnit',
  'respUnit',
  'responsible',
  'reviewer',
  'deadline',
  'applicable',
  'rules',
] as const;
export const fieldRoleSchema = z.enum(FIELD_ROLES);
export type FieldRole = z.infer<typeof fieldRoleSchema>;

/** Chinese names of the roles, as the mapping step shows them. */
export const FIELD_ROLE_LABELS: Record<FieldRole, string> = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  level4: '四级指标',
  code1: '一级编码',
  code2: '二级编码',
  code3: '三级编码',
  code4: '四级编码',
  content: '测评内容',
  methods: '测评方法',
  score: '分值',
  requirement: '材料要求',
  leadUnit: '牵头单位',
  respUnit: '责任单位',
  responsible: '责任人（收集人）',
  reviewer: '审核人',
  deadline: '完成时限',
  applicable: '是否适用',
  rules: '检查规则',
};

export const MAX_LEVELS = 4;
export type Level = 1 | 2 | 3 | 4;

/**
 * How to read a sheet: which rows are the header (1-based, inclusive; data starts on the
 * row after `headerEnd`) and what each column (0-based index) means.
 */
export const columnMappingSchema = z.object({
  headerStart: z.number().int().min(1),
  headerEnd: z.number().int().min(1),
  columns: z.array(fieldRoleSchema.nullable()),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/**
 * One rule of an evidence plan (检查规则). Rule types belong to the gap checker; here they
 * are stored generically so they can be edited and round-tripped before that exists.
 * Known types now: `periodic` {period: week|month|quarter|halfyear|year, min}, `count`
 * {min}, `docType` {kind: 方案|总结|照片|制度|会议记录|…}.
 */
export const ruleSchema = z.object({
  type: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
  /** The words of 材料要求 the rule was read from, or the user's own label. */
  text: z.string(),
  /** Suggested rules are shown for confirmation; only confirmed ones are checked. */
  confirmed: z.boolean(),
});
export type Rule = z.infer<typeof ruleSchema>;

/**
 * An indicator as the importer produces it and the exporter consumes it: everything but
 * database ids. `key` identifies it within one draft; `parentKey` links the tree.
 */
export const indicatorDraftSchema = z.object({
  key: z.string(),
  parentKey: z.string().nullable(),
  level: z.number().int().min(1).max(MAX_LEVELS),
  code: z.string(),
  /** True when no code was found in the sheet and one was generated from the position. */
  codeGenerated: z.boolean(),
  title: z.string(),
  content: z.string(),
  methods: z.array(z.string()),
  score: z.number().nullable(),
  requirement: z.string(),
  rules: z.array(ruleSchema),
  applicable: z.boolean(),
  leadUnit: z.string(),
  respUnit: z.string(),
  /** Person names as written in the sheet; resolved to the people list on import. */
  collector: z.string(),
  reviewer: z.string(),
  /** ISO date (YYYY-MM-DD) or free text the sheet had (e.g. "长期坚持"). */
  deadline: z.string(),
  /**
   * 1-based row in the source sheet: the node's own row, or for a parent that only exists as
   * merged cells the first row that showed it; null when the node did not come from a sheet.
   */
  sourceRow: z.number().int().nullable(),
});
export type IndicatorDraft = z.infer<typeof indicatorDraftSchema>;

/** A draft with nothing but its place in the tree and its name; every other field empty. */
export function newDraft(
  fields: Pick<IndicatorDraft, 'key' | 'parentKey' | 'level' | 'code' | 'title'> & Partial<IndicatorDraft>,
): IndicatorDraft {
  return {
    codeGenerated: false,
    content: '',
    methods: [],
    score: null,
    requirement: '',
    rules: [],
    applicable: true,
    leadUnit: '',
    respUnit: '',
    collector: '',
    reviewer: '',
    deadline: '',
    sourceRow: null,
    ...fields,
  };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-03-05');

export const systemMetaSchema = z.object({
  name: z.string().trim().min(1, '请填写测评体系名称').max(100),
  edition: z.string().trim().max(50),
  /** The assessment window (测评期间): materials should be dated inside it. */
  windowStart: isoDate.nullable(),
  windowEnd: isoDate.nullable(),
  /** The sheet's own names for the levels, e.g. ["版块", "项目", "内容", "标准"]. */
  levelNames: z.array(z.string()),
});
export type SystemMeta = z.infer<typeof systemMetaSchema>;

/** The app's own JSON file for one system (export and import). */
export const SYSTEM_FILE_FORMAT = 'taizhang.system';
export const systemFileSchema = z.object({
  format: z.literal(SYSTEM_FILE_FORMAT),
  version: z.literal(1),
  system: systemMetaSchema,
  indicators: z.array(indicatorDraftSchema),
});
export type SystemFile = z.infer<typeof systemFileSchema>;

/** A problem with one row of the sheet. */
export const rowIssueSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

/** Default level names when the sheet gives none. */
export const DEFAULT_LEVEL_NAMES = ['一级指标', '二级指标', '三级指标', '四级指标'];
