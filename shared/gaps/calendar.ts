import { Lunar } from 'lunar-typescript';
import { dayOf, formatYmd, parseYmd, ymdParts } from './dates';
import type { CalendarEvent } from './model';

/*
 * The occasions an `event` rule can name ("在每个传统节日期间至少开展一次主题活动", health
 * days such as 3.24 世界防治结核病日). Lunar festivals move every year, so they are computed
 * with lunar-typescript rather than typed in; fixed days are month/day pairs. Users add their
 * own (校运会 2025-10-20) as custom events.
 */

/** The traditional festivals, in calendar order; what "传统节日" expands to. */
export const LUNAR_FESTIVALS = ['春节', '元宵节', '清明节', '端午节', '七夕节', '中秋节', '重阳节'] as const;

/** Lunar month/day of each festival; 清明 is a solar term, not a lunar date. */
const LUNAR_DATES: Record<(typeof LUNAR_FESTIVALS)[number], [number, number] | 'jieqi'> = {
  春节: [1, 1],
  元宵节: [1, 15],
  清明节: 'jieqi',
  端午节: [5, 5],
  七夕节: [7, 7],
  中秋节: [8, 15],
  重阳节: [9, 9],
};

/**
 * Days with a fixed solar date that campaigns hold activities on: the health days DOMAIN.md
 * quotes (001:229), the holidays schools and communities mark, and a few more that 创文
 * handbooks name often (志愿服务、读书、环境、公祭).
 */
export const FIXED_EVENTS: readonly { name: string; month: number; day: number }[] = [
  { name: '元旦', month: 1, day: 1 },
  { name: '学雷锋日', month: 3, day: 5 },
  { name: '妇女节', month: 3, day: 8 },
  { name: '植树节', month: 3, day: 12 },
  { name: '世界防治结核病日', month: 3, day: 24 },
  { name: '世界卫生日', month: 4, day: 7 },
  { name: '全民国家安全教育日', month: 4, day: 15 },
  { name: '世界读书日', month: 4, day: 23 },
  { name: '全国疟疾日', month: 4, day: 25 },
  { name: '劳动节', month: 5, day: 1 },
  { name: '五四青年节', month: 5, day: 4 },
  { name: '世界无烟日', month: 5, day: 31 },
  { name: '六一儿童节', month: 6, day: 1 },
  { name: '世界环境日', month: 6, day: 5 },
  { name: '国际禁毒日', month: 6, day: 26 },
  { name: '建党节', month: 7, day: 1 },
  { name: '建军节', month: 8, day: 1 },
  { name: '教师节', month: 9, day: 10 },
  { name: '烈士纪念日', month: 9, day: 30 },
  { name: '国庆节', month: 10, day: 1 },
  { name: '世界艾滋病日', month: 12, day: 1 },
  { name: '国家宪法日', month: 12, day: 4 },
  { name: '国际志愿者日', month: 12, day: 5 },
  { name: '国家公祭日', month: 12, day: 13 },
];

/** Every built-in name, lunar festivals first, for the rule editor's pick list. */
export const BUILTIN_EVENT_NAMES: readonly string[] = [...LUNAR_FESTIVALS, ...FIXED_EVENTS.map((e) => e.name)];

/** Names that stand for several events, so one rule covers "每个传统节日". */
export const EVENT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  传统节日: LUNAR_FESTIVALS,
  健康主题日: ['世界防治结核病日', '世界卫生日', '全国疟疾日', '世界无烟日', '国际禁毒日', '世界艾滋病日'],
};

/** What people actually write ("中秋", "国庆", "七一") → the built-in name. */
const ALIASES: Record<string, string> = {
  春节: '春节',
  元宵: '元宵节',
  清明: '清明节',
  端午: '端午节',
  七夕: '七夕节',
  中秋: '中秋节',
  重阳: '重阳节',
  元旦节: '元旦',
  学雷锋纪念日: '学雷锋日',
  三八妇女节: '妇女节',
  国际妇女节: '妇女节',
  三八: '妇女节',
  世界结核病日: '世界防治结核病日',
  国家安全教育日: '全民国家安全教育日',
  疟疾日: '全国疟疾日',
  五一: '劳动节',
  五一劳动节: '劳动节',
  国际劳动节: '劳动节',
  青年节: '五四青年节',
  五四: '五四青年节',
  儿童节: '六一儿童节',
  国际儿童节: '六一儿童节',
  六一: '六一儿童节',
  七一: '建党节',
  八一: '建军节',
  国庆: '国庆节',
  宪法日: '国家宪法日',
  志愿者日: '国际志愿者日',
  禁毒日: '国际禁毒日',
  无烟日: '世界无烟日',
  读书日: '世界读书日',
  环境日: '世界环境日',
};

/** The built-in name for a name or alias; other names (custom events) come back trimmed. */
export function canonicalEventName(name: string): string {
  const n = name.replace(/\s+/g, '');
  return ALIASES[n] ?? n;
}

/** Groups expanded, aliases resolved, duplicates dropped, order kept. */
export function expandEventNames(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const n = raw.replace(/\s+/g, '');
    for (const name of EVENT_GROUPS[n] ?? [n]) out.add(canonicalEventName(name));
  }
  return [...out];
}

/**
 * lunar-typescript covers far more, but the product promises (and the tests check) the
 * years around any real assessment window; outside this range lunar festivals are left out
 * rather than risking a wrong date.
 */
const LUNAR_YEARS = { min: 1901, max: 2099 };

const byYear = new Map<number, readonly CalendarEvent[]>();

/** The built-in events of one calendar year, in date order (cached: windows ask for the same years again and again). */
export function builtinEventsForYear(year: number): readonly CalendarEvent[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  const events: CalendarEvent[] = FIXED_EVENTS.map((e) => ({
    name: e.name,
    date: formatYmd(dayOf(year, e.month, e.day)),
  }));
  if (year >= LUNAR_YEARS.min && year <= LUNAR_YEARS.max) {
    // Every one of the seven falls in the solar year of the same number as its lunar year.
    for (const name of LUNAR_FESTIVALS) {
      const at = LUNAR_DATES[name];
      const date =
        at === 'jieqi'
          ? Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明']!.toYmd()
          : Lunar.fromYmd(year, at[0], at[1]).getSolar().toYmd();
      events.push({ name, date });
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  byYear.set(year, events);
  return events;
}

/** Built-in events of the years fromYear..toYear (inclusive), in date order. */
export function builtinEvents(fromYear: number, toYear: number): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(...builtinEventsForYear(y));
  return out;
}

/**
 * Built-in ∪ custom events dated within [start, end] (YYYY-MM-DD, inclusive), in date order;
 * custom names are resolved like built-in ones ("中秋" = 中秋节), exact duplicates dropped and
 * custom events with a date that is not YYYY-MM-DD ignored. With `names`, only those events
 * (groups and aliases allowed).
 */
export function eventsInWindow(
  window: { start: string; end: string },
  customEvents: readonly CalendarEvent[],
  names?: readonly string[],
): CalendarEvent[] {
  const start = parseYmd(window.start);
  const end = parseYmd(window.end);
  if (start === null || end === null || start > end) return [];
  const wanted = names ? new Set(expandEventNames(names)) : null;
  const seen = new Set<string>();
  const out: CalendarEvent[] = [];
  const add = (name: string, date: string) => {
    const day = parseYmd(date);
    if (day === null || day < start || day > end || (wanted && !wanted.has(name))) return;
    const key = `${name}|${date}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, date });
  };
  for (const e of builtinEvents(ymdParts(start).year, ymdParts(end).year)) add(e.name, e.date);
  for (const e of customEvents) add(canonicalEventName(e.name), e.date.trim());
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Whether a name (after aliases, not a group) is built in or one of the user's events, whatever its dates. */
export function isKnownEvent(name: string, customEvents: readonly CalendarEvent[]): boolean {
  const n = canonicalEventName(name);
  return BUILTIN_EVENT_NAMES.includes(n) || customEvents.some((e) => canonicalEventName(e.name) === n);
}
