import { z } from 'zod';
import { columnMappingSchema, indicatorDraftSchema, rowIssueSchema, ruleSchema, systemMetaSchema } from './model';

/* What the core returns about stored systems, indicators and people (ids included). */

export const systemSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  edition: z.string(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  levelNames: z.array(z.string()),
  createdAt: z.string(),
  indicatorCount: z.number().int(),
  /** Indicators that apply to this unit (个性指标); the rest are hidden from gaps and binding. */
  applicableCount: z.number().int(),
});
export type SystemSummary = z.infer<typeof systemSummarySchema>;

/** A stored indicator: a draft's fields with database ids instead of draft keys. */
export const indicatorNodeSchema = indicatorDraftSchema
  .omit({ key: true, parentKey: true, codeGenerated: true })
  .extend({
    id: z.number().int(),
    systemId: z.number().int(),
    parentId: z.number().int().nullable(),
    sort: z.number().int(),
    /** 收集人 (per leaf indicator): the person's id; `collector` is their name. */
    collectorId: z.number().int().nullable(),
    /** 审核人 (per top-level indicator). */
    reviewerId: z.number().int().nullable(),
  });
export type IndicatorNode = z.infer<typeof indicatorNodeSchema>;

/** The editable fields of an indicator; absent fields are left as they are. */
export const indicatorPatchSchema = z
  .object({
    code: z.string().trim().max(40),
    title: z.string().trim().min(1, '指标名称不能为空').max(500),
    content: z.string().max(5000),
    methods: z.array(z.string().trim().min(1)).max(20),
    score: z.number().min(0).max(1000).nullable(),
    requirement: z.string().max(5000),
    rules: z.array(ruleSchema).max(50),
    applicable: z.boolean(),
    leadUnit: z.string().trim().max(200),
    respUnit: z.string().trim().max(500),
    collectorId: z.number().int().nullable(),
    reviewerId: z.number().int().nullable(),
    deadline: z.string().trim().max(50),
  })
  .partial()
  .strict();
export type IndicatorPatch = z.infer<typeof indicatorPatchSchema>;

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.string(),
  phone: z.string(),
  note: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const sheetOverviewSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  rowCount: z.number().int(),
  colCount: z.number().int(),
  /** The first rows as text (merged cells filled), for the mapping step. */
  preview: z.array(z.array(z.string())),
  merges: z.array(z.object({ r1: z.number(), c1: z.number(), r2: z.number(), c2: z.number() })),
  /** What the header detection found, or null when the sheet has no recognisable header. */
  detected: z
    .object({ mapping: columnMappingSchema, levelNames: z.array(z.string()), confidence: z.number() })
    .nullable(),
});
export type SheetOverview = z.infer<typeof sheetOverviewSchema>;

export const importOverviewSchema = z.object({
  sourceId: z.string(),
  fileName: z.string(),
  kind: z.enum(['xlsx', 'xls', 'csv', 'json']),
  sheets: z.array(sheetOverviewSchema),
  /** The sheet that looks most like an assessment system. */
  suggestedSheet: z.number().int(),
  /** Name, edition and window when the file carries them (our own exports). */
  meta: systemMetaSchema.nullable(),
  /** True for files this app exported: the mapping is exact and need not be checked. */
  ownExport: z.boolean(),
});
export type ImportOverview = z.infer<typeof importOverviewSchema>;

export const importPreviewSchema = z.object({
  indicators: z.array(indicatorDraftSchema),
  /** The first problems (each with sheet and row); `issueCount` counts them all. */
  issues: z.array(rowIssueSchema),
  issueCount: z.number().int(),
  levelNames: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
