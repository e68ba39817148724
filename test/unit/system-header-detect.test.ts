import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../shared/systems/header-detect';

describe('finding the header and what each column means', () => {
  it('skips a title row and blank rows above the header', () => {
    const rows = [
      ['2026年XX区创文测评体系', '2026年XX区创文测评体系', '2026年XX区创文测评体系', '2026年XX区创文测评体系'],
      ['', '', '', ''],
      ['一级指标', '二级指标', '三级指标', '材料要求'],
      ['A1 组织', 'A1.1 领导', 'A1.1.1 成立', '文件'],
    ];
    expect(detectMapping(rows)).toMatchObject({
      mapping: { headerStart: 3, headerEnd: 3, columns: ['level1', 'level2', 'level3', 'requirement'] },
      levelNames: ['一级指标', '二级指标', '三级指标'],
    });
  });

  it('reads a two-row header whose upper row groups the level columns', () => {
    const rows = [
      ['测评指标', '测评指标', '测评指标', '测评方法', '分值（分）', '牵头单位', '责任单位', '责任人', '完成时限'],
      ['测评项目', '测评内容', '测评标准', '测评方法', '分值（分）', '牵头单位', '责任单位', '责任人', '完成时限'],
      ['A', 'B', 'C', '材料审核', '2', '', '', '', ''],
    ];
    const found = detectMapping(rows)!;
    expect(found.mapping).toEqual({
      headerStart: 1,
      headerEnd: 2,
      columns: ['level1', 'level2', 'level3', 'methods', 'score', 'leadUnit', 'respUnit', 'responsible', 'deadline'],
    });
    expect(found.levelNames).toEqual(['测评项目', '测评内容', '测评标准']);
    expect(found.confidence).toBe(1);
  });

  it('treats 测评内容 as the text of the indicator when the levels are named 一级/二级', () => {
    const rows = [['序号', '一级指标', '二级指标', '测评内容', '资料要求', '是否适用']];
    expect(detectMapping(rows)?.mapping.columns).toEqual([
      'code1',
      'level1',
      'level2',
      'content',
      'requirement',
      'applicable',
    ]);
  });

  it('numbers a 版块/项目/内容/标准 structure as four levels, with header cells that contain line breaks', () => {
    const rows = [['版块', '项目', '内\n容', '标 准', '佐证\n材料']];
    expect(detectMapping(rows)).toMatchObject({
      mapping: { columns: ['level1', 'level2', 'level3', 'level4', 'requirement'] },
      levelNames: ['版块', '项目', '内容', '标准'],
    });
  });

  it('finds nothing in a sheet without a header', () => {
    expect(detectMapping([['请各单位于3月底前报送'], ['联系人：文明办']])).toBeNull();
    expect(detectMapping([])).toBeNull();
  });
});
