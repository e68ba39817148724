import { dayOf, dayRange, formatYmd, isoWeek, parseYmd, weekdayIndex, ymdParts } from './dates';
import type { GapPeriod } from './model';

/*
 * Splits the assessment window (测评期间) into the periods a `periodic` rule counts in.
 * Weeks, months, quarters and half-years follow the calendar (a week is Monday–Sunday),
 * because that is how offices hold their 例会; a "year" is the assessment year, twelve months
 * from the window start, because windows such as 上年8月–本年7月 are what inspectors review.
 * A window rarely starts on a quarter's first day, so the first and last periods may be only
 * partly inside: see periodNeed.
 */

/** One period of a periodic rule, and how much of it lies in the window. */
export type PeriodSpan = {
  /** "2025年第3季度", "2025年3月", "2025年上半年", "2025年第12周（3月17日—3月23日）", "测评年度（2025年8月—2026年7月）". */
  label: string;
  /** The whole period, YYYY-MM-DD inclusive. */
  start: string;
  end: string;
  /** The part of it inside the window. */
  from: string;
  to: string;
  /** Days in the whole period, and of them inside the window. */
  days: number;
  covered: number;
};

const MONTHS: Record<Exclude<GapPeriod, 'week'>, number> = { month: 1, quarter: 3, halfyear: 6, year: 12 };

function addMonths(day: number, months: number): number {
  const p = ymdParts(day);
  return dayOf(p.year, p.month + months, p.day);
}

/** The first day of the calendar month/quarter/half-year/year, or the Monday, that holds `day`. */
function calendarStart(period: GapPeriod, day: number): number {
  if (period === 'week') return day - weekdayIndex(day);
  const p = ymdParts(day);
  const unit = MONTHS[period];
  return dayOf(p.year, Math.floor((p.month - 1) / unit) * unit + 1, 1);
}

function monthLabel(a: number, b: number): string {
  const x = ymdParts(a);
  const y = ymdParts(b);
  if (x.day !== 1) return `${x.year}年${x.month}月${x.day}日—${y.year}年${y.month}月${y.day}日`;
  if (x.year === y.year)
    return x.month === y.month ? `${x.year}年${x.month}月` : `${x.year}年${x.month}月—${y.month}月`;
  return `${x.year}年${x.month}月—${y.year}年${y.month}月`;
}

function label(period: GapPeriod, every: number, a: number, b: number): string {
  const p = ymdParts(a);
  if (period === 'week') {
    const w1 = isoWeek(a);
    const w2 = isoWeek(b);
    const weeks =
      every === 1
        ? `${w1.year}年第${w1.week}周`
        : w1.year === w2.year
          ? `${w1.year}年第${w1.week}—${w2.week}周`
          : `${w1.year}年第${w1.week}周—${w2.year}年第${w2.week}周`;
    return `${weeks}（${dayRange(a, b)}）`;
  }
  if (every === 1 && period === 'quarter') return `${p.year}年第${Math.ceil(p.month / 3)}季度`;
  if (every === 1 && period === 'halfyear') return `${p.year}年${p.month <= 6 ? '上' : '下'}半年`;
  if (every === 1 && period === 'year') {
    return p.month === 1 && p.day === 1 ? `${p.year}年度` : `测评年度（${monthLabel(a, b)}）`;
  }
  return monthLabel(a, b);
}

/**
 * The periods of `period` (every `every` of them, for "每2个月") that touch the window
 * [start, end] (YYYY-MM-DD, inclusive), in order. Week spans start on the Monday of the
 * window's first week, month/quarter/half-year spans on the first day of the calendar unit
 * holding the window start, year spans on the window start itself. Empty when the window is
 * not two valid dates in order.
 */
export function splitPeriods(
  period: GapPeriod,
  every: number | undefined,
  window: { start: string; end: string },
): PeriodSpan[] {
  const s = parseYmd(window.start);
  const e = parseYmd(window.end);
  if (s === null || e === null || s > e) return [];
  const n = Math.max(1, Math.floor(every ?? 1));
  const spans: PeriodSpan[] = [];
  const push = (a: number, b: number) => {
    const from = Math.max(a, s);
    const to = Math.min(b, e);
    spans.push({
      label: label(period, n, a, b),
      start: formatYmd(a),
      end: formatYmd(b),
      from: formatYmd(from),
      to: formatYmd(to),
      days: b - a + 1,
      covered: to - from + 1,
    });
  };
  if (period === 'week') {
    for (let a = calendarStart('week', s); a <= e; a += 7 * n) push(a, a + 7 * n - 1);
    return spans;
  }
  const months = MONTHS[period] * n;
  const anchor = period === 'year' ? s : calendarStart(period, s);
  // Each boundary from the anchor, never from the previous boundary, so a start on
  // 2024-02-29 or the 31st cannot drift.
  for (let k = 0; ; k++) {
    const a = addMonths(anchor, k * months);
    if (a > e) break;
    push(a, addMonths(anchor, (k + 1) * months) - 1);
  }
  return spans;
}

/**
 * How many items a period partly outside the window must hold: null (not required) when less
 * than half of its days are inside, since nobody holds the quarterly meeting in the last
 * fortnight of a quarter they were not yet assessed for; otherwise min pro-rated to the days
 * inside, rounded up, so a full period needs exactly min.
 */
export function periodNeed(min: number, span: PeriodSpan): number | null {
  if (span.covered * 2 < span.days) return null;
  return Math.ceil((min * span.covered) / span.days);
}

/** The label, with the part inside the window added when the period is partial: "2025年第3季度（测评期内 8月1日—9月30日）". */
export function spanText(span: PeriodSpan): string {
  if (span.covered === span.days) return span.label;
  const inside = `测评期内 ${dayRange(parseYmd(span.from)!, parseYmd(span.to)!)}`;
  return span.label.endsWith('）') ? `${span.label.slice(0, -1)}；${inside}）` : `${span.label}（${inside}）`;
}

/** Why a period is not required: "2025年第3季度只有9月20日—9月30日在测评期内（不足一半），本期不作要求". */
export function skippedText(span: PeriodSpan): string {
  return `${span.label}只有${dayRange(parseYmd(span.from)!, parseYmd(span.to)!)}在测评期内（不足一半），本期不作要求`;
}

/**
 * A window with both ends, for rules to count in. An open start begins at the period (of
 * `period`; a calendar year for rules without one) that holds the earliest dated item, or on
 * 1 January of today's year when nothing is dated: the office has not said when its
 * assessment began, so gaps are looked for from its first evidence on. An open end is today.
 */
export function effectiveWindow(
  window: { start: string | null; end: string | null },
  earliest: string | null,
  today: string,
  period: GapPeriod | null,
): { start: string; end: string } {
  const end = parseYmd(window.end) !== null ? window.end!.trim() : today;
  if (parseYmd(window.start) !== null) return { start: window.start!.trim(), end };
  const first = parseYmd(earliest);
  if (first === null) return { start: `${today.slice(0, 4)}-01-01`, end };
  return { start: formatYmd(calendarStart(period ?? 'year', first)), end };
}
