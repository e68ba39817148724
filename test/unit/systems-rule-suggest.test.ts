import { describe, expect, it } from 'vitest';
import { parseCount, suggestRules } from '../../shared/systems/rule-suggest';

const brief = (text: string) => suggestRules(text).map((r) => [r.type, r.params]);

describe('suggestRules: periods', () => {
  it.each([
    ['每季度至少召开一次创建领导小组会议', { period: 'quarter', min: 1 }],
    ['每月定期召开创卫工作会议', { period: 'month', min: 1 }],
    ['每周一期的创文主题班会', { period: 'week', min: 1 }],
    ['全年开展健康教育讲座活动不少于12次', { period: 'year', min: 12 }],
    ['一年二次以上开展业务培训', { period: 'year', min: 2 }],
    ['每年至少开展十二次志愿服务', { period: 'year', min: 12 }],
    ['每半年至少开展一次督查', { period: 'halfyear', min: 1 }],
    ['每月不少于2次巡查', { period: 'month', min: 2 }],
    ['巡查不少于1次/月', { period: 'month', min: 1 }],
    ['全年开展活动２０场以上', { period: 'year', min: 20 }],
  ])('%s', (text, params) => {
    expect(brief(text)).toEqual([['periodic', params]]);
  });

  it('reads a gap of several months as `every`, and a yearly count beside it as a second rule', () => {
    expect(suggestRules('宣传栏每2个月更换一次，全年出刊不少于6期')).toEqual([
      {
        type: 'periodic',
        params: { period: 'month', every: 2, min: 1 },
        text: '宣传栏每2个月更换一次',
        confirmed: false,
      },
      { type: 'periodic', params: { period: 'year', min: 6 }, text: '全年出刊不少于6期', confirmed: false },
    ]);
    expect(brief('每两个月更新一次')).toEqual([['periodic', { period: 'month', every: 2, min: 1 }]]);
  });

  it('gives a count in the next part of the sentence to the period named before it', () => {
    expect(suggestRules('全年开展健康讲座，不少于12次')).toEqual([
      {
        type: 'periodic',
        params: { period: 'year', min: 12 },
        text: '全年开展健康讲座，不少于12次',
        confirmed: false,
      },
    ]);
  });

  it('keeps two periods in one sentence apart', () => {
    expect(brief('每季度至少召开一次会议，全年不少于4次')).toEqual([
      ['periodic', { period: 'quarter', min: 1 }],
      ['periodic', { period: 'year', min: 4 }],
    ]);
  });

  it('does not read a named quarter or half year as a period', () => {
    expect(brief('第一季度完成')).toEqual([]);
    expect(brief('上半年完成')).toEqual([]);
  });
});

describe('suggestRules: counts without a period', () => {
  it.each([
    ['至少组织两次以上集中学习', 2],
    ['不少于12次', 12],
    ['组织三次以上志愿活动', 3],
    ['至少设置1块宣传栏', 1],
    ['开展不少于十次宣讲', 10],
  ])('%s → min %s', (text, min) => {
    expect(brief(text)).toEqual([['count', { min }]]);
  });
});

describe('suggestRules: kinds of document', () => {
  it('one docType per kind, in the order the text names them', () => {
    expect(suggestRules('提供活动方案、总结和活动图片')).toEqual([
      { type: 'docType', params: { kind: '方案' }, text: '方案', confirmed: false },
      { type: 'docType', params: { kind: '总结' }, text: '总结', confirmed: false },
      { type: 'docType', params: { kind: '照片' }, text: '图片', confirmed: false },
    ]);
  });

  it('knows every kind the gap checker uses', () => {
    const text =
      '工作计划、管理制度、会议记录、工作台账、相关文件、工作简报、目标责任书、调查问卷、宣传资料、整改报告、照片、实施方案、总结';
    expect(suggestRules(text).map((r) => r.params['kind'])).toEqual([
      '计划',
      '制度',
      '会议记录',
      '台账',
      '通知',
      '简报',
      '责任书',
      '问卷',
      '宣传资料',
      '整改',
      '照片',
      '方案',
      '总结',
    ]);
  });

  it('names a kind once even when the text repeats it', () => {
    expect(brief('活动照片；整改前后照片')).toEqual([
      ['docType', { kind: '照片' }],
      ['docType', { kind: '整改' }],
    ]);
  });

  it('puts periods first, then kinds', () => {
    expect(brief('每月定期召开创卫工作会议，提供会议纪要和照片')).toEqual([
      ['periodic', { period: 'month', min: 1 }],
      ['docType', { kind: '会议记录' }],
      ['docType', { kind: '照片' }],
    ]);
  });
});

describe('suggestRules: safety', () => {
  it('suggests only: every rule is unconfirmed and quotes the words it came from', () => {
    const rules = suggestRules('每季度至少召开一次会议；提供照片');
    expect(rules.map((r) => [r.text, r.confirmed])).toEqual([
      ['每季度至少召开一次会议', false],
      ['照片', false],
    ]);
  });

  it('returns nothing for empty or unrelated text and never throws', () => {
    expect(suggestRules('')).toEqual([]);
    expect(suggestRules(' \n ')).toEqual([]);
    expect(suggestRules('按要求落实到位')).toEqual([]);
    expect(() => suggestRules('每'.repeat(10000) + '至少'.repeat(1000))).not.toThrow();
  });
});

describe('parseCount', () => {
  it.each([
    ['1', 1],
    ['12', 12],
    ['一', 1],
    ['两', 2],
    ['二', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十四', 24],
    ['几', null],
  ])('%s → %s', (text, n) => {
    expect(parseCount(text)).toBe(n);
  });
});
