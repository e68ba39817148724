import { z } from 'zod';

/*
 * 查漏补缺: the plain data the gap checker works on and what it answers. Pure: the core
 * fills these from the database, the checker (evaluate.ts) never touches it, so every rule
 * is tested on plain objects.
 *
 * Rules are stored on indicators as { type, params, text, confirmed } (shared/systems/model.ts
 * ruleSchema); only confirmed rules are checked. The types and their params:
 *   count    { min, kind?, keyword? }                        ≥ min items [of 类型 kind] [title contains keyword] in the window
 *   periodic { period: week|month|quarter|halfyear|year, every?: n, min, kind?, keyword? }
 *            ≥ min per period (every n months/weeks when `every` > 1) across the window
 *   event    { events: string[], withinDays, min?, kind?, keyword? }
 *            ≥ min (default 1) within ±withinDays of each occurrence of each named event in the window
 *   docType  { kind }                                         ≥ 1 item of this 类型 (several docType rules = required types)
 *   package  { kinds: string[] }                              every 活动 (items sharing an activity name) has each kind
 * Checks that need no rule, on every applicable leaf that asks for materials:
 *   no evidence at all; items dated outside the window or undated; placeholders (20xx, xx年,
 *   xx月, **, ##) in 题名/文号/日期; no collector or reviewer; 完成时限 passed while not 齐全;
 *   items 待补充 (counted, but flagged).
 */

export const PERIODS = ['week', 'month', 'quarter', 'halfyear', 'year'] as const;
export type GapPeriod = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<GapPeriod, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  halfyear: '每半年',
  year: '每年',
};

const filters = { kind: z.string().optional(), keyword: z.string().optional() };
const min = z.number().int().min(1).max(10_000);

export const countParamsSchema = z.object({ min, ...filters });
export const periodicParamsSchema = z.object({
  period: z.enum(PERIODS),
  every: z.number().int().min(1).max(12).optional(),
  min,
  ...filters,
});
export const eventParamsSchema = z.object({
  events: z.array(z.string().min(1)).min(1),
  withinDays: z.number().int().min(0).max(60),
  min: min.optional(),
  ...filters,
});
export const docTypeParamsSchema = z.object({ kind: z.string().min(1) });
export const packageParamsSchema = z.object({ kinds: z.array(z.string().min(1)).min(1) });

/** A confirmed rule with its params checked; rules whose params do not parse are reported, not guessed. */
export type GapRule =
  | { type: 'count'; params: z.infer<typeof countParamsSchema>; text: string }
  | { type: 'periodic'; params: z.infer<typeof periodicParamsSchema>; text: string }
  | { type: 'event'; params: z.infer<typeof eventParamsSchema>; text: string }
  | { type: 'docType'; params: z.infer<typeof docTypeParamsSchema>; text: string }
  | { type: 'package'; params: z.infer<typeof packageParamsSchema>; text: string };

export const RULE_SCHEMAS = {
  count: countParamsSchema,
  periodic: periodicParamsSchema,
  event: eventParamsSchema,
  docType: docTypeParamsSchema,
  package: packageParamsSchema,
} as const;

/** An item (件) as the checker sees it. Trashed items are never passed in. */
export type GapItem = {
  id: number;
  title: string;
  docNo: string;
  /** YYYY-MM-DD or null (undated). */
  date: string | null;
  /** 类型 (方案, 总结, 照片, 会议记录 …). */
  type: string;
  status: 'collected' | 'selected' | 'rejected' | 'incomplete' | 'organized';
  activity: string;
};

export type GapIndicator = {
  id: number;
  parentId: number | null;
  code: string;
  title: string;
  /** 本单位适用; not applicable → 无要求. */
  applicable: boolean;
  /** 测评方法; a leaf asks for materials unless its methods exist and none is 材料审核-like. */
  methods: string[];
  /** Rules as stored (all of them; the checker takes the confirmed ones). */
  rules: { type: string; params: Record<string, unknown>; text: string; confirmed: boolean }[];
  collector: string;
  reviewer: string;
  /** YYYY-MM-DD or free text ("长期坚持"); only a date can pass. */
  deadline: string;
  /** Ids of the items linked directly to this indicator. */
  itemIds: number[];
};

/** A dated occasion an `event` rule can name (built in: lunar festivals and fixed days; users add their own). */
export type CalendarEvent = { name: string; date: string };

export type GapInput = {
  indicators: GapIndicator[];
  items: GapItem[];
  /** The assessment window (测评期间); null ends: open. */
  window: { start: string | null; end: string | null };
  /** The user's own events (e.g. 校运会 2025-10-20); built-in ones are computed for the window's years. */
  customEvents: CalendarEvent[];
  /** "Today", for 完成时限; passed in so results are reproducible. */
  today: string;
};

export const GAP_STATUSES = ['complete', 'partial', 'missing', 'none'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];
export const GAP_STATUS_LABELS: Record<GapStatus, string> = {
  complete: '齐全',
  partial: '部分',
  missing: '缺失',
  none: '无要求',
};

/**
 * One thing the checker found. `rule`: the rule type or the check (evidence, window,
 * placeholder, responsibility, deadline, incomplete, invalidRule). `period`: the period or
 * event occurrence ("2025年第3季度", "2025年中秋节（10月6日）"), '' when none.
 */
export type GapFinding = {
  rule: string;
  period: string;
  need: number;
  have: number;
  /** The full Chinese sentence, e.g. "2025年第3季度缺少会议记录：至少1件，现有0件". */
  message: string;
  /** missing: a requirement not met; problem: something to fix; note: counted but flagged. */
  severity: 'missing' | 'problem' | 'note';
  /** Items concerned (the ones that count toward it, or the ones at fault). */
  itemIds: number[];
};

/** A rule that is met, and by which items (shown on hover). */
export type GapSatisfied = { rule: string; period: string; text: string; itemIds: number[] };

export type GapIndicatorResult = {
  id: number;
  code: string;
  title: string;
  status: GapStatus;
  findings: GapFinding[];
  satisfied: GapSatisfied[];
  /** Leaves under (and including) this node by status; a leaf counts itself. */
  counts: Record<GapStatus, number>;
  /** Share of leaves with requirements that are 齐全, 0–100 (100 when none have requirements). */
  percent: number;
};

export type GapResult = {
  summary: Record<GapStatus, number>;
  /** In the order of the input indicators. */
  indicators: GapIndicatorResult[];
};
