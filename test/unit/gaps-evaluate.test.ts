import { describe, expect, it } from 'vitest';
import { asksForMaterials, evaluateGaps, findPlaceholders } from '../../shared/gaps/evaluate';
import type {
  CalendarEvent,
  GapFinding,
  GapIndicator,
  GapIndicatorResult,
  GapInput,
  GapItem,
} from '../../shared/gaps/model';

const WINDOW = { start: '2025-08-01', end: '2026-07-31' };
/** After the window, before any deadline used below unless a test says otherwise. */
const TODAY = '2026-08-15';

const indicator = (p: Partial<GapIndicator> & { id: number }): GapIndicator => ({
  parentId: null,
  code: `C${p.id}`,
  title: `指标${p.id}`,
  applicable: true,
  methods: ['材料审核'],
  rules: [],
  collector: '张三',
  reviewer: '李四',
  deadline: '',
  itemIds: [],
  ...p,
});

const item = (p: Partial<GapItem> & { id: number }): GapItem => ({
  title: `材料${p.id}`,
  docNo: '',
  date: '2025-09-01',
  type: '其他',
  status: 'selected',
  activity: '',
  ...p,
});

const rule = (type: string, params: Record<string, unknown>, text = '规则') => ({
  type,
  params,
  text,
  confirmed: true,
});

type Options = { window?: GapInput['window']; today?: string; customEvents?: CalendarEvent[] };

/** One leaf linked to all the given items. */
function leaf(
  rules: GapIndicator['rules'],
  items: GapItem[],
  options: Options = {},
  extra: Partial<GapIndicator> = {},
) {
  const input: GapInput = {
    indicators: [indicator({ id: 1, rules, itemIds: items.map((i) => i.id), ...extra })],
    items,
    window: options.window ?? WINDOW,
    customEvents: options.customEvents ?? [],
    today: options.today ?? TODAY,
  };
  return evaluateGaps(input).indicators[0]!;
}

const messages = (r: GapIndicatorResult, severity?: GapFinding['severity']) =>
  r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.message);

const quarterlyMeetings = rule('periodic', { period: 'quarter', min: 1, kind: '会议记录' }, '每季度至少召开一次');

describe('count rules', () => {
  it.each<[string, Record<string, unknown>, GapItem[], string[]]>([
    ['met', { min: 2 }, [item({ id: 1 }), item({ id: 2 })], []],
    ['short', { min: 2 }, [item({ id: 1 })], ['缺少材料：至少2件，现有1件']],
    ['by 类型', { min: 1, kind: '会议记录' }, [item({ id: 1, type: '照片' })], ['缺少会议记录：至少1件，现有0件']],
    [
      'by 类型 and keyword in the title',
      { min: 2, kind: '会议记录', keyword: '学习' },
      [
        item({ id: 1, type: '会议记录', title: '理论学习会议记录' }),
        item({ id: 2, type: '会议记录', title: '工作例会记录' }),
      ],
      ['缺少会议记录（题名含“学习”）：至少2件，现有1件'],
    ],
    [
      'items outside the window do not count, and the message says so',
      { min: 2 },
      [item({ id: 1 }), item({ id: 2, date: '2024-05-01' })],
      ['缺少材料：至少2件，现有1件（另有1件没有日期或不在测评期间内，未计入）'],
    ],
  ])('%s', (_name, params, items, expected) => {
    const r = leaf([rule('count', params)], items);
    expect(messages(r, 'missing')).toEqual(expected);
    expect(r.status).toBe(
      expected.length === 0 && !r.findings.some((f) => f.severity === 'problem') ? 'complete' : 'partial',
    );
  });

  it('lists the items that met it', () => {
    const r = leaf([rule('count', { min: 1 }, '至少组织两次以上集中学习')], [item({ id: 7 })]);
    expect(r.satisfied).toEqual([{ rule: 'count', period: '', text: '至少组织两次以上集中学习', itemIds: [7] }]);
  });
});

describe('periodic rules', () => {
  const meeting = (id: number, date: string) => item({ id, date, type: '会议记录', title: `领导小组会议纪要${id}` });

  it('checks each quarter of an August–July window, pro-rating the first and skipping a short last one', () => {
    const r = leaf([quarterlyMeetings], [meeting(1, '2025-10-15'), meeting(2, '2026-05-10')]);
    expect(r.status).toBe('partial');
    expect(messages(r, 'missing')).toEqual([
      '2025年第3季度（测评期内 8月1日—9月30日）缺少会议记录：至少1件，现有0件',
      '2026年第1季度缺少会议记录：至少1件，现有0件',
    ]);
    expect(messages(r, 'note')).toEqual(['2026年第3季度只有7月1日—7月31日在测评期内（不足一半），本期不作要求']);
    expect(r.satisfied.map((s) => [s.period, s.itemIds])).toEqual([
      ['2025年第4季度', [1]],
      ['2026年第2季度', [2]],
    ]);
    const q1 = r.findings.find((f) => f.period === '2026年第1季度')!;
    expect([q1.rule, q1.need, q1.have, q1.severity]).toEqual(['periodic', 1, 0, 'missing']);
  });

  it('skips a first quarter mostly before the window and says so', () => {
    const r = leaf([quarterlyMeetings], [], { window: { start: '2025-08-20', end: '2025-12-31' } });
    expect(messages(r, 'note')).toEqual(['2025年第3季度只有8月20日—9月30日在测评期内（不足一半），本期不作要求']);
    expect(r.findings.filter((f) => f.rule === 'periodic' && f.severity === 'missing').map((f) => f.period)).toEqual([
      '2025年第4季度',
    ]);
  });

  it('pro-rates a larger minimum and rounds up', () => {
    const r = leaf(
      [rule('periodic', { period: 'quarter', min: 3 })],
      [item({ id: 1, date: '2025-08-05' }), item({ id: 2, date: '2025-11-05' })],
      { window: { start: '2025-08-01', end: '2025-12-31' } },
    );
    expect(r.findings.filter((f) => f.rule === 'periodic').map((f) => [f.period, f.need, f.have])).toEqual([
      ['2025年第3季度', 2, 1],
      ['2025年第4季度', 3, 1],
    ]);
  });

  it.each<[string, Record<string, unknown>, GapInput['window'], GapItem[], string[]]>([
    [
      'monthly, with 29 February counting in a leap February',
      { period: 'month', min: 1 },
      { start: '2024-01-01', end: '2024-03-31' },
      [item({ id: 1, date: '2024-01-10' }), item({ id: 2, date: '2024-02-29' })],
      ['2024年3月缺少材料：至少1件，现有0件'],
    ],
    [
      'quarterly in a leap year',
      { period: 'quarter', min: 2 },
      { start: '2024-01-01', end: '2024-06-30' },
      [item({ id: 1, date: '2024-02-29' }), item({ id: 2, date: '2024-03-31' }), item({ id: 3, date: '2024-04-01' })],
      ['2024年第2季度缺少材料：至少2件，现有1件'],
    ],
    [
      'weekly, with the week that holds 29 February',
      { period: 'week', min: 1 },
      { start: '2024-02-26', end: '2024-03-10' },
      [item({ id: 1, date: '2024-02-29' })],
      ['2024年第10周（3月4日—3月10日）缺少材料：至少1件，现有0件'],
    ],
    [
      'weekly across New Year',
      { period: 'week', min: 1, kind: '班会记录' },
      { start: '2024-12-23', end: '2025-01-12' },
      [item({ id: 1, date: '2025-01-01', type: '班会记录' }), item({ id: 2, date: '2024-12-31', type: '照片' })],
      [
        '2024年第52周（12月23日—12月29日）缺少班会记录：至少1件，现有0件',
        '2025年第2周（1月6日—1月12日）缺少班会记录：至少1件，现有0件',
      ],
    ],
    [
      'half-yearly',
      { period: 'halfyear', min: 1 },
      { start: '2025-01-01', end: '2025-12-31' },
      [item({ id: 1, date: '2025-06-30' })],
      ['2025年下半年缺少材料：至少1件，现有0件'],
    ],
    [
      'yearly: 全年不少于12次 over an August–July assessment year',
      { period: 'year', min: 12, keyword: '讲座' },
      WINDOW,
      Array.from({ length: 11 }, (_, i) => item({ id: i + 1, title: `健康教育讲座${i + 1}`, date: '2025-09-01' })),
      ['测评年度（2025年8月—2026年7月）缺少材料（题名含“讲座”）：至少12件，现有11件'],
    ],
    [
      'yearly over a leap calendar year, 31 December counting',
      { period: 'year', min: 2 },
      { start: '2024-01-01', end: '2024-12-31' },
      [item({ id: 1, date: '2024-02-29' }), item({ id: 2, date: '2024-12-31' })],
      [],
    ],
    [
      'every two months: 宣传栏每2个月更换一次',
      { period: 'month', every: 2, min: 1, kind: '照片' },
      WINDOW,
      ['2025-09-30', '2025-10-01', '2026-01-31', '2026-05-01', '2026-07-31'].map((date, i) =>
        item({ id: i + 1, date, type: '照片' }),
      ),
      ['2026年2月—3月缺少照片：至少1件，现有0件'],
    ],
  ])('%s', (_name, params, window, items, expected) => {
    expect(messages(leaf([rule('periodic', params)], items, { window }), 'missing')).toEqual(expected);
  });

  it('in a window not over yet, asks nothing of future quarters and only notes the running one', () => {
    const r = leaf([quarterlyMeetings], [meeting(1, '2025-10-15')], { today: '2026-04-10' });
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['missing', '2025年第3季度（测评期内 8月1日—9月30日）缺少会议记录：至少1件，现有0件'],
      ['missing', '2026年第1季度缺少会议记录：至少1件，现有0件'],
      ['note', '2026年第2季度尚未结束，目前缺少会议记录：至少1件，现有0件'],
    ]);
    const early = leaf([quarterlyMeetings], [meeting(1, '2025-09-15')], { today: '2025-09-30' });
    expect([early.status, early.satisfied.map((s) => s.period), early.findings]).toEqual([
      'complete',
      ['2025年第3季度'],
      [],
    ]);
  });

  it('starts an open window at the quarter of the earliest item and ends it today', () => {
    const r = leaf([rule('periodic', { period: 'quarter', min: 1 })], [item({ id: 1, date: '2025-08-20' })], {
      window: { start: null, end: null },
      today: '2026-02-20',
    });
    // Q3 2025 is the earliest item's; Q1 2026 is 51 of 90 days old today, so it is required.
    expect(messages(r, 'missing')).toEqual([
      '2025年第4季度缺少材料：至少1件，现有0件',
      '2026年第1季度（测评期内 1月1日—2月20日）缺少材料：至少1件，现有0件',
    ]);
    expect(r.satisfied.map((s) => s.period)).toEqual(['2025年第3季度']);
  });

  it('with nothing dated, looks from 1 January of the year of today', () => {
    const r = leaf([rule('periodic', { period: 'month', min: 1 })], [item({ id: 1, date: null })], {
      window: { start: null, end: null },
      today: '2026-03-20',
    });
    expect(r.findings.filter((f) => f.rule === 'periodic').map((f) => [f.period, f.severity])).toEqual([
      ['2026年1月', 'missing'],
      ['2026年2月', 'missing'],
      ['2026年3月', 'missing'],
    ]);
  });
});

describe('event rules', () => {
  const photo = (id: number, date: string) => item({ id, date, type: '照片', title: `活动照片${id}` });
  const midAutumn = rule('event', { events: ['中秋节'], withinDays: 7, kind: '照片' }, '中秋节期间开展主题活动');

  it.each<[string, GapItem[], string[]]>([
    ['an item 4 days after 中秋 meets it', [photo(1, '2025-10-10')], []],
    ['7 days before is still inside', [photo(1, '2025-09-29')], []],
    ['8 days after is not', [photo(1, '2025-10-14')], ['2025年中秋节（10月6日）前后7天内缺少照片：至少1件，现有0件']],
  ])('%s', (_name, items, expected) => {
    expect(messages(leaf([midAutumn], items), 'missing')).toEqual(expected);
  });

  it('expands 传统节日 to each festival in the window and counts each occurrence', () => {
    const r = leaf(
      [rule('event', { events: ['传统节日'], withinDays: 3, min: 1 }, '在每个传统节日期间至少开展一次主题活动')],
      [item({ id: 1, date: '2026-02-15' }), item({ id: 2, date: '2026-06-19' })],
    );
    expect(r.satisfied.map((s) => [s.period, s.itemIds])).toEqual([
      ['2026年春节（2月17日）', [1]],
      ['2026年端午节（6月19日）', [2]],
    ]);
    expect(r.findings.filter((f) => f.rule === 'event').map((f) => f.period)).toEqual([
      '2025年七夕节（8月29日）',
      '2025年中秋节（10月6日）',
      '2025年重阳节（10月29日）',
      '2026年元宵节（3月3日）',
      '2026年清明节（4月5日）',
    ]);
  });

  it('checks health days on the day itself when withinDays is 0', () => {
    const r = leaf(
      [rule('event', { events: ['世界卫生日', '世界无烟日'], withinDays: 0, min: 2 })],
      [item({ id: 1, date: '2026-04-07' }), item({ id: 2, date: '2026-04-07' }), item({ id: 3, date: '2026-05-30' })],
    );
    expect(messages(r, 'missing')).toEqual(['2026年世界无烟日（5月31日）当天缺少材料：至少2件，现有0件']);
  });

  it('in a window not over yet, skips festivals to come and notes one still running', () => {
    const r = leaf([midAutumn], [], { today: '2025-10-10' });
    expect(r.findings.filter((f) => f.rule === 'event').map((f) => [f.severity, f.message])).toEqual([
      ['note', '2025年中秋节（10月6日）前后7天尚未过完，目前缺少照片：至少1件，现有0件'],
    ]);
    const over = leaf([midAutumn], [], { today: '2025-10-14' });
    expect(over.findings.filter((f) => f.rule === 'event').map((f) => [f.severity, f.period])).toEqual([
      ['missing', '2025年中秋节（10月6日）'],
    ]);
  });

  it('uses custom events and aliases', () => {
    const r = leaf(
      [rule('event', { events: ['校运会', '国庆'], withinDays: 2 })],
      [item({ id: 1, date: '2025-10-21' })],
      { customEvents: [{ name: '校运会', date: '2025-10-20' }] },
    );
    expect(r.satisfied.map((s) => s.period)).toEqual(['2025年校运会（10月20日）']);
    expect(messages(r, 'missing')).toEqual(['2025年国庆节（10月1日）前后2天内缺少材料：至少1件，现有0件']);
  });

  it('reports a name it does not know instead of passing silently', () => {
    const r = leaf([rule('event', { events: ['艺术节'], withinDays: 7 }, '艺术节期间开展活动')], [item({ id: 1 })]);
    expect(messages(r, 'problem')).toEqual([
      '规则“艺术节期间开展活动”中的“艺术节”不是内置节日，请在自定义节日中添加它的日期',
    ]);
    expect(r.status).toBe('partial');
  });
});

describe('docType and package rules', () => {
  it('asks for each required 类型', () => {
    const r = leaf(
      [rule('docType', { kind: '方案' }), rule('docType', { kind: '总结' }), rule('docType', { kind: '照片' })],
      [item({ id: 1, type: '方案' }), item({ id: 2, type: '照片' }), item({ id: 3, type: '照片', date: null })],
    );
    expect(messages(r, 'missing')).toEqual(['缺少类型为“总结”的材料']);
    expect(r.satisfied.map((s) => [s.rule, s.itemIds])).toEqual([
      ['docType', [1]],
      ['docType', [2, 3]],
    ]);
  });

  it('checks every activity for its package of kinds', () => {
    const kinds = rule('package', { kinds: ['方案', '总结', '照片'] }, '有方案、有总结、有照片');
    const r = leaf(
      [kinds],
      [
        item({ id: 1, type: '方案', activity: '垃圾分类宣传周' }),
        item({ id: 2, type: '照片', activity: '垃圾分类宣传周' }),
        item({ id: 3, type: '方案', activity: '学雷锋志愿服务' }),
        item({ id: 4, type: '总结', activity: '学雷锋志愿服务' }),
        item({ id: 5, type: '照片', activity: '学雷锋志愿服务' }),
        item({ id: 6, type: '总结' }),
      ],
    );
    expect(messages(r, 'missing')).toEqual(['活动“垃圾分类宣传周”缺少：总结']);
    const found = r.findings.find((f) => f.rule === 'package')!;
    expect([found.need, found.have, found.itemIds]).toEqual([3, 2, [1, 2]]);
    expect(r.satisfied).toEqual([
      { rule: 'package', period: '活动“学雷锋志愿服务”', text: '有方案、有总结、有照片', itemIds: [3, 4, 5] },
    ]);
  });

  it('names every missing kind of an activity, and cannot pass without activities', () => {
    const kinds = rule('package', { kinds: ['方案', '总结'] });
    expect(messages(leaf([kinds], [item({ id: 1, type: '照片', activity: '垃圾分类宣传周' })]), 'missing')).toEqual([
      '活动“垃圾分类宣传周”缺少：方案、总结',
    ]);
    expect(messages(leaf([kinds], [item({ id: 1, type: '方案' })]), 'missing')).toEqual([
      '没有注明所属活动的材料，无法检查活动材料是否齐全（每项活动应有：方案、总结）',
    ]);
  });
});

describe('checks that need no rule', () => {
  it.each<[string, Partial<GapItem>, GapInput['window'], string[]]>([
    ['a clean item', {}, WINDOW, []],
    [
      'dated before the window',
      { title: '关于开展爱国卫生运动的通知', date: '2024-05-01' },
      WINDOW,
      ['《关于开展爱国卫生运动的通知》的日期 2024-05-01 不在测评期间（2025-08-01 至 2026-07-31）内'],
    ],
    [
      'dated after the window',
      { date: '2026-08-01' },
      WINDOW,
      ['《材料1》的日期 2026-08-01 不在测评期间（2025-08-01 至 2026-07-31）内'],
    ],
    ['the window’s first and last days are inside', { date: '2025-08-01' }, WINDOW, []],
    [
      'before an open-ended window',
      { date: '2025-07-31' },
      { start: '2025-08-01', end: null },
      ['《材料1》的日期 2025-07-31 早于测评期间的开始日期 2025-08-01'],
    ],
    [
      'after a window with no start',
      { date: '2026-08-01' },
      { start: null, end: '2026-07-31' },
      ['《材料1》的日期 2026-08-01 晚于测评期间的结束日期 2026-07-31'],
    ],
    ['undated', { date: null }, WINDOW, ['《材料1》没有日期']],
    ['an unreadable date', { date: '2025-02-30' }, WINDOW, ['《材料1》的日期“2025-02-30”无法识别，应为“年-月-日”']],
    ['a placeholder date', { date: '20xx-05-01' }, WINDOW, ['《材料1》日期中有未填写的“20xx”']],
    ['xx in the title', { title: '关于开展xx活动的通知' }, WINDOW, ['《关于开展xx活动的通知》题名中有未填写的“xx”']],
    [
      '20xx in the 文号',
      { title: '通知', docNo: '旬创办函字【20xx】28号' },
      WINDOW,
      ['《通知》文号中有未填写的“20xx”'],
    ],
    [
      'XX年 and ** in the title',
      { title: 'XX年创建工作**总结' },
      WINDOW,
      ['《XX年创建工作**总结》题名中有未填写的“XX”“**”'],
    ],
    [
      'full-width ＊＊ and ＃＃',
      { title: '＊＊社区＃＃活动' },
      WINDOW,
      ['《＊＊社区＃＃活动》题名中有未填写的“＊＊”“＃＃”'],
    ],
    ['## in the 文号', { docNo: '〔2025〕##号' }, WINDOW, ['《材料1》文号中有未填写的“##”']],
    [
      'an untitled item is named by its 文号',
      { title: '', date: null, docNo: '固卫字[2019]142号' },
      WINDOW,
      ['文号为固卫字[2019]142号的材料没有日期'],
    ],
  ])('%s', (_name, p, window, expected) => {
    const r = leaf([], [item({ id: 1, ...p })], { window });
    expect(messages(r, 'problem')).toEqual(expected);
    expect(r.status).toBe(expected.length ? 'partial' : 'complete');
  });

  it.each([
    ['20xx', ['20xx']],
    ['xx月xx日', ['xx']],
    ['××街道', ['××']],
    ['Xbox 与 Linux 培训', []],
    ['2025年第3季度', []],
    ['*重要*', []],
    ['#1 会议', []],
  ])('placeholders in “%s”', (text, expected) => {
    expect(findPlaceholders(text)).toEqual(expected);
  });

  it('flags a leaf with no responsible people, unless an ancestor names them', () => {
    const lone = leaf([], [item({ id: 1 })], {}, { collector: '', reviewer: ' ' });
    expect(messages(lone, 'problem')).toEqual(['未指定收集人', '未指定审核人']);
    const input: GapInput = {
      indicators: [
        indicator({ id: 1, reviewer: '王主任', collector: '' }),
        indicator({ id: 2, parentId: 1, reviewer: '', collector: '赵干事', itemIds: [1] }),
      ],
      items: [item({ id: 1 })],
      window: WINDOW,
      customEvents: [],
      today: TODAY,
    };
    expect(evaluateGaps(input).indicators[1]!.status).toBe('complete');
  });

  it.each<[string, string, string, GapItem[], string[]]>([
    ['past and not complete', '2026-03-31', '2026-04-01', [], ['完成时限 2026-03-31 已过，材料仍不齐全']],
    ['past but complete', '2026-03-31', '2026-04-01', [item({ id: 1 })], []],
    ['due today is not past', '2026-03-31', '2026-03-31', [], []],
    ['a hand-typed date', '2026年3月31日', '2026-04-01', [], ['完成时限 2026-03-31 已过，材料仍不齐全']],
    ['free text never passes', '长期坚持', '2030-01-01', [], []],
  ])('deadline: %s', (_name, deadline, today, items, expected) => {
    const r = leaf([], items, { today }, { deadline });
    expect(r.findings.filter((f) => f.rule === 'deadline').map((f) => f.message)).toEqual(expected);
  });

  it('inherits 完成时限 from the parent when the leaf has none', () => {
    const input: GapInput = {
      indicators: [indicator({ id: 1, deadline: '2026-03-31' }), indicator({ id: 2, parentId: 1 })],
      items: [],
      window: WINDOW,
      customEvents: [],
      today: '2026-04-01',
    };
    expect(messages(evaluateGaps(input).indicators[1]!, 'problem')).toEqual(['完成时限 2026-03-31 已过，材料仍不齐全']);
  });
});

describe('which items count', () => {
  it('an indicator with no items is 缺失', () => {
    const r = leaf([], []);
    expect(r.status).toBe('missing');
    expect(r.findings).toEqual([
      { rule: 'evidence', period: '', need: 1, have: 0, message: '没有任何材料', severity: 'missing', itemIds: [] },
    ]);
    expect(r.percent).toBe(0);
  });

  it('已剔除 items never count', () => {
    const r = leaf([rule('count', { min: 1 })], [item({ id: 1, status: 'rejected', title: 'xx' })]);
    expect(r.status).toBe('missing');
    expect(messages(r)).toEqual(['没有可用的材料（1件已剔除，不计入）', '缺少材料：至少1件，现有0件']);
  });

  it('待补充 items count, and are flagged without lowering the status', () => {
    const r = leaf([rule('count', { min: 1 })], [item({ id: 1, status: 'incomplete', title: '签到表' })]);
    expect(r.status).toBe('complete');
    expect(r.findings).toEqual([
      { rule: 'incomplete', period: '', need: 0, have: 0, message: '《签到表》待补充', severity: 'note', itemIds: [1] },
    ]);
    expect(r.satisfied[0]!.itemIds).toEqual([1]);
  });

  it('a leaf without confirmed rules needs at least one item', () => {
    const r = leaf([{ ...rule('count', { min: 5 }), confirmed: false }], [item({ id: 3 }), item({ id: 4 })]);
    expect(r.status).toBe('complete');
    expect(r.satisfied).toEqual([{ rule: 'evidence', period: '', text: '至少1件材料', itemIds: [3, 4] }]);
  });

  it('ignores unknown item ids and duplicate links', () => {
    const input: GapInput = {
      indicators: [indicator({ id: 1, itemIds: [1, 1, 99], rules: [rule('count', { min: 2 })] })],
      items: [item({ id: 1 })],
      window: WINDOW,
      customEvents: [],
      today: TODAY,
    };
    expect(messages(evaluateGaps(input).indicators[0]!)).toEqual(['缺少材料：至少2件，现有1件']);
  });

  it.each<[string, Partial<GapIndicator>]>([
    ['not applicable', { applicable: false }],
    ['only 实地考察', { methods: ['实地考察'] }],
    ['实地考察 and 问卷调查', { methods: ['实地考察', '问卷调查'] }],
  ])('a leaf that is %s is 无要求', (_name, extra) => {
    const r = leaf([rule('count', { min: 3 })], [], {}, { collector: '', ...extra });
    expect([r.status, r.findings, r.percent, r.counts.none]).toEqual(['none', [], 100, 1]);
  });

  it.each([
    [[], true],
    [['材料审核'], true],
    [['实地考察', '材料审核'], true],
    [['查阅材料'], true],
    [['查阅资料'], true],
    [['台账检查'], true],
    [['实地考察'], false],
    [['网上申报'], false],
  ])('methods %j ask for materials: %s', (methods, expected) => {
    expect(asksForMaterials(methods)).toBe(expected);
  });
});

describe('rules that cannot be checked', () => {
  it.each<[string, GapIndicator['rules'][number], string]>([
    [
      'an unknown period',
      rule('periodic', { period: 'day', min: 1 }, '每天打卡'),
      '规则“每天打卡”的参数有误（period），未能检查，请重新设置这条规则',
    ],
    [
      'a zero minimum',
      rule('count', { min: 0 }, '至少0次'),
      '规则“至少0次”的参数有误（min），未能检查，请重新设置这条规则',
    ],
    [
      'missing params',
      rule('event', {}, '节日活动'),
      '规则“节日活动”的参数有误（events、withinDays），未能检查，请重新设置这条规则',
    ],
    [
      'an unknown type',
      rule('photoWall', { min: 1 }, ''),
      '规则“photoWall”的类型“photoWall”无法识别，未能检查，请重新设置这条规则',
    ],
  ])('%s is a problem, not a crash', (_name, bad, message) => {
    const r = leaf([bad, rule('count', { min: 1 }, '至少1件')], [item({ id: 1 })]);
    expect(r.findings).toEqual([
      { rule: 'invalidRule', period: '', need: 0, have: 0, message, severity: 'problem', itemIds: [] },
    ]);
    expect(r.status).toBe('partial');
    expect(r.satisfied.map((s) => s.text)).toEqual(['至少1件']);
  });

  it('ignores unconfirmed rules even when they are broken', () => {
    expect(leaf([{ ...rule('count', { min: 'x' }), confirmed: false }], [item({ id: 1 })]).status).toBe('complete');
  });
});

describe('the tree', () => {
  /*
   *  1 版块 (an item linked here directly)  → partial
   *  ├─ 2 项目                               → partial (complete + missing; 无要求 ignored)
   *  │  ├─ 4 complete
   *  │  ├─ 5 missing
   *  │  └─ 6 none
   *  └─ 3 项目                               → partial
   *     ├─ 7 complete
   *     └─ 8 partial (its item is undated)
   */
  const input: GapInput = {
    indicators: [
      indicator({ id: 1, itemIds: [9] }),
      indicator({ id: 2, parentId: 1 }),
      indicator({ id: 3, parentId: 1 }),
      indicator({ id: 4, parentId: 2, itemIds: [1] }),
      indicator({ id: 5, parentId: 2 }),
      indicator({ id: 6, parentId: 2, applicable: false }),
      indicator({ id: 7, parentId: 3, itemIds: [2] }),
      indicator({ id: 8, parentId: 3, itemIds: [3] }),
    ],
    items: [item({ id: 1 }), item({ id: 2 }), item({ id: 3, date: null }), item({ id: 9 })],
    window: WINDOW,
    customEvents: [],
    today: TODAY,
  };
  const result = evaluateGaps(input);
  const byId = new Map(result.indicators.map((r) => [r.id, r]));

  it('keeps the input order', () => {
    expect(result.indicators.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it.each([
    [4, 'complete', { complete: 1, partial: 0, missing: 0, none: 0 }, 100],
    [5, 'missing', { complete: 0, partial: 0, missing: 1, none: 0 }, 0],
    [6, 'none', { complete: 0, partial: 0, missing: 0, none: 1 }, 100],
    [8, 'partial', { complete: 0, partial: 1, missing: 0, none: 0 }, 0],
    [2, 'partial', { complete: 1, partial: 0, missing: 1, none: 1 }, 50],
    [3, 'partial', { complete: 1, partial: 1, missing: 0, none: 0 }, 50],
    [1, 'partial', { complete: 2, partial: 1, missing: 1, none: 1 }, 50],
  ])('indicator %i is %s', (id, status, counts, percent) => {
    const r = byId.get(id)!;
    expect([r.status, r.counts, r.percent]).toEqual([status, counts, percent]);
  });

  it('sums the leaves in the summary', () => {
    expect(result.summary).toEqual({ complete: 2, partial: 1, missing: 1, none: 1 });
  });

  it('notes items linked to a parent, which no leaf counts', () => {
    expect(byId.get(1)!.findings.map((f) => [f.severity, f.itemIds])).toEqual([['note', [9]]]);
  });

  it.each<[string, GapIndicator[], string, number]>([
    ['all complete', [indicator({ id: 2, parentId: 1, itemIds: [1] })], 'complete', 100],
    ['all missing', [indicator({ id: 2, parentId: 1 }), indicator({ id: 3, parentId: 1 })], 'missing', 0],
    [
      'all 无要求',
      [indicator({ id: 2, parentId: 1, applicable: false }), indicator({ id: 3, parentId: 1, methods: ['实地考察'] })],
      'none',
      100,
    ],
    [
      'complete and 无要求',
      [indicator({ id: 2, parentId: 1, itemIds: [1] }), indicator({ id: 3, parentId: 1, applicable: false })],
      'complete',
      100,
    ],
    [
      'two of three complete',
      [
        indicator({ id: 2, parentId: 1, itemIds: [1] }),
        indicator({ id: 3, parentId: 1, itemIds: [1] }),
        indicator({ id: 4, parentId: 1 }),
      ],
      'partial',
      67,
    ],
  ])('a parent whose children are %s', (_name, children, status, percent) => {
    const r = evaluateGaps({
      indicators: [indicator({ id: 1 }), ...children],
      items: [item({ id: 1 })],
      window: WINDOW,
      customEvents: [],
      today: TODAY,
    }).indicators[0]!;
    expect([r.status, r.percent]).toEqual([status, percent]);
  });

  it('survives a parent cycle in bad input', () => {
    const r = evaluateGaps({
      indicators: [indicator({ id: 1, parentId: 2 }), indicator({ id: 2, parentId: 1, itemIds: [1] })],
      items: [item({ id: 1 })],
      window: WINDOW,
      customEvents: [],
      today: TODAY,
    });
    expect(r.indicators).toHaveLength(2);
  });
});
