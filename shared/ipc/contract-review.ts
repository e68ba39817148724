import { z } from 'zod';
import { materialSchema } from '../materials/api-types';

/*
 * Contract entries for reviewer mode (issue 7 point 5): page through an indicator's
 * evidence in binding order, mark each item 合格 / 需补充, and the in-app notifications
 * that tell a collector what to add. Spread into `contract` in contract.ts.
 */

const id = z.number().int().positive();

export const REVIEW_VERDICTS = ['ok', 'needs'] as const;
export const reviewVerdictSchema = z.enum(REVIEW_VERDICTS);
export type ReviewVerdict = z.infer<typeof reviewVerdictSchema>;

/** UI words for the verdicts. */
export const VERDICT_LABELS: Record<ReviewVerdict, string> = { ok: '合格', needs: '需补充' };

/** The latest verdict on an item (an item has one, whichever indicator it was reviewed under). */
export const reviewMarkSchema = z.object({
  verdict: reviewVerdictSchema,
  comment: z.string(),
  /** Who reviewed (the name the app runs under) and when (ISO time). */
  by: z.string(),
  at: z.string(),
  /** The indicator it was reviewed under, when it still exists. */
  indicatorId: z.number().int().nullable(),
});
export type ReviewMark = z.infer<typeof reviewMarkSchema>;

export const reviewItemSchema = z.object({
  material: materialSchema,
  /** Where in the subtree it is bound (its first place in binding order). */
  indicatorId: z.number().int(),
  review: reviewMarkSchema.nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const notificationSchema = z.object({
  id: z.number().int(),
  /** 'review.needs' for now: an item a reviewer marked 需补充. */
  kind: z.string(),
  /** The person it is for (收集人), null when the indicator has none set. */
  personId: z.number().int().nullable(),
  personName: z.string(),
  materialId: z.number().int().nullable(),
  indicatorId: z.number().int().nullable(),
  /** One line, e.g. "《志愿服务活动照片》需补充". */
  title: z.string(),
  /** What to do (the reviewer's comment). */
  body: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const reviewMethods = {
  /**
   * The evidence of an indicator and of every indicator under it, in binding order (tree
   * order, then the user's order, then date), each item once, without items 已剔除 or in
   * the trash; with each item's latest verdict.
   */
  'review.items': {
    input: z.object({ indicatorId: id }).strict(),
    output: z.object({ items: z.array(reviewItemSchema) }),
  },
  /**
   * Records a reviewer's verdict on an item. 合格 records it and moves an item still 收集 or
   * 待补充 to 已甄选 (an item already 已甄选 or 已整理 keeps its status); 需补充 needs a
   * comment, sets the item 待补充 with it, and notifies the 收集人 of the indicators it is
   * linked to (under `indicatorId` when given). Every verdict is in the item's history.
   */
  'review.mark': {
    input: z
      .object({
        itemId: id,
        verdict: reviewVerdictSchema,
        comment: z.string().max(2000).default(''),
        /** The indicator being reviewed: whose 收集人 to notify when the item serves several. */
        indicatorId: id.optional(),
      })
      .strict(),
    output: z.object({
      material: materialSchema,
      review: reviewMarkSchema,
      /** The people notified (names), empty for 合格. */
      notified: z.array(z.string()),
    }),
  },
  /** The project's notifications, newest first, and how many are unread. */
  'notifications.list': {
    input: z
      .object({
        unreadOnly: z.boolean().default(false),
        /** Only those for this person (and those for no one in particular). */
        personId: id.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ items: z.array(notificationSchema), unread: z.number().int() }),
  },
  /** Marks notifications read: the given ones, or all when `ids` is absent. */
  'notifications.markRead': {
    input: z.object({ ids: z.array(id).max(1000).optional() }).strict(),
    output: z.object({ marked: z.number().int() }),
  },
} as const;
