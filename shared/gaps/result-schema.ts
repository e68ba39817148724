import { z } from 'zod';
import { GAP_STATUSES, type GapResult } from './model';

/* The gap checker's answer as a schema, for the contract (the core validates what it sends). */

const status = z.enum(GAP_STATUSES);
const counts = z.object({ complete: z.number(), partial: z.number(), missing: z.number(), none: z.number() });

export const gapResultSchema = z.object({
  summary: counts,
  indicators: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      title: z.string(),
      status,
      findings: z.array(
        z.object({
          rule: z.string(),
          period: z.string(),
          need: z.number(),
          have: z.number(),
          message: z.string(),
          severity: z.enum(['missing', 'problem', 'note']),
          itemIds: z.array(z.number().int()),
        }),
      ),
      satisfied: z.array(
        z.object({ rule: z.string(), period: z.string(), text: z.string(), itemIds: z.array(z.number().int()) }),
      ),
      counts,
      percent: z.number(),
    }),
  ),
});

// The schema and the checker's type must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemaMatchesModel: Same<z.infer<typeof gapResultSchema>, GapResult> = true;
