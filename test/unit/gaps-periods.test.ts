import { describe, expect, it } from 'vitest';
import { isoWeek, parseLooseYmd, parseYmd } from '../../shared/gaps/dates';
import type { GapPeriod } from '../../shared/gaps/model';
import { effectiveWindow, periodNeed, skippedText, spanText, splitPeriods } from '../../shared/gaps/periods';

const brief = (period: GapPeriod, every: number | undefined, start: string, end: string) =>
  splitPeriods(period, every, { start, end }).map((s) => [s.label, s.from, s.to, s.covered, s.days]);

describe('splitting a window into periods', () => {
  it.each<[string, GapPeriod, number | undefined, string, string, (string | number)[][]]>([
    [
      'quarters of an August–July window: a partial first and a skipped last quarter',
      'quarter',
      undefined,
      '2025-08-01',
      '2026-07-31',
      [
        ['2025年第3季度', '2025-08-01', '2025-09-30', 61, 92],
        ['2025年第4季度', '2025-10-01', '2025-12-31', 92, 92],
        ['2026年第1季度', '2026-01-01', '2026-03-31', 90, 90],
        ['2026年第2季度', '2026-04-01', '2026-06-30', 91, 91],
        ['2026年第3季度', '2026-07-01', '2026-07-31', 31, 92],
      ],
    ],
    [
      'months of a leap February',
      'month',
      undefined,
      '2024-01-15',
      '2024-03-31',
      [
        ['2024年1月', '2024-01-15', '2024-01-31', 17, 31],
        ['2024年2月', '2024-02-01', '2024-02-29', 29, 29],
        ['2024年3月', '2024-03-01', '2024-03-31', 31, 31],
      ],
    ],
    [
      'the leap quarter has 91 days',
      'quarter',
      undefined,
      '2024-01-01',
      '2024-03-31',
      [['2024年第1季度', '2024-01-01', '2024-03-31', 91, 91]],
    ],
    [
      'the week of 2024-02-29',
      'week',
      undefined,
      '2024-02-29',
      '2024-03-03',
      [['2024年第9周（2月26日—3月3日）', '2024-02-29', '2024-03-03', 4, 7]],
    ],
    [
      'weeks across New Year belong to the ISO year of their Thursday',
      'week',
      undefined,
      '2024-12-25',
      '2025-01-10',
      [
        ['2024年第52周（12月23日—12月29日）', '2024-12-25', '2024-12-29', 5, 7],
        ['2025年第1周（2024年12月30日—2025年1月5日）', '2024-12-30', '2025-01-05', 7, 7],
        ['2025年第2周（1月6日—1月12日）', '2025-01-06', '2025-01-10', 5, 7],
      ],
    ],
    [
      'the brief’s week label',
      'week',
      undefined,
      '2025-03-17',
      '2025-03-23',
      [['2025年第12周（3月17日—3月23日）', '2025-03-17', '2025-03-23', 7, 7]],
    ],
    [
      'every two months from the window’s first month',
      'month',
      2,
      '2025-08-01',
      '2026-07-31',
      [
        ['2025年8月—9月', '2025-08-01', '2025-09-30', 61, 61],
        ['2025年10月—11月', '2025-10-01', '2025-11-30', 61, 61],
        ['2025年12月—2026年1月', '2025-12-01', '2026-01-31', 62, 62],
        ['2026年2月—3月', '2026-02-01', '2026-03-31', 59, 59],
        ['2026年4月—5月', '2026-04-01', '2026-05-31', 61, 61],
        ['2026年6月—7月', '2026-06-01', '2026-07-31', 61, 61],
      ],
    ],
    [
      'every two weeks from the Monday of the first week',
      'week',
      2,
      '2025-03-19',
      '2025-04-06',
      [
        ['2025年第12—13周（3月17日—3月30日）', '2025-03-19', '2025-03-30', 12, 14],
        ['2025年第14—15周（3月31日—4月13日）', '2025-03-31', '2025-04-06', 7, 14],
      ],
    ],
    [
      'half-years',
      'halfyear',
      undefined,
      '2025-01-01',
      '2025-12-31',
      [
        ['2025年上半年', '2025-01-01', '2025-06-30', 181, 181],
        ['2025年下半年', '2025-07-01', '2025-12-31', 184, 184],
      ],
    ],
    [
      'an assessment year August–July is one year',
      'year',
      undefined,
      '2025-08-01',
      '2026-07-31',
      [['测评年度（2025年8月—2026年7月）', '2025-08-01', '2026-07-31', 365, 365]],
    ],
    [
      'a calendar year that holds 29 February',
      'year',
      undefined,
      '2024-01-01',
      '2024-12-31',
      [['2024年度', '2024-01-01', '2024-12-31', 366, 366]],
    ],
    [
      'years counted from a 29 February start do not drift',
      'year',
      undefined,
      '2024-02-29',
      '2026-01-31',
      [
        ['测评年度（2024年2月29日—2025年2月28日）', '2024-02-29', '2025-02-28', 366, 366],
        ['测评年度（2025年3月—2026年2月）', '2025-03-01', '2026-01-31', 337, 365],
      ],
    ],
  ])('%s', (_name, period, every, start, end, expected) => {
    expect(brief(period, every, start, end)).toEqual(expected);
  });

  it('is empty for a reversed or unreadable window', () => {
    expect(splitPeriods('month', undefined, { start: '2025-08-01', end: '2025-07-31' })).toEqual([]);
    expect(splitPeriods('month', undefined, { start: '2025-02-30', end: '2025-07-31' })).toEqual([]);
  });
});

describe('partial periods', () => {
  const [q3, q4] = splitPeriods('quarter', undefined, { start: '2025-08-01', end: '2025-12-31' });
  const [lateQ3] = splitPeriods('quarter', undefined, { start: '2025-08-20', end: '2025-12-31' });

  it.each([
    ['a full period needs min', 3, q4!, 3],
    ['61 of 92 days: 1 pro-rated stays 1', 1, q3!, 1],
    ['61 of 92 days: 3 pro-rated rounds up to 2', 3, q3!, 2],
    ['42 of 92 days is less than half: skipped', 1, lateQ3!, null],
  ])('%s', (_name, min, span, need) => {
    expect(periodNeed(min, span)).toBe(need);
  });

  it('requires a period exactly half inside', () => {
    const [first] = splitPeriods('month', undefined, { start: '2025-04-16', end: '2025-05-31' });
    expect([first!.covered, first!.days]).toEqual([15, 30]);
    expect(periodNeed(2, first!)).toBe(1);
  });

  it('says which part of a partial period is inside the window, in Chinese', () => {
    expect(spanText(q3!)).toBe('2025年第3季度（测评期内 8月1日—9月30日）');
    expect(spanText(q4!)).toBe('2025年第4季度');
    const [week] = splitPeriods('week', undefined, { start: '2025-03-19', end: '2025-03-31' });
    expect(spanText(week!)).toBe('2025年第12周（3月17日—3月23日；测评期内 3月19日—3月23日）');
    expect(skippedText(lateQ3!)).toBe('2025年第3季度只有8月20日—9月30日在测评期内（不足一半），本期不作要求');
  });
});

describe('open windows', () => {
  it.each<[string, { start: string | null; end: string | null }, string | null, GapPeriod | null, object]>([
    [
      'a closed window is kept',
      { start: '2025-08-01', end: '2026-07-31' },
      '2020-01-01',
      'quarter',
      { start: '2025-08-01', end: '2026-07-31' },
    ],
    [
      'no start: the quarter of the earliest item',
      { start: null, end: '2026-07-31' },
      '2025-08-20',
      'quarter',
      { start: '2025-07-01', end: '2026-07-31' },
    ],
    [
      'no start: the Monday of the earliest item’s week',
      { start: null, end: '2026-07-31' },
      '2025-03-19',
      'week',
      { start: '2025-03-17', end: '2026-07-31' },
    ],
    [
      'no start and no period: the earliest item’s calendar year',
      { start: null, end: null },
      '2025-08-20',
      null,
      { start: '2025-01-01', end: '2026-03-01' },
    ],
    [
      'no start and nothing dated: the year of today',
      { start: null, end: null },
      null,
      'month',
      { start: '2026-01-01', end: '2026-03-01' },
    ],
  ])('%s', (_name, window, earliest, period, expected) => {
    expect(effectiveWindow(window, earliest, '2026-03-01', period)).toEqual(expected);
  });
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-8-1', false],
    ['20xx-05-01', false],
  ])('%s is a date: %s', (text, ok) => {
    expect(parseYmd(text) !== null).toBe(ok);
  });

  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2026/3/31', '2026-03-31'],
    ['2026.3.31', '2026-03-31'],
    ['2026年3月31日', '2026-03-31'],
    ['长期坚持', null],
    ['2026年上半年', null],
  ])('deadline %s', (text, iso) => {
    expect(parseLooseYmd(text)).toBe(iso === null ? null : parseYmd(iso));
  });

  it.each([
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2026-12-31', 2026, 53],
    ['2027-01-01', 2026, 53],
  ])('ISO week of %s', (date, year, week) => {
    expect(isoWeek(parseYmd(date)!)).toEqual({ year, week });
  });
});
