/*
 * Calendar days as whole numbers (days since 1970-01-01, UTC), so the gap checker compares,
 * subtracts and sorts dates without time zones: a date in the ledger is a day, never an
 * instant, and the same project must give the same answer in Beijing and on a CI machine.
 */

/*
 * Pure arithmetic (H. Hinnant's days_from_civil / civil_from_days) rather than Date objects:
 * the checker converts hundreds of thousands of dates per run, and allocating a Date for
 * each made garbage collection the larger part of its time.
 */
function fromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day number of year/month/day; month and day may overflow (month 13 → January next year). */
export function dayOf(year: number, month: number, day: number): number {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return fromCivil(y, m, 1) + day - 1;
}

/** Digits at text[from, from + n) as a number, or -1. */
function digits(text: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** "YYYY-MM-DD" → day number; null for anything else, including impossible dates (2025-02-29). */
export function parseYmd(text: string | null | undefined): number | null {
  if (!text) return null;
  // Hand-parsed: called for every item and rule, and a regex match allocates.
  const t = text.length === 10 ? text : text.trim();
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1]!)) return null;
  return fromCivil(y, mo, d);
}

/**
 * Deadlines are typed by hand: besides ISO, accept 2026/3/31, 2026.3.31 and 2026年3月31日.
 * Anything else ("长期坚持", "2026年上半年") is not a date and can never be passed.
 */
export function parseLooseYmd(text: string): number | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  return parseYmd(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}

export function ymdParts(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** Day number → "YYYY-MM-DD". */
export function formatYmd(day: number): string {
  const p = ymdParts(day);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** 0 for Monday … 6 for Sunday (Chinese weeks start on Monday). */
export function weekdayIndex(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}

/** ISO 8601 week: the week belongs to the year that holds its Thursday. */
export function isoWeek(day: number): { year: number; week: number } {
  const thursday = day - weekdayIndex(day) + 3;
  const year = ymdParts(thursday).year;
  return { year, week: Math.floor((thursday - dayOf(year, 1, 1)) / 7) + 1 };
}

/** "3月17日". */
export function monthDay(day: number): string {
  const p = ymdParts(day);
  return `${p.month}月${p.day}日`;
}

/** "3月17日—3月23日"; the years are written out when the range crosses New Year. */
export function dayRange(from: number, to: number): string {
  const a = ymdParts(from);
  const b = ymdParts(to);
  if (a.year === b.year) return `${monthDay(from)}—${monthDay(to)}`;
  return `${a.year}年${monthDay(from)}—${b.year}年${monthDay(to)}`;
}
