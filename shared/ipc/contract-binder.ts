import { z } from 'zod';

/*
 * Contract entries for 装订成卷 (the binder) and 网上申报 (electronic submission). Spread into
 * `contract` in contract.ts. Building and exporting are jobs; their results arrive with
 * job.done (BindResult / ExportResult, the same JSON as the CLI's --json).
 */

const id = z.number().int().positive();

export const BIND_BY = ['top', 'second', 'all'] as const;
export const NUMBER_POSITIONS = ['outer-top', 'outer-bottom', 'bottom-center'] as const;

/** The binder's options, remembered per project (the user sets them once). */
export const binderSettingsSchema = z.object({
  /** One volume per 一级 indicator, per 二级 indicator, or the whole system as one. */
  by: z.enum(BIND_BY).default('top'),
  /** Item pages per volume before it is split between two items. */
  maxPages: z.number().int().min(10).max(5000).default(300),
  /** Also split when a volume would be larger than this (MB); null: no size split. */
  maxVolumeMb: z.number().positive().max(10_000).nullable().default(null),
  /** Warn when a built volume is larger than this (MB). */
  sizeLimitMb: z.number().positive().max(10_000).default(100),
  duplex: z.boolean().default(true),
  numberPosition: z.enum(NUMBER_POSITIONS).default('outer-top'),
  bindingMarginMm: z.number().min(0).max(50).default(25),
  dividers: z.boolean().default(false),
  photosPerPage: z.union([z.literal(1), z.literal(2)]).default(1),
  /** An item linked to several indicators: bound in each section, or once with 见第X卷第Y页 elsewhere. */
  linkedItems: z.enum(['repeat', 'reference']).default('repeat'),
  /** A font file; null: 黑体 on Windows, else the bundled 思源黑体. */
  fontFile: z.string().nullable().default(null),
  retention: z.string().max(20).default('定期10年'),
  filer: z.string().max(20).default(''),
  checker: z.string().max(20).default(''),
  archiveCode: z.string().max(60).default(''),
  /** 卷脊 label width in mm; 0: no spine sheet. */
  spineWidthMm: z.union([z.literal(0), z.literal(20), z.literal(30), z.literal(40), z.literal(50)]).default(0),
  /** Where volumes are written; null: 案卷 inside the project folder. */
  outDir: z.string().nullable().default(null),
});
export type BinderSettings = z.infer<typeof binderSettingsSchema>;

const planIndicator = z.object({ id: z.number().int(), code: z.string(), title: z.string() });

/** The index preview: exactly what will be bound, volume by volume. */
export const bindPlanSchema = z.object({
  systemId: z.number().int(),
  systemName: z.string(),
  edition: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  volumes: z.array(
    z.object({
      seq: z.number().int(),
      root: planIndicator.nullable(),
      title: z.string(),
      part: z.number().int(),
      parts: z.number().int(),
      itemCount: z.number().int(),
      pageCount: z.number().int(),
      sections: z.array(
        z.object({
          indicator: planIndicator,
          trail: z.array(planIndicator),
          items: z.array(
            z.object({
              itemId: z.number().int(),
              title: z.string(),
              titleMadeUp: z.boolean(),
              docNo: z.string(),
              responsible: z.string(),
              date: z.string().nullable(),
              type: z.string(),
              pages: z.number().int(),
              startPage: z.number().int(),
              endPage: z.number().int(),
              /** Bound at an earlier place (linkedItems 'reference'): listed here as 见第 volume 卷第 page 页. */
              seeAlso: z.object({ volume: z.number().int(), page: z.number().int() }).nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
  empty: z.array(planIndicator),
});
export type BindPlanView = z.infer<typeof bindPlanSchema>;

/** Which indicators to bind: the settings' `by`, or exactly these indicators (one volume each). */
const scope = { systemId: id, indicatorIds: z.array(id).optional() };

export const outputFileSchema = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number(),
  modifiedAt: z.string(),
});
export type OutputFile = z.infer<typeof outputFileSchema>;

const fileInput = z.object({ file: z.string().min(1) }).strict();
/** Whether the host did it; false in the browser preview, where the UI shows the path instead. */
const hostDone = z.object({ done: z.boolean() });

export const binderMethods = {
  'binder.settings': { input: z.object({}).strict(), output: binderSettingsSchema },
  /** Saves the binder's options for this project (the whole set; missing fields take their defaults). */
  'binder.saveSettings': { input: binderSettingsSchema.strict(), output: binderSettingsSchema },
  /** Font choices: Windows' 黑体/仿宋/楷体 when present, and the bundled font (file null). */
  'binder.fonts': {
    input: z.object({}).strict(),
    output: z.array(z.object({ name: z.string(), file: z.string().nullable() })),
  },
  /** The index preview with the saved settings. */
  'binder.plan': { input: z.object(scope).strict(), output: bindPlanSchema },
  /** Binds with the saved settings; a job whose result is the CLI's BindResult plus outDir. */
  'binder.build': { input: z.object(scope).strict(), output: z.object({ jobId: z.string() }) },
  /** 网上申报: per-indicator folders of PDFs and an index workbook; a job (ExportResult). */
  'binder.exportSubmission': {
    input: z
      .object({
        ...scope,
        /** One PDF per indicator instead of one per item. */
        merge: z.boolean().default(false),
        /** Cap per PDF in MB, met by downscaling images; absent: no cap. */
        maxFileMb: z.number().positive().max(1000).optional(),
        /** Target folder; absent: 网上申报 inside the output folder. */
        outDir: z.string().min(1).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  /** PDFs already in the output folder (volumes of earlier runs), newest first. */
  'binder.outputs': {
    input: z.object({}).strict(),
    output: z.object({ dir: z.string(), files: z.array(outputFileSchema) }),
  },
  /** Opens a made PDF (or the export's folder) in the system viewer. */
  'binder.open': { input: fileInput, output: hostDone },
  'binder.showInFolder': { input: fileInput, output: hostDone },
  /** Printers the host knows (Windows); empty elsewhere. */
  'binder.printers': { input: z.object({}).strict(), output: z.array(z.string()) },
  /** Prints a volume: to a printer (Windows, duplex as set), elsewhere through the system viewer. */
  'binder.print': {
    input: z
      .object({ file: z.string().min(1), printer: z.string().optional(), duplex: z.boolean().default(true) })
      .strict(),
    output: hostDone,
  },
} as const;
