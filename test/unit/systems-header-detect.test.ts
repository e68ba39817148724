import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../shared/systems/header-detect';

/** A merged title row after merge filling: the same text in every cell. */
const titleRow = (text: string, width: number) => Array.from({ length: width }, () => text);

describe('detectMapping: where the header is', () => {
  it('skips a title merged across all columns above the header', () => {
    const title = '2026年XX区创建全国文明城市测评体系任务分解表';
    const rows = [
      titleRow(title, 6),
      ['一级指标', '二级指标', '三级指标', '测评方法', '材料要求', '责任单位'],
      ['A1 思想道德', 'A1.1 理论学习', 'A1.1.1 中心组学习', '材料审核', '学习计划', '宣传部'],
    ];
    expect(detectMapping(rows)).toEqual({
      mapping: {
        headerStart: 2,
        headerEnd: 2,
        columns: ['level1', 'level2', 'level3', 'methods', 'requirement', 'respUnit'],
      },
      levelNames: ['一级指标', '二级指标', '三级指标'],
      confidence: 1,
    });
  });

  it('finds a header that is not on row 1, below blank rows and a note', () => {
    const rows = [
      ['', '', '', ''],
      ['', '', '', ''],
      ['填报单位：XX街道', '', '填报时间：2026年3月', ''],
      ['', '', '', ''],
      ['测评项目', '测评内容', '测评标准', '分值'],
      ['A', 'B', 'C', '2'],
    ];
    expect(detectMapping(rows)?.mapping).toEqual({
      headerStart: 5,
      headerEnd: 5,
      columns: ['level1', 'level2', 'level3', 'score'],
    });
  });

  it('reads a two-row header: group cells (测评指标) over the level names, other cells merged down', () => {
    const rows = [
      titleRow('XX区测评体系', 8),
      ['序号', '测评指标', '测评指标', '测评指标', '测评方法', '分值', '责任分工', '责任分工'],
      ['序号', '一级指标', '二级指标', '三级指标', '测评方法', '分值', '牵头单位', '配合单位'],
      ['一', 'A1 组织', 'A1.1 领导', 'A1.1.1 小组', '材料审核', '2', '文明办', '各街道'],
    ];
    const found = detectMapping(rows)!;
    expect(found.mapping).toEqual({
      headerStart: 2,
      headerEnd: 3,
      columns: ['code1', 'level1', 'level2', 'level3', 'methods', 'score', 'leadUnit', 'respUnit'],
    });
    expect(found.levelNames).toEqual(['一级指标', '二级指标', '三级指标']);
  });

  it('returns null when nothing looks like a header', () => {
    expect(detectMapping([['请各单位于3月底前报送'], ['联系人：文明办']])).toBeNull();
    expect(detectMapping([titleRow('测评体系', 5)])).toBeNull();
    expect(detectMapping([['测评方法', '分值', '材料要求']])).toBeNull();
    expect(detectMapping([])).toBeNull();
  });

  it('only looks at the first rows it is told to scan', () => {
    const rows = [['说明'], ['说明'], ['一级指标', '二级指标']];
    expect(detectMapping(rows, 2)).toBeNull();
    expect(detectMapping(rows, 3)?.mapping.headerStart).toBe(3);
  });
});

describe('detectMapping: level columns named in many ways', () => {
  it('测评项目 → 测评内容 → 测评标准 are three levels, left to right', () => {
    const found = detectMapping([['测评项目', '测评内容', '测评标准', '测评方法', '材料要求', '完成时限']])!;
    expect(found.mapping.columns).toEqual(['level1', 'level2', 'level3', 'methods', 'requirement', 'deadline']);
    expect(found.levelNames).toEqual(['测评项目', '测评内容', '测评标准']);
  });

  it('版块 → 项目 → 内容 → 标准 are four levels, with line breaks and spaces inside header cells', () => {
    const found = detectMapping([['版块', '项目', '内\n容', '标 准', '佐证\r\n材料', '牵头\n部门']])!;
    expect(found.mapping.columns).toEqual(['level1', 'level2', 'level3', 'level4', 'requirement', 'leadUnit']);
    expect(found.levelNames).toEqual(['版块', '项目', '内容', '标准']);
  });

  it('A级/B级/C级指标 are levels; 测评内容 beside explicit levels is the indicator text', () => {
    const found = detectMapping([['A级指标', 'B级指标', 'C级指标', '测评内容', '测评方式', '权重']])!;
    expect(found.mapping.columns).toEqual(['level1', 'level2', 'level3', 'content', 'methods', 'score']);
    expect(found.levelNames).toEqual(['A级指标', 'B级指标', 'C级指标']);
  });

  it('一级指标 and 二级指标 make a two-level sheet; 分值（分） is the score', () => {
    const found = detectMapping([['一级指标', '二级指标', '指标内容', '分值（分）', '考核方式']])!;
    expect(found.mapping.columns).toEqual(['level1', 'level2', 'content', 'score', 'methods']);
    expect(found.levelNames).toEqual(['一级指标', '二级指标']);
  });

  it('knows the words for every other column', () => {
    const header = [
      '一级指标',
      '二级指标',
      '测评方法',
      '分数',
      '台账资料',
      '牵头部门',
      '责任部门',
      '收集人',
      '审核人',
      '完成时间',
      '是否适用',
      '检查规则',
      '备注',
    ];
    expect(detectMapping([header])?.mapping.columns).toEqual([
      'level1',
      'level2',
      'methods',
      'score',
      'requirement',
      'leadUnit',
      'respUnit',
      'responsible',
      'reviewer',
      'deadline',
      'applicable',
      'rules',
      null,
    ]);
  });

  it('a header with some unknown columns has a lower confidence', () => {
    const found = detectMapping([['一级指标', '二级指标', '工作措施', '工作目标', '进展情况', '责任单位']])!;
    expect(found.mapping.columns).toEqual(['level1', 'level2', null, null, null, 'respUnit']);
    expect(found.confidence).toBe(0.5);
  });
});

describe('detectMapping: code columns', () => {
  it('attaches each 编号 to the level column to its right', () => {
    const rows = [
      ['编号', '一级指标', '编号', '二级指标', '编码', '三级指标'],
      ['A1', '组织', 'A1.1', '领导', 'A1.1.1', '小组'],
      ['A1', '组织', 'A1.1', '领导', 'A1.1.2', '例会'],
    ];
    expect(detectMapping(rows)?.mapping.columns).toEqual(['code1', 'level1', 'code2', 'level2', 'code3', 'level3']);
  });

  it('reads 二级编码 as the code of level 2 wherever it stands', () => {
    expect(detectMapping([['一级指标', '二级指标', '二级编码', '材料要求']])?.mapping.columns).toEqual([
      'level1',
      'level2',
      'code2',
      'requirement',
    ]);
  });

  it('keeps a 序号 on level 1 when it numbers the level-1 groups', () => {
    const rows = [
      ['序号', '测评项目', '测评内容', '测评标准'],
      ['一', '组织领导', '领导机构', '成立小组'],
      ['一', '组织领导', '领导机构', '定期例会'],
      ['二', '宣传教育', '公益广告', '广告数量'],
    ];
    expect(detectMapping(rows)?.mapping.columns).toEqual(['code1', 'level1', 'level2', 'level3']);
  });

  it('gives a 序号 that counts rows down merged upper levels to the deepest level', () => {
    const rows = [
      ['序号', '测评项目', '测评内容', '测评标准', '材料要求'],
      ['1', '组织领导', '领导机构', '成立小组', '文件'],
      ['2', '组织领导', '领导机构', '定期例会', '纪要'],
      ['3', '组织领导', '工作部署', '年度计划', '计划'],
      ['4', '宣传教育', '公益广告', '广告数量', '照片'],
    ];
    expect(detectMapping(rows)?.mapping.columns).toEqual(['code3', 'level1', 'level2', 'level3', 'requirement']);
  });

  it('gives a 序号 counting rows with upper levels left blank to the deepest level', () => {
    const rows = [
      ['序号', '一级指标', '二级指标'],
      ['1', '组织领导', '领导机构'],
      ['2', '', '工作部署'],
      ['3', '宣传教育', '公益广告'],
    ];
    expect(detectMapping(rows)?.mapping.columns).toEqual(['code2', 'level1', 'level2']);
  });
});
