import { z } from 'zod';
import { GAP_STATUSES } from '../gaps/model';
import { gapResultSchema } from '../gaps/result-schema';
import { fileOutputSchema } from './file-output';

/* Contract entries for 查漏补缺 (the gap checker). Spread into `contract` in contract.ts. */

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-03-05');

export const calendarEventSchema = z.object({
  id,
  name: z.string(),
  date: z.string(),
  note: z.string(),
});

export const gapMethods = {
  /** Checks every indicator of a system against its rules and the evidence linked to it. */
  'gaps.check': { input: z.object({ systemId: id }).strict(), output: gapResultSchema },
  /** The gap report (.xlsx or printable PDF), filtered by person, unit or status; saved to `path` or returned as data. */
  'gaps.export': {
    input: z
      .object({
        systemId: id,
        format: z.enum(['xlsx', 'pdf']).default('xlsx'),
        path: z.string().min(1).optional(),
        person: z.string().optional(),
        unit: z.string().optional(),
        statuses: z.array(z.enum(GAP_STATUSES)).optional(),
      })
      .strict(),
    output: fileOutputSchema,
  },
  /** Names `event` rules may use: built-in festivals and days, then the office's own events. */
  'gaps.eventNames': { input: z.object({}).strict(), output: z.array(z.string()) },
  /** The office's own dated events (校运会 …). */
  'gaps.events': { input: z.object({}).strict(), output: z.array(calendarEventSchema) },
  'gaps.saveEvent': {
    input: z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1, '请填写活动名称').max(100),
        date: isoDate,
        note: z.string().max(500).default(''),
      })
      .strict(),
    output: calendarEventSchema,
  },
  'gaps.deleteEvent': { input: z.object({ id }).strict(), output: z.object({}) },
} as const;
