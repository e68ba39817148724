import { describe, expect, it } from 'vitest';
import {
  BUILTIN_EVENT_NAMES,
  LUNAR_FESTIVALS,
  builtinEvents,
  builtinEventsForYear,
  canonicalEventName,
  eventsInWindow,
  expandEventNames,
  isKnownEvent,
} from '../../shared/gaps/calendar';

const dateOf = (year: number, name: string) => builtinEventsForYear(year).find((e) => e.name === name)?.date;

describe('lunar festivals fall on their published dates', () => {
  it.each([
    // The brief's reference dates.
    [2024, '端午节', '2024-06-10'],
    [2025, '中秋节', '2025-10-06'],
    [2026, '春节', '2026-02-17'],
    [2000, '春节', '2000-02-05'],
    [2050, '春节', '2050-01-23'],
    // Spring Festivals across the range.
    [2008, '春节', '2008-02-07'],
    [2010, '春节', '2010-02-14'],
    [2018, '春节', '2018-02-16'],
    [2019, '春节', '2019-02-05'],
    [2020, '春节', '2020-01-25'],
    [2021, '春节', '2021-02-12'],
    [2022, '春节', '2022-02-01'],
    [2023, '春节', '2023-01-22'],
    [2024, '春节', '2024-02-10'],
    [2025, '春节', '2025-01-29'],
    [2033, '春节', '2033-01-31'],
    // Mid-Autumn fell on National Day in 2001 and 2020.
    [2001, '中秋节', '2001-10-01'],
    [2020, '中秋节', '2020-10-01'],
    [2023, '中秋节', '2023-09-29'],
    [2024, '中秋节', '2024-09-17'],
    [2026, '中秋节', '2026-09-25'],
    [2025, '元宵节', '2025-02-12'],
    [2024, '清明节', '2024-04-04'],
    [2025, '清明节', '2025-04-04'],
    [2026, '清明节', '2026-04-05'],
    [2025, '端午节', '2025-05-31'],
    [2024, '七夕节', '2024-08-10'],
    [2025, '七夕节', '2025-08-29'],
    [2024, '重阳节', '2024-10-11'],
    [2025, '重阳节', '2025-10-29'],
  ])('%i %s = %s', (year, name, date) => {
    expect(dateOf(year, name)).toBe(date);
  });

  it('has all seven festivals, once each, in every year 2000–2050, inside that solar year', () => {
    for (let year = 2000; year <= 2050; year++) {
      const events = builtinEventsForYear(year);
      for (const name of LUNAR_FESTIVALS) {
        const dates = events.filter((e) => e.name === name).map((e) => e.date);
        expect(dates, `${year} ${name}`).toHaveLength(1);
        expect(dates[0]!.slice(0, 4)).toBe(String(year));
      }
      // 清明 is always 4 or 5 April (or 6 in rare years of the last century).
      expect(dateOf(year, '清明节')).toMatch(new RegExp(`^${year}-04-0[456]$`));
    }
  });
});

describe('fixed days', () => {
  it.each([
    ['元旦', '2025-01-01'],
    ['学雷锋日', '2025-03-05'],
    ['植树节', '2025-03-12'],
    ['世界防治结核病日', '2025-03-24'],
    ['世界卫生日', '2025-04-07'],
    ['全民国家安全教育日', '2025-04-15'],
    ['全国疟疾日', '2025-04-25'],
    ['五四青年节', '2025-05-04'],
    ['世界无烟日', '2025-05-31'],
    ['六一儿童节', '2025-06-01'],
    ['国际禁毒日', '2025-06-26'],
    ['建党节', '2025-07-01'],
    ['建军节', '2025-08-01'],
    ['教师节', '2025-09-10'],
    ['国庆节', '2025-10-01'],
    ['国家宪法日', '2025-12-04'],
  ])('%s = %s', (name, date) => {
    expect(dateOf(2025, name)).toBe(date);
    expect(BUILTIN_EVENT_NAMES).toContain(name);
  });

  it('lists each year in date order and spans years', () => {
    const events = builtinEvents(2024, 2025);
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(events.length).toBe(builtinEventsForYear(2024).length * 2);
  });
});

describe('names', () => {
  it.each([
    ['中秋', '中秋节'],
    [' 国庆 ', '国庆节'],
    ['七一', '建党节'],
    ['青年节', '五四青年节'],
    ['校运会', '校运会'],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalEventName(name)).toBe(canonical);
  });

  it('expands 传统节日 to the seven lunar festivals and drops duplicates', () => {
    expect(expandEventNames(['传统节日'])).toEqual([...LUNAR_FESTIVALS]);
    expect(expandEventNames(['中秋', '传统节日', '国庆'])).toEqual([
      '中秋节',
      '春节',
      '元宵节',
      '清明节',
      '端午节',
      '七夕节',
      '重阳节',
      '国庆节',
    ]);
  });

  it('knows built-in names, aliases and the user’s own events only', () => {
    const custom = [{ name: '校运会', date: '2025-10-20' }];
    expect(isKnownEvent('端午', custom)).toBe(true);
    expect(isKnownEvent('校运会', custom)).toBe(true);
    expect(isKnownEvent('艺术节', custom)).toBe(false);
  });
});

describe('events in a window', () => {
  const window = { start: '2025-08-01', end: '2026-07-31' };

  it('gives the seven traditional festivals of an assessment year August–July', () => {
    expect(eventsInWindow(window, [], ['传统节日'])).toEqual([
      { name: '七夕节', date: '2025-08-29' },
      { name: '中秋节', date: '2025-10-06' },
      { name: '重阳节', date: '2025-10-29' },
      { name: '春节', date: '2026-02-17' },
      { name: '元宵节', date: '2026-03-03' },
      { name: '清明节', date: '2026-04-05' },
      { name: '端午节', date: '2026-06-19' },
    ]);
  });

  it('merges custom events, resolving aliases and dropping exact duplicates and bad dates', () => {
    const custom = [
      { name: '校运会', date: '2025-10-20' },
      { name: '校运会', date: '2024-10-20' },
      { name: '中秋', date: '2025-10-06' },
      { name: '艺术节', date: '2025年11月' },
    ];
    expect(eventsInWindow(window, custom, ['中秋节', '校运会', '艺术节'])).toEqual([
      { name: '中秋节', date: '2025-10-06' },
      { name: '校运会', date: '2025-10-20' },
    ]);
  });

  it('includes the window’s own ends and all events when no names are given', () => {
    const all = eventsInWindow({ start: '2025-08-01', end: '2025-10-01' }, []);
    expect(all[0]).toEqual({ name: '建军节', date: '2025-08-01' });
    expect(all.at(-1)).toEqual({ name: '国庆节', date: '2025-10-01' });
  });

  it('is empty for a window that is not two dates in order', () => {
    expect(eventsInWindow({ start: '2026-01-01', end: '2025-01-01' }, [])).toEqual([]);
    expect(eventsInWindow({ start: '上年8月', end: '2025-01-01' }, [])).toEqual([]);
  });
});
