import { describe, expect, it } from 'vitest';
import { matchEditions, normalizeCode, titleSimilarity, type MatchNode } from '../../shared/systems/similarity';

const node = (id: number, code: string, title: string, level = 2, path = ''): MatchNode => ({
  id,
  code,
  title,
  level,
  path,
});

describe('titleSimilarity', () => {
  it('is 1 for the same title, 0 for unrelated ones', () => {
    expect(titleSimilarity('志愿服务', '志愿服务')).toBe(1);
    expect(titleSimilarity('志愿服务', '环境卫生')).toBe(0);
    expect(titleSimilarity('', '')).toBe(0);
  });

  it('is the Dice coefficient of character pairs', () => {
    // 定期 期召 召开 开工 工作 作例 例会 vs 每季 季度 度召 召开 开工 工作 作例 例会: 5 shared of 7 + 8.
    expect(titleSimilarity('定期召开工作例会', '每季度召开工作例会')).toBeCloseTo(10 / 15, 6);
  });

  it('ignores spaces, punctuation, width and letter case', () => {
    expect(titleSimilarity('APP 推广，应用', 'ａｐｐ推广应用')).toBe(1);
  });
});

describe('normalizeCode', () => {
  it('compares codes as written, whatever the width, case, dash or trailing separator', () => {
    expect(normalizeCode('Ａ１．２、')).toBe('A1.2');
    expect(normalizeCode('a1.2')).toBe('A1.2');
    expect(normalizeCode('Ⅱ—3')).toBe('Ⅱ-3');
  });
});

describe('matchEditions', () => {
  it('pairs by code when the titles still agree, then by similar titles, one to one', () => {
    const result = matchEditions(
      [
        node(1, 'A1.1', '成立创建工作领导小组'),
        node(2, 'A1.2', '定期召开工作例会'),
        node(3, 'A2.1', '公益广告宣传'),
        node(4, 'A3', '网络文明', 1),
        node(5, 'A4.1', '窗口单位服务'),
      ],
      [
        node(11, 'B1.1', '成立创建工作领导小组并明确分工'),
        node(12, 'B1.2', '每季度召开工作例会'),
        node(13, 'a2.1', '公益广告宣传'),
        node(14, 'B3', '网络文明传播'),
        node(15, 'A4.1', '农贸市场环境卫生'),
      ],
    );
    expect(result.pairs.map((p) => [p.oldId, p.newId, p.by])).toEqual([
      [3, 13, 'code'],
      [1, 11, 'title'],
      [2, 12, 'title'],
    ]);
    expect(result.pairs[0]!.score).toBe(1);
    // Same words at another level are another indicator; a code reused for an unrelated title is no match.
    expect(result.unmatchedOld).toEqual([4, 5]);
    expect(result.unmatchedNew).toEqual([14, 15]);
  });

  it('a renumbered code with a reworded title still matches by code at the same level', () => {
    const result = matchEditions([node(1, 'Ⅱ—3', '读书活动开展情况')], [node(2, 'Ⅱ-3', '全民阅读活动开展')]);
    expect(result.pairs).toEqual([
      { oldId: 1, newId: 2, by: 'code', score: titleSimilarity('读书活动开展情况', '全民阅读活动开展') },
    ]);
  });

  it('takes the best title pair first and breaks ties by the ancestor path', () => {
    const result = matchEditions(
      [node(1, '', '工作方案', 3, '组织领导 领导机构'), node(2, '', '工作方案', 3, '宣传教育 公益广告')],
      [node(11, '', '工作方案', 3, '宣传教育 公益广告宣传'), node(12, '', '工作方案', 3, '组织领导 领导机构')],
    );
    expect(result.pairs.map((p) => [p.oldId, p.newId])).toEqual([
      [1, 12],
      [2, 11],
    ]);
  });

  it('leaves titles below the threshold unmatched', () => {
    const result = matchEditions([node(1, '', '志愿服务站点建设')], [node(2, '', '志愿者注册管理')]);
    expect(titleSimilarity('志愿服务站点建设', '志愿者注册管理')).toBeLessThan(0.6);
    expect(result).toEqual({ pairs: [], unmatchedOld: [1], unmatchedNew: [2] });
  });

  it('handles empty editions', () => {
    expect(matchEditions([], [node(1, 'A', '一')])).toEqual({ pairs: [], unmatchedOld: [], unmatchedNew: [1] });
  });
});
