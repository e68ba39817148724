import { z } from 'zod';

/* What the core reports about materials (件) and their files. */

/** The import report; its field names are a public interface (CLI --json, scripts). */
export const addReportSchema = z.object({
  added: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      files: z.number().int(),
      pages: z.number().int(),
      sha256: z.string(),
    }),
  ),
  /** Identical bytes already in the project (also when that item is in the trash). */
  duplicates: z.array(z.object({ path: z.string(), existingId: z.number().int() })),
  failed: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});
export type AddReport = z.infer<typeof addReportSchema>;

export const MATERIAL_STATUSES = ['collected', 'selected', 'rejected', 'incomplete', 'organized'] as const;
export const materialStatusSchema = z.enum(MATERIAL_STATUSES);
export type MaterialStatus = z.infer<typeof materialStatusSchema>;

/** UI.md's words: 收集 · 已甄选 · 已剔除 · 待补充 · 已整理. */
export const STATUS_LABELS: Record<MaterialStatus, string> = {
  collected: '收集',
  selected: '已甄选',
  rejected: '已剔除',
  incomplete: '待补充',
  organized: '已整理',
};

export const materialFileSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  sha256: z.string(),
  originalName: z.string(),
  sourcePath: z.string(),
  mime: z.string(),
  pageCount: z.number().int(),
  rotation: z.number().int(),
});
export type MaterialFile = z.infer<typeof materialFileSchema>;

/** A photo's caption (照片说明), printed under the photo when bound. */
export const captionSchema = z.object({
  time: z.string().max(100).default(''),
  place: z.string().max(200).default(''),
  people: z.string().max(500).default(''),
  subject: z.string().max(1000).default(''),
});
export type Caption = z.infer<typeof captionSchema>;
export const EMPTY_CAPTION: Caption = { time: '', place: '', people: '', subject: '' };

export const materialSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  /** The title was made from a camera/chat-app name and should be written properly. */
  titleMadeUp: z.boolean(),
  responsible: z.string(),
  docNo: z.string(),
  date: z.string().nullable(),
  /** Where the date came from: exif | filename | pdf | user. */
  dateSource: z.string().nullable(),
  type: z.string(),
  pages: z.number().int(),
  classification: z.string(),
  note: z.string(),
  activity: z.string(),
  caption: captionSchema,
  status: materialStatusSchema,
  statusComment: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  files: z.array(materialFileSchema),
  indicatorIds: z.array(z.number().int()),
});
export type Material = z.infer<typeof materialSchema>;

export const materialPatchSchema = z
  .object({
    title: z.string().trim().min(1, '题名不能为空').max(500),
    responsible: z.string().trim().max(200),
    docNo: z.string().trim().max(100),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-03-05')
      .nullable(),
    type: z.string().trim().max(50),
    classification: z.string().trim().max(20),
    note: z.string().max(2000),
    activity: z.string().trim().max(200),
    caption: captionSchema.partial(),
  })
  .partial()
  .strict();
export type MaterialPatch = z.infer<typeof materialPatchSchema>;
