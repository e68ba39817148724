import { z } from 'zod';
import { materialStatusSchema } from '../materials/api-types';

/*
 * Contract entries for search (issue 7): one query over indicators and materials, the
 * index rebuild, saved searches. Spread into `contract` in contract.ts. The hit's field
 * names are also the CLI's `search --json` (a public interface: names stay, more may come).
 */

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 2026-03-05 这样的格式');

export const SEARCH_KINDS = ['all', 'indicator', 'material'] as const;
export const searchKindSchema = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKindSchema>;

/**
 * Narrow the materials found (all given filters apply together, and with the text). Filters
 * without text list the matching items, newest first; no text and no filter finds nothing.
 */
export const searchFiltersSchema = z
  .object({
    /** 类型 (方案, 照片, 会议记录 …): any of these. */
    types: z.array(z.string().min(1).max(50)).max(50).optional(),
    statuses: z.array(materialStatusSchema).optional(),
    /** 形成日期 from and to, inclusive; items without a date are left out when either is set. */
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    /** Linked to this indicator or any indicator under it. */
    indicatorId: id.optional(),
    /** 责任者 containing this, or linked to an indicator this person collects (收集人). */
    person: z.string().trim().min(1).max(100).optional(),
    /** 责任者 containing this, or linked to an indicator this unit leads or is responsible for. */
    unit: z.string().trim().min(1).max(100).optional(),
    /** 活动 containing this. */
    activity: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

/** Why a hit was found: its place in the ranking (code > code prefix > title > … > fuzzy). */
export const SEARCH_MATCHES = [
  'code',
  'codePrefix',
  'title',
  'pinyin',
  'text',
  'fuzzy',
  'field',
  'page',
  'filter',
] as const;

export const searchHitSchema = z.object({
  kind: z.enum(['indicator', 'material']),
  id: z.number().int(),
  /** The indicator's code. */
  code: z.string().optional(),
  title: z.string(),
  /** The text around the match, each matched term wrapped in « ». */
  snippet: z.string().optional(),
  /** The page (from 1) whose text matched, and the file it is in (a material found by its full text). */
  page: z.number().int().optional(),
  fileId: z.number().int().optional(),
  /** Higher first; comparable across kinds in one result. */
  score: z.number(),
  /** The indicator's system. */
  systemId: z.number().int().optional(),
  match: z.enum(SEARCH_MATCHES),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchQuerySchema = z
  .object({
    /** What was typed: codes (B3.2, b32, Ｂ３．２), words, pinyin (wmcs), Traditional or Simplified. */
    text: z.string().max(200).default(''),
    kind: searchKindSchema.default('all'),
    /** Only this system's indicators (materials are the project's, whatever the system). */
    systemId: id.optional(),
    /** Narrow the materials; with any filter set, no indicators are listed (the filters describe materials). */
    filters: searchFiltersSchema.optional(),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type SearchQuery = z.input<typeof searchQuerySchema>;

export const searchResultSchema = z.object({ hits: z.array(searchHitSchema), tookMs: z.number() });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const savedSearchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  text: z.string(),
  kind: searchKindSchema,
  filters: searchFiltersSchema,
  createdAt: z.string(),
  createdBy: z.string(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/** What `search.reindex` reports when done (job.done's result). */
export const reindexResultSchema = z.object({ items: z.number().int(), pages: z.number().int(), ms: z.number() });
export type ReindexResult = z.infer<typeof reindexResultSchema>;

export const searchMethods = {
  /** Indicators and materials in one ranked list, as the user types. */
  'search.query': { input: searchQuerySchema, output: searchResultSchema },
  /** Rebuilds the full-text index from the items and page texts; a job whose result is a ReindexResult. */
  'search.reindex': { input: z.object({}).strict(), output: z.object({ jobId: z.string() }) },
  /** The project's saved searches, by name. */
  'search.saved': { input: z.object({}).strict(), output: z.array(savedSearchSchema) },
  /** Saves a search under a name (the same name again replaces it). */
  'search.save': {
    input: z
      .object({
        name: z.string().trim().min(1, '请给这个搜索起个名字').max(50),
        text: z.string().max(200).default(''),
        kind: searchKindSchema.default('all'),
        filters: searchFiltersSchema.default({}),
      })
      .strict(),
    output: savedSearchSchema,
  },
  'search.deleteSaved': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) },
} as const;
