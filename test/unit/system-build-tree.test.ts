import { describe, expect, it } from 'vitest';
import { buildTree, parseDeadline } from '../../shared/systems/build-tree';
import type { ColumnMapping, IndicatorDraft } from '../../shared/systems/model';

const lines = (list: IndicatorDraft[]) => {
  const byKey = new Map(list.map((d) => [d.key, d]));
  return list.map((d) => `${d.level} ${d.code} ${d.title} ← ${d.parentKey ? byKey.get(d.parentKey)!.code : '-'}`);
};

describe('building the tree from rows', () => {
  it('one row per node: parents carry their own 分值 and 审核人, children come after them', () => {
    const mapping: ColumnMapping = {
      headerStart: 1,
      headerEnd: 1,
      columns: ['level1', 'level2', 'level3', 'score', 'reviewer', 'responsible'],
    };
    const rows = [
      ['一级', '二级', '三级', '分值', '审核人', '责任人'],
      ['A1 组织领导', '', '', '10', '李主任', ''],
      ['', 'A1.1 领导机构', '', '', '', ''],
      ['', '', 'A1.1.1 成立领导小组', '2', '', '张丽'],
      ['', 'A1.2 工作部署', '', '', '', ''],
      ['A2 宣传教育', '', '', '8', '周科长', ''],
      ['', 'A2.1 公益广告', '', '3', '', '刘芳'],
    ];
    const { indicators, issues } = buildTree('表', rows, mapping);
    expect(issues).toEqual([]);
    expect(lines(indicators)).toEqual([
      '1 A1 组织领导 ← -',
      '2 A1.1 领导机构 ← A1',
      '3 A1.1.1 成立领导小组 ← A1.1',
      '2 A1.2 工作部署 ← A1',
      '1 A2 宣传教育 ← -',
      '2 A2.1 公益广告 ← A2',
    ]);
    expect(indicators.map((d) => [d.score, d.reviewer, d.collector, d.sourceRow])).toEqual([
      [10, '李主任', '', 2],
      [null, '', '', 3],
      [2, '', '张丽', 4],
      [null, '', '', 5],
      [8, '周科长', '', 6],
      [3, '', '刘芳', 7],
    ]);
  });

  it('a two-level sheet with codes in their own columns keeps titles whole', () => {
    const mapping: ColumnMapping = { headerStart: 1, headerEnd: 1, columns: ['code1', 'level1', 'code2', 'level2'] };
    const rows = [
      ['编码', '一级', '编码', '二级'],
      ['A1', '1) 标题像编码', 'A1.1', '2026年工作方案'],
      ['A1', '1) 标题像编码', 'A1.2', '第二项'],
    ];
    const { indicators } = buildTree('表', rows, mapping);
    expect(lines(indicators)).toEqual(['1 A1 1) 标题像编码 ← -', '2 A1.1 2026年工作方案 ← A1', '2 A1.2 第二项 ← A1']);
  });

  it('reports rows it cannot place, with sheet and row number', () => {
    const mapping: ColumnMapping = {
      headerStart: 1,
      headerEnd: 1,
      columns: ['level1', 'level2', 'requirement', 'score'],
    };
    const rows = [
      ['一级', '二级', '材料要求', '分值'],
      ['', 'A1.1 没有上级', '提供方案', ''],
      ['A1 组织', 'A1.1 领导', '', 'abc'],
      ['', '', '只有材料要求', ''],
    ];
    const { issues } = buildTree('任务表', rows, mapping);
    expect(issues.map((i) => [i.sheet, i.row])).toEqual([
      ['任务表', 2],
      ['任务表', 3],
      ['任务表', 4],
    ]);
    expect(issues[0]!.message).toBe('工作表“任务表”第2行：第1级指标是空的，上方也没有可沿用的指标。请补上这一格。');
    expect(issues[1]!.message).toMatch(/分值“abc”不是数字/);
    expect(issues[2]!.message).toMatch(/没有指标名称/);
  });

  it('reads methods, applicability, deadlines and keeps an exported rules column as it is', () => {
    const mapping: ColumnMapping = {
      headerStart: 1,
      headerEnd: 1,
      columns: ['level1', 'methods', 'applicable', 'deadline', 'requirement', 'rules'],
    };
    const rules = [{ type: 'count', params: { min: 3 }, text: '三次', confirmed: true }];
    const rows = [
      ['指标', '方法', '适用', '时限', '要求', '检查规则'],
      ['A 一', '材料审核+实地考察、问卷调查', '否', '2026年3月', '每月一次', JSON.stringify(rules)],
      ['B 二', '网上申报', '是', '2026/6/5', '每月一次', ''],
    ];
    const { indicators, issues } = buildTree('表', rows, mapping);
    expect(issues).toEqual([]);
    expect(indicators[0]).toMatchObject({
      methods: ['材料审核', '实地考察', '问卷调查'],
      applicable: false,
      deadline: '2026-03-31',
      rules,
    });
    // With a rules column present an empty cell means "no rules", not "suggest some".
    expect(indicators[1]).toMatchObject({ applicable: true, deadline: '2026-06-05', rules: [] });
  });

  it('suggests rules from 材料要求 when the sheet has no rules column', () => {
    const mapping: ColumnMapping = { headerStart: 1, headerEnd: 1, columns: ['level1', 'requirement'] };
    const { indicators } = buildTree(
      '表',
      [
        ['指标', '材料要求'],
        ['A 一', '每季度至少召开一次会议，提供会议记录'],
      ],
      mapping,
    );
    expect(indicators[0]!.rules.map((r) => [r.type, r.params, r.confirmed])).toEqual([
      ['periodic', { period: 'quarter', min: 1 }, false],
      ['docType', { kind: '会议记录' }, false],
    ]);
  });

  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年2月', '2026-02-28'],
    ['46086', '2026-03-05'],
    ['长期坚持', '长期坚持'],
  ])('deadline %s → %s', (text, iso) => {
    expect(parseDeadline(text)).toBe(iso);
  });
});
