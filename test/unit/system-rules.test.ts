import { describe, expect, it } from 'vitest';
import { parseCount, suggestRules } from '../../shared/systems/rule-suggest';
import { matchEditions, titleSimilarity } from '../../shared/systems/similarity';

const brief = (text: string) => suggestRules(text).map((r) => [r.type, r.params]);

describe('rules suggested from 材料要求', () => {
  it.each([
    ['每季度至少召开一次创建领导小组会议', [['periodic', { period: 'quarter', min: 1 }]]],
    [
      '每月定期召开创卫工作会议，提供会议纪要',
      [
        ['periodic', { period: 'month', min: 1 }],
        ['docType', { kind: '会议记录' }],
      ],
    ],
    ['每周一期的创文主题班会', [['periodic', { period: 'week', min: 1 }]]],
    ['全年开展健康教育讲座活动不少于12次', [['periodic', { period: 'year', min: 12 }]]],
    ['一年二次以上培训', [['periodic', { period: 'year', min: 2 }]]],
    ['至少组织两次以上集中学习', [['count', { min: 2 }]]],
    [
      '宣传栏每2个月更换一次，全年出刊不少于6期',
      [
        ['periodic', { period: 'month', every: 2, min: 1 }],
        ['periodic', { period: 'year', min: 6 }],
      ],
    ],
    [
      '提供活动方案、总结和活动照片',
      [
        ['docType', { kind: '方案' }],
        ['docType', { kind: '总结' }],
        ['docType', { kind: '照片' }],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('suggests, never decides: every rule is unconfirmed and quotes its words', () => {
    const rules = suggestRules('每季度至少召开一次会议；提供照片');
    expect(rules.every((r) => !r.confirmed)).toBe(true);
    expect(rules.map((r) => r.text)).toEqual(['每季度至少召开一次会议', '照片']);
    expect(suggestRules('')).toEqual([]);
  });

  it('reads Chinese numerals', () => {
    expect([
      parseCount('两'),
      parseCount('十'),
      parseCount('十二'),
      parseCount('二十'),
      parseCount('12'),
      parseCount('几'),
    ]).toEqual([2, 10, 12, 20, 12, null]);
  });
});

describe('matching a new edition to the old one', () => {
  const node = (id: number, code: string, title: string, level = 2) => ({ id, code, title, level, path: '' });

  it('pairs by code when titles still agree, then by similar titles, one to one', () => {
    const result = matchEditions(
      [
        node(1, 'A1.1', '成立创建工作领导小组'),
        node(2, 'A1.2', '定期召开工作例会'),
        node(3, 'A2.1', '公益广告宣传'),
        node(4, 'A3', '网络文明', 1),
      ],
      [
        node(11, 'B1.1', '成立创建工作领导小组并明确分工'),
        node(12, 'B1.2', '每季度召开工作例会'),
        node(13, 'A2.1', '公益广告宣传'),
        node(14, 'B3', '网络文明传播'),
      ],
    );
    expect(result.pairs.map((p) => [p.oldId, p.newId, p.by])).toEqual([
      [3, 13, 'code'],
      [1, 11, 'title'],
      [2, 12, 'title'],
    ]);
    // Same title but a different level is not the same indicator.
    expect(result.unmatchedOld).toEqual([4]);
    expect(result.unmatchedNew).toEqual([14]);
  });

  it('scores titles by shared character pairs', () => {
    expect(titleSimilarity('志愿服务', '志愿服务')).toBe(1);
    expect(titleSimilarity('志愿服务', '环境卫生')).toBe(0);
    expect(titleSimilarity('定期召开工作例会', '每季度召开工作例会')).toBeCloseTo(0.667, 2);
  });
});
