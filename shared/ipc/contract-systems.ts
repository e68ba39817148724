import { z } from 'zod';
import { fileOutputSchema } from './file-output';
import {
  importOverviewSchema,
  importPreviewSchema,
  indicatorNodeSchema,
  indicatorPatchSchema,
  personSchema,
  systemSummarySchema,
} from '../systems/api-types';
import { columnMappingSchema, systemMetaSchema } from '../systems/model';

/*
 * Contract entries for assessment systems (测评体系), their indicators and the people
 * responsible for them. Spread into `contract` in contract.ts.
 */

const empty = z.object({}).strict();
const id = z.number().int().positive();
const systemId = z.object({ systemId: id }).strict();

/** A file for the import wizard: a path (Electron's file dialog, CLI) or the bytes a browser read. */
export const fileInputSchema = z.union([
  z.object({ path: z.string().min(1) }).strict(),
  z
    .object({
      fileName: z.string().min(1),
      /** base64 of the file's bytes (the bridge caps requests at 10 MB). */
      dataBase64: z.string(),
    })
    .strict(),
]);
export type FileInput = z.infer<typeof fileInputSchema>;

/** A file the core made for the user: saved to `path` when one was given, else returned as bytes. */
const fileOutput = fileOutputSchema;

const sheetAndMapping = {
  sourceId: z.string().min(1),
  /** 0-based sheet index. */
  sheet: z.number().int().min(0),
  /** null: use the detected mapping. */
  mapping: columnMappingSchema.nullable(),
};

const editionPairSchema = z.object({ oldId: id, newId: id });

export const systemMethods = {
  'systems.list': { input: empty, output: z.array(systemSummarySchema) },
  /** A system with all its indicators in tree order (parents before children). */
  'systems.tree': {
    input: systemId,
    output: z.object({ system: systemSummarySchema, indicators: z.array(indicatorNodeSchema) }),
  },
  /** Reads a spreadsheet or the app's JSON for the import wizard; nothing is written yet. */
  'systems.importOpen': { input: fileInputSchema, output: importOverviewSchema },
  /** The tree a sheet and mapping would give, with row problems; nothing is written. */
  'systems.importPreview': { input: z.object(sheetAndMapping).strict(), output: importPreviewSchema },
  /** Writes the previewed system; refused as a whole when any row has a problem. */
  'systems.importCommit': {
    input: z.object({ ...sheetAndMapping, meta: systemMetaSchema }).strict(),
    output: z.object({ systemId: id, indicatorCount: z.number().int() }),
  },
  /** Adds the built-in sample system (示例). */
  'systems.importSample': { input: empty, output: z.object({ systemId: id, indicatorCount: z.number().int() }) },
  /** The sample as the .xlsx it comes from, to show the expected layout. */
  'systems.sampleWorkbook': { input: z.object({ path: z.string().min(1).optional() }).strict(), output: fileOutput },
  'systems.update': {
    input: z.object({ systemId: id, patch: systemMetaSchema.partial().strict() }).strict(),
    output: systemSummarySchema,
  },
  /** Deletes the system and its indicators; materials stay, their links to it go. */
  'systems.delete': { input: systemId, output: z.object({ removedLinks: z.number().int() }) },
  'systems.export': {
    input: z.object({ systemId: id, format: z.enum(['xlsx', 'json']), path: z.string().min(1).optional() }).strict(),
    output: fileOutput,
  },
  /** Proposes how the indicators of an old edition map onto a new one (for confirmation). */
  'systems.editionMatch': {
    input: z.object({ fromSystemId: id, toSystemId: id }).strict(),
    output: z.object({
      pairs: z.array(
        editionPairSchema.extend({ by: z.enum(['code', 'title']), score: z.number(), links: z.number().int() }),
      ),
      unmatchedOld: z.array(z.object({ id, links: z.number().int() })),
      unmatchedNew: z.array(z.object({ id })),
    }),
  },
  /** Moves material links from old indicators to the confirmed new ones. */
  'systems.editionApply': {
    input: z.object({ fromSystemId: id, toSystemId: id, pairs: z.array(editionPairSchema) }).strict(),
    output: z.object({ movedLinks: z.number().int() }),
  },
  'indicators.update': {
    input: z.object({ id, patch: indicatorPatchSchema }).strict(),
    output: indicatorNodeSchema,
  },
  /** 个性指标: whether indicators (with their subtrees) apply to this unit. */
  'indicators.setApplicable': {
    input: z.object({ ids: z.array(id).min(1), applicable: z.boolean() }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
  'people.list': { input: empty, output: z.array(personSchema) },
  'people.save': {
    input: z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1, '请填写姓名').max(50),
        unit: z.string().trim().max(100),
        phone: z.string().trim().max(50),
        note: z.string().trim().max(200),
      })
      .strict(),
    output: personSchema,
  },
  'people.delete': { input: z.object({ id }).strict(), output: z.object({}) },
  /** Adds people from a sheet opened with systems.importOpen (姓名, 单位, 电话, 备注). */
  'people.import': {
    input: z.object({ sourceId: z.string().min(1), sheet: z.number().int().min(0) }).strict(),
    output: z.object({ added: z.number().int(), updated: z.number().int() }),
  },
} as const;
