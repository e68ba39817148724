import { z } from 'zod';
import { materialPatchSchema, materialSchema, materialStatusSchema } from '../materials/api-types';

/*
 * Contract entries for materials (件): adding files, describing, linking, status, trash.
 * Spread into `contract` in contract.ts.
 */

const id = z.number().int().positive();
const ids = z.array(id).min(1);

export const materialMethods = {
  /** Adds files and folders (paths on this computer) as a job; its result is an AddReport. */
  'materials.add': {
    input: z
      .object({
        paths: z.array(z.string().min(1)).min(1),
        indicatorIds: z.array(id).optional(),
        /** Opens encrypted PDFs among them (the original stays as it is; a decrypted copy is kept beside it). */
        password: z.string().max(200).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  /**
   * Adds files the browser read (the bridge has no file paths): written to the project's
   * temp folder, added like paths, then removed. A job whose result is an AddReport.
   */
  'materials.upload': {
    input: z
      .object({
        files: z.array(z.object({ fileName: z.string().min(1), dataBase64: z.string() })).min(1),
        indicatorIds: z.array(id).optional(),
        password: z.string().max(200).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  /** A small JPEG preview of a stored file (made again when the cache lost it); null for kinds without one yet. */
  'materials.thumbnail': {
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: z.object({ dataBase64: z.string().nullable() }),
  },
  /**
   * One page of a stored file as a JPEG (PDF pages rendered, TIFF pages picked, photos upright
   * by EXIF, the item's rotation applied), cached by hash and size. `page` counts from 1.
   */
  'materials.page': {
    input: z
      .object({ fileId: id, page: z.number().int().positive(), size: z.enum(['thumb', 'preview']).default('preview') })
      .strict(),
    output: z.object({
      dataBase64: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      pageCount: z.number().int(),
    }),
  },
  /** How many items are in the inbox (待归类, linked to nothing), the trash, and in all. */
  'materials.counts': {
    input: z.object({}).strict(),
    output: z.object({ inbox: z.number().int(), trash: z.number().int(), all: z.number().int() }),
  },
  /** Text of each page (PDF text layer or a converted Office file), for search and the preview pane. */
  'materials.pageTexts': {
    input: z.object({ fileId: id }).strict(),
    output: z.array(z.object({ page: z.number().int(), text: z.string() })),
  },
  /** Items of an indicator, the inbox (待归类), the trash, or all; optionally by status. */
  'materials.list': {
    input: z
      .object({
        indicatorId: id.optional(),
        inbox: z.boolean().optional(),
        trash: z.boolean().optional(),
        status: materialStatusSchema.optional(),
      })
      .strict(),
    output: z.array(materialSchema),
  },
  'materials.get': { input: z.object({ id }).strict(), output: materialSchema },
  /** Edits one item or many at once (batch edit). */
  'materials.update': {
    input: z.object({ ids, patch: materialPatchSchema }).strict(),
    output: z.array(materialSchema),
  },
  'materials.link': {
    input: z.object({ ids, indicatorId: id }).strict(),
    output: z.object({ linked: z.number().int() }),
  },
  /**
   * The user's own order of an indicator's items (binding order within the indicator):
   * `ids` in the new order; items of the indicator not named keep their order after them.
   */
  'materials.arrange': {
    input: z.object({ indicatorId: id, ids }).strict(),
    output: z.object({}),
  },
  'materials.unlink': {
    input: z.object({ ids, indicatorId: id }).strict(),
    output: z.object({ unlinked: z.number().int() }),
  },
  'materials.setStatus': {
    input: z.object({ ids, status: materialStatusSchema, comment: z.string().max(1000).default('') }).strict(),
    output: z.array(materialSchema),
  },
  'materials.trash': { input: z.object({ ids }).strict(), output: z.object({ trashed: z.number().int() }) },
  'materials.restore': { input: z.object({ ids }).strict(), output: z.object({ restored: z.number().int() }) },
  /**
   * Deletes items in the trash for good (these ids, or the whole trash), with their links, and
   * the stored originals no other item uses. Refused while an add is running.
   */
  'materials.emptyTrash': {
    input: z.object({ ids: ids.optional() }).strict(),
    output: z.object({ deleted: z.number().int(), filesRemoved: z.number().int(), bytesFreed: z.number() }),
  },
  /** Merges items into the first: a record photographed page by page becomes one 件. */
  'materials.merge': { input: z.object({ ids: z.array(id).min(2) }).strict(), output: materialSchema },
  /** Moves some files of an item into a new item. */
  'materials.split': {
    input: z.object({ id, fileIds: z.array(id).min(1) }).strict(),
    output: z.object({ kept: materialSchema, created: materialSchema }),
  },
  'materials.reorder': { input: z.object({ id, fileIds: z.array(id).min(1) }).strict(), output: materialSchema },
  /** Turns a page (applied in previews and binding; the original is not changed). */
  'materials.rotate': {
    input: z
      .object({ fileId: id, degrees: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]) })
      .strict(),
    output: materialSchema,
  },
  /** Links suggested by folder and file names that carry indicator codes or titles (to confirm). */
  'materials.suggestLinks': {
    input: z.object({ ids }).strict(),
    output: z.array(z.object({ materialId: id, indicatorId: id, by: z.enum(['code', 'title']), matched: z.string() })),
  },
  /** A reviewer's or collector's comment on an item (kept in its history). */
  'materials.comment': {
    input: z.object({ id, text: z.string().trim().min(1, '请填写意见').max(1000) }).strict(),
    output: z.object({}),
  },
  /** Everything that happened to an item: who, when, what. */
  'materials.history': {
    input: z.object({ id }).strict(),
    output: z.array(
      z.object({ at: z.string(), userName: z.string(), action: z.string(), detail: z.record(z.string(), z.unknown()) }),
    ),
  },
} as const;
