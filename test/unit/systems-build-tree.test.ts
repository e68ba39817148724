import { describe, expect, it } from 'vitest';
import { buildTree, parseDeadline, parseScore, splitMethods } from '../../shared/systems/build-tree';
import type { ColumnMapping, FieldRole, IndicatorDraft } from '../../shared/systems/model';

const mappingOf = (columns: (FieldRole | null)[], headerEnd = 1): ColumnMapping => ({
  headerStart: 1,
  headerEnd,
  columns,
});

/** The tree as code, title, level and the parent's code, plus the fields a test names. */
function shape(list: IndicatorDraft[], extra: (keyof IndicatorDraft)[] = []) {
  const byKey = new Map(list.map((d) => [d.key, d]));
  return list.map((d) => {
    const out: Record<string, unknown> = {
      code: d.code,
      title: d.title,
      level: d.level,
      parent: d.parentKey === null ? null : byKey.get(d.parentKey)!.code,
    };
    for (const k of extra) out[k] = d[k];
    return out;
  });
}

const node = (
  code: string,
  title: string,
  level: number,
  parent: string | null,
  methods: string[] = [],
  requirement = '',
) => ({ code, title, level, parent, methods, requirement });

describe('buildTree: layouts', () => {
  const columns: FieldRole[] = ['level1', 'level2', 'level3', 'methods', 'score', 'requirement', 'respUnit'];
  const header = ['测评项目', '测评内容', '测评标准', '测评方法', '分值', '材料要求', '责任单位'];
  const expected = [
    node('A1', '组织领导', 1, null),
    node('A1.1', '领导机构', 2, 'A1'),
    node('A1.1.1', '成立创建领导小组', 3, 'A1.1', ['材料审核'], '成立文件、成员名单'),
    node('A1.1.2', '定期召开会议', 3, 'A1.1', ['材料审核', '实地考察'], '每季度至少召开一次，提供会议纪要'),
    node('A1.2', '工作部署', 2, 'A1'),
    node('A1.2.1', '制定年度计划', 3, 'A1.2', ['材料审核'], '年度工作计划'),
    node('A2', '宣传教育', 1, null),
    node('A2.1', '公益广告', 2, 'A2'),
    node('A2.1.1', '公益广告数量', 3, 'A2.1', ['实地考察'], '照片'),
  ];

  it('upper levels merged vertically (filled on every row) resolve to one node each', () => {
    const rows = [
      header,
      ['A1 组织领导', 'A1.1 领导机构', 'A1.1.1 成立创建领导小组', '材料审核', '2', '成立文件、成员名单', '文明办'],
      [
        'A1 组织领导',
        'A1.1 领导机构',
        'A1.1.2 定期召开会议',
        '材料审核+实地考察',
        '3',
        '每季度至少召开一次，提供会议纪要',
        '文明办',
      ],
      ['A1 组织领导', 'A1.2 工作部署', 'A1.2.1 制定年度计划', '材料审核', '2', '年度工作计划', '各街道'],
      ['A2 宣传教育', 'A2.1 公益广告', 'A2.1.1 公益广告数量', '实地考察', '5', '照片', '宣传部'],
    ];
    const { indicators, issues } = buildTree('测评体系', rows, mappingOf(columns));
    expect(issues).toEqual([]);
    expect(shape(indicators, ['methods', 'requirement'])).toEqual(expected);
    expect(indicators.map((d) => [d.score, d.respUnit, d.sourceRow])).toEqual([
      [null, '', 2],
      [null, '', 2],
      [2, '文明办', 2],
      [3, '文明办', 3],
      [null, '', 4],
      [2, '各街道', 4],
      [null, '', 5],
      [null, '', 5],
      [5, '宣传部', 5],
    ]);
    expect(indicators.every((d) => !d.codeGenerated)).toBe(true);
    expect(new Set(indicators.map((d) => d.key)).size).toBe(indicators.length);
    // Rules are suggested from 材料要求 and left for the user to confirm.
    expect(indicators[3]!.rules).toEqual([
      { type: 'periodic', params: { period: 'quarter', min: 1 }, text: '每季度至少召开一次', confirmed: false },
      { type: 'docType', params: { kind: '会议记录' }, text: '纪要', confirmed: false },
    ]);
  });

  it('upper levels left blank under their first occurrence read the same', () => {
    const rows = [
      header,
      ['A1 组织领导', 'A1.1 领导机构', 'A1.1.1 成立创建领导小组', '材料审核', '2', '成立文件、成员名单', '文明办'],
      ['', '', 'A1.1.2 定期召开会议', '材料审核+实地考察', '3', '每季度至少召开一次，提供会议纪要', '文明办'],
      ['', 'A1.2 工作部署', 'A1.2.1 制定年度计划', '材料审核', '2', '年度工作计划', '各街道'],
      ['A2 宣传教育', 'A2.1 公益广告', 'A2.1.1 公益广告数量', '实地考察', '5', '照片', '宣传部'],
    ];
    const { indicators, issues } = buildTree('测评体系', rows, mappingOf(columns));
    expect(issues).toEqual([]);
    expect(shape(indicators, ['methods', 'requirement'])).toEqual(expected);
    expect(indicators.map((d) => d.sourceRow)).toEqual([2, 2, 2, 3, 4, 4, 5, 5, 5]);
  });

  it('one row per node: a parent row with only its title and its own 分值, then its children', () => {
    const rows = [
      ['一级指标', '二级指标', '三级指标', '分值', '材料要求', '审核人'],
      ['一、组织领导', '', '', '10', '', ''],
      ['', '（一）领导机构', '', '4', '', ''],
      ['', '', '1. 成立领导小组', '2', '印发文件', ''],
      ['', '', '2. 明确职责分工', '2', '分工方案', ''],
      ['', '（二）工作部署', '', '6', '', ''],
      ['', '', '1. 年度计划', '6', '年度计划和总结', ''],
      ['二、宣传教育', '', '', '8', '', ''],
      ['', '（一）公益广告', '', '8', '每月更新，提供照片', ''],
      // The same parent again, alone on its row: its fields merge into the existing node.
      ['一、组织领导', '', '', '', '', '李主任'],
    ];
    const { indicators, issues } = buildTree(
      '测评体系',
      rows,
      mappingOf(['level1', 'level2', 'level3', 'score', 'requirement', 'reviewer']),
    );
    expect(issues).toEqual([]);
    expect(shape(indicators, ['requirement', 'score'])).toEqual([
      { code: '一', title: '组织领导', level: 1, parent: null, requirement: '', score: 10 },
      { code: '（一）', title: '领导机构', level: 2, parent: '一', requirement: '', score: 4 },
      { code: '1', title: '成立领导小组', level: 3, parent: '（一）', requirement: '印发文件', score: 2 },
      { code: '2', title: '明确职责分工', level: 3, parent: '（一）', requirement: '分工方案', score: 2 },
      { code: '（二）', title: '工作部署', level: 2, parent: '一', requirement: '', score: 6 },
      { code: '1', title: '年度计划', level: 3, parent: '（二）', requirement: '年度计划和总结', score: 6 },
      { code: '二', title: '宣传教育', level: 1, parent: null, requirement: '', score: 8 },
      { code: '（一）', title: '公益广告', level: 2, parent: '二', requirement: '每月更新，提供照片', score: 8 },
    ]);
    expect(indicators[0]!.reviewer).toBe('李主任');
    expect(indicators.map((d) => d.sourceRow)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    // Two "1" nodes under different parents stay apart; the parent links are by key, not code.
    expect(indicators[5]!.parentKey).toBe(indicators[4]!.key);
    expect(indicators[7]!.rules.map((r) => [r.type, r.params])).toEqual([
      ['periodic', { period: 'month', min: 1 }],
      ['docType', { kind: '照片' }],
    ]);
  });

  it('skips blank rows, notes and a closing text merged across the row', () => {
    const rows = [
      ['一级指标', '二级指标', '材料要求'],
      ['A1 组织', 'A1.1 领导', '文件'],
      ['', '', ''],
      ['说明：下列指标由各街道自查', '', ''],
      ['A1 组织', 'A1.2 部署', '计划'],
      ['\u00a0', ' ', ''],
      ['注：1.本表分值合计100分。', '', ''],
      ['以上材料请于2026年6月底前报送', '以上材料请于2026年6月底前报送', '以上材料请于2026年6月底前报送'],
      ['制表人：张丽', '', ''],
      ['*带星号的指标为必查项', '', ''],
      ['', '', ''],
    ];
    const { indicators, issues } = buildTree('表', rows, mappingOf(['level1', 'level2', 'requirement']));
    expect(issues).toEqual([]);
    expect(shape(indicators, ['requirement'])).toEqual([
      { code: 'A1', title: '组织', level: 1, parent: null, requirement: '' },
      { code: 'A1.1', title: '领导', level: 2, parent: 'A1', requirement: '文件' },
      { code: 'A1.2', title: '部署', level: 2, parent: 'A1', requirement: '计划' },
    ]);
  });

  it('reads line breaks inside cells and full-width characters', () => {
    const rows = [
      ['一级指标', '二级指标', '测评方法', '分值', '材料要求', '责任人'],
      [
        'Ａ１　思想道德\r\n建设',
        'Ａ１．１\n理论学习',
        '材料审核\n实地考察',
        '５分',
        '１．学习计划；\r\n２．学习记录',
        '张丽\n李强',
      ],
    ];
    const { indicators, issues } = buildTree(
      '表',
      rows,
      mappingOf(['level1', 'level2', 'methods', 'score', 'requirement', 'responsible']),
    );
    expect(issues).toEqual([]);
    expect(shape(indicators, ['methods', 'requirement', 'score', 'collector'])).toEqual([
      {
        code: 'A1',
        title: '思想道德建设',
        level: 1,
        parent: null,
        methods: [],
        requirement: '',
        score: null,
        collector: '',
      },
      {
        code: 'A1.1',
        title: '理论学习',
        level: 2,
        parent: 'A1',
        methods: ['材料审核', '实地考察'],
        requirement: '1.学习计划；\n2.学习记录',
        score: 5,
        collector: '张丽、李强',
      },
    ]);
  });

  it('a two-level sheet', () => {
    const rows = [
      ['测评项目', '测评内容', '测评方法'],
      ['Ⅰ 文化阵地', 'Ⅰ-1 图书馆开放', '实地考察'],
      ['Ⅰ 文化阵地', 'Ⅰ-2 文化站活动', '材料审核、问卷调查'],
      ['Ⅱ 全民阅读', 'Ⅱ—3 读书活动', '网上申报'],
    ];
    const { indicators } = buildTree('表', rows, mappingOf(['level1', 'level2', 'methods']));
    expect(shape(indicators, ['methods'])).toEqual([
      { code: 'Ⅰ', title: '文化阵地', level: 1, parent: null, methods: [] },
      { code: 'Ⅰ-1', title: '图书馆开放', level: 2, parent: 'Ⅰ', methods: ['实地考察'] },
      { code: 'Ⅰ-2', title: '文化站活动', level: 2, parent: 'Ⅰ', methods: ['材料审核', '问卷调查'] },
      { code: 'Ⅱ', title: '全民阅读', level: 1, parent: null, methods: [] },
      { code: 'Ⅱ-3', title: '读书活动', level: 2, parent: 'Ⅱ', methods: ['网上申报'] },
    ]);
  });

  it('a four-level 版块/项目/内容/标准 sheet', () => {
    const req = '开放制度；年度活动计划与总结；活动照片(带说明)；活动台账';
    const rows = [
      ['版块', '项目', '内容', '标准', '测评方法', '材料要求'],
      [
        '版块二 社会文明',
        '项目5 健康向上的人文环境',
        '5.3 公共文化服务',
        '5.3.2 社区综合文化服务中心常态化开放',
        '材料审核+实地考察',
        req,
      ],
      ['版块二 社会文明', '项目5 健康向上的人文环境', '5.3 公共文化服务', '5.3.3 公共图书馆免费开放', '实地考察', ''],
    ];
    const { indicators, issues } = buildTree(
      '表',
      rows,
      mappingOf(['level1', 'level2', 'level3', 'level4', 'methods', 'requirement']),
    );
    expect(issues).toEqual([]);
    expect(shape(indicators, ['methods', 'requirement'])).toEqual([
      node('版块二', '社会文明', 1, null),
      node('项目5', '健康向上的人文环境', 2, '版块二'),
      node('5.3', '公共文化服务', 3, '项目5'),
      node('5.3.2', '社区综合文化服务中心常态化开放', 4, '5.3', ['材料审核', '实地考察'], req),
      node('5.3.3', '公共图书馆免费开放', 4, '5.3', ['实地考察'], ''),
    ]);
    expect(indicators[3]!.rules.map((r) => r.params['kind'])).toEqual(['制度', '计划', '总结', '照片', '台账']);
    expect(indicators[4]!.rules).toEqual([]);
  });
});

describe('buildTree: codes', () => {
  it('generates 1, 1.1, 1.1.1 when the sheet has no codes', () => {
    const rows = [
      ['一级指标', '二级指标', '三级指标'],
      ['组织领导', '领导机构', '成立小组'],
      ['组织领导', '领导机构', '定期例会'],
      ['组织领导', '工作部署', '年度计划'],
      ['宣传教育', '公益广告', '广告数量'],
    ];
    const { indicators } = buildTree('表', rows, mappingOf(['level1', 'level2', 'level3']));
    expect(shape(indicators, ['codeGenerated'])).toEqual([
      { code: '1', title: '组织领导', level: 1, parent: null, codeGenerated: true },
      { code: '1.1', title: '领导机构', level: 2, parent: '1', codeGenerated: true },
      { code: '1.1.1', title: '成立小组', level: 3, parent: '1.1', codeGenerated: true },
      { code: '1.1.2', title: '定期例会', level: 3, parent: '1.1', codeGenerated: true },
      { code: '1.2', title: '工作部署', level: 2, parent: '1', codeGenerated: true },
      { code: '1.2.1', title: '年度计划', level: 3, parent: '1.2', codeGenerated: true },
      { code: '2', title: '宣传教育', level: 1, parent: null, codeGenerated: true },
      { code: '2.1', title: '公益广告', level: 2, parent: '2', codeGenerated: true },
      { code: '2.1.1', title: '广告数量', level: 3, parent: '2.1', codeGenerated: true },
    ]);
  });

  it('takes codes from separate code columns and keeps titles whole, even when they look numbered', () => {
    const rows = [
      ['编码', '一级指标', '编码', '二级指标', '编码', '三级指标'],
      ['A1', '1) 标题像编码', 'A1.1', '2026年工作方案', 'A1.1.1', '5G基站建设'],
      ['A1', '1) 标题像编码', 'A1.1', '2026年工作方案', 'A1.1.2、', '第二项'],
      ['A1', '1) 标题像编码', 'A1.1', '2026年工作方案', '', '没写编码'],
    ];
    const { indicators } = buildTree('表', rows, mappingOf(['code1', 'level1', 'code2', 'level2', 'code3', 'level3']));
    expect(shape(indicators, ['codeGenerated'])).toEqual([
      { code: 'A1', title: '1) 标题像编码', level: 1, parent: null, codeGenerated: false },
      { code: 'A1.1', title: '2026年工作方案', level: 2, parent: 'A1', codeGenerated: false },
      { code: 'A1.1.1', title: '5G基站建设', level: 3, parent: 'A1.1', codeGenerated: false },
      { code: 'A1.1.2', title: '第二项', level: 3, parent: 'A1.1', codeGenerated: false },
      { code: 'A1.1.3', title: '没写编码', level: 3, parent: 'A1.1', codeGenerated: true },
    ]);
  });

  it('gives a 序号 written on every row of a row-per-node sheet to that row’s node', () => {
    const rows = [
      ['序号', '一级指标', '二级指标', '三级指标'],
      ['1', '组织领导', '', ''],
      ['1.1', '', '领导机构', ''],
      ['1.1.1', '', '', '成立小组'],
      ['2', '宣传教育', '', ''],
    ];
    const { indicators } = buildTree('表', rows, mappingOf(['code1', 'level1', 'level2', 'level3']));
    expect(shape(indicators, ['codeGenerated'])).toEqual([
      { code: '1', title: '组织领导', level: 1, parent: null, codeGenerated: false },
      { code: '1.1', title: '领导机构', level: 2, parent: '1', codeGenerated: false },
      { code: '1.1.1', title: '成立小组', level: 3, parent: '1.1', codeGenerated: false },
      { code: '2', title: '宣传教育', level: 1, parent: null, codeGenerated: false },
    ]);
  });

  it('reads a code column repeated on blank-title rows as "same as above", not as the row’s code', () => {
    const rows = [
      ['编码', '一级指标', '二级指标'],
      ['A1', '组织', 'A1.1 领导'],
      ['A1', '', 'A1.2 部署'],
    ];
    const { indicators } = buildTree('表', rows, mappingOf(['code1', 'level1', 'level2']));
    expect(shape(indicators)).toEqual([
      { code: 'A1', title: '组织', level: 1, parent: null },
      { code: 'A1.1', title: '领导', level: 2, parent: 'A1' },
      { code: 'A1.2', title: '部署', level: 2, parent: 'A1' },
    ]);
  });
});

describe('buildTree: headings and merged titles', () => {
  it('a heading merged across the row is a first-level node; a title merged across level columns is one node', () => {
    const rows = [
      ['一级指标', '二级指标', '分值'],
      ['一、组织领导', '一、组织领导', '一、组织领导'],
      ['', '1. 领导机构', '2'],
      ['一级指标', '二级指标', '分值'],
      ['二、网络文明', '二、网络文明', '5'],
      ['三、宣传教育', '1. 公益广告', '3'],
    ];
    const { indicators, issues } = buildTree('表', rows, mappingOf(['level1', 'level2', 'score']));
    expect(issues).toEqual([]);
    expect(shape(indicators, ['score'])).toEqual([
      { code: '一', title: '组织领导', level: 1, parent: null, score: null },
      { code: '1', title: '领导机构', level: 2, parent: '一', score: 2 },
      { code: '二', title: '网络文明', level: 1, parent: null, score: 5 },
      { code: '三', title: '宣传教育', level: 1, parent: null, score: null },
      { code: '1', title: '公益广告', level: 2, parent: '三', score: 3 },
    ]);
  });

  it('starts data after a two-row header', () => {
    const rows = [
      ['测评指标', '测评指标', '分值'],
      ['一级指标', '二级指标', '分值'],
      ['A1 组织', 'A1.1 领导', '2'],
    ];
    const { indicators } = buildTree('表', rows, mappingOf(['level1', 'level2', 'score'], 2));
    expect(shape(indicators, ['sourceRow'])).toEqual([
      { code: 'A1', title: '组织', level: 1, parent: null, sourceRow: 3 },
      { code: 'A1.1', title: '领导', level: 2, parent: 'A1', sourceRow: 3 },
    ]);
  });
});

describe('buildTree: row problems', () => {
  it('reports each problem with the sheet and the 1-based row, and keeps what it can', () => {
    const rows = [
      ['一级指标', '二级指标', '分值', '材料要求'],
      ['', 'A1.1 没有上级', '', '提供方案'],
      ['A1 组织', 'A1.1 领导', '五分半', '方案'],
      ['', '', '', '只有材料要求'],
      ['A2 宣传', 'A2.1 公益', '3', ''],
    ];
    const { indicators, issues } = buildTree('测评体系', rows, mappingOf(['level1', 'level2', 'score', 'requirement']));
    expect(issues).toEqual([
      {
        sheet: '测评体系',
        row: 2,
        message: '工作表“测评体系”第2行：第1级指标是空的，上方也没有可沿用的指标。请补上这一格。',
      },
      {
        sheet: '测评体系',
        row: 3,
        message: '工作表“测评体系”第3行：分值“五分半”不是数字。请写成 5 或 2.5 这样的数字。',
      },
      {
        sheet: '测评体系',
        row: 4,
        message: '工作表“测评体系”第4行：没有指标名称（指标列都是空的）。请补上名称，或删除这一行。',
      },
    ]);
    expect(shape(indicators, ['score', 'requirement'])).toEqual([
      { code: 'A1', title: '组织', level: 1, parent: null, score: null, requirement: '' },
      { code: 'A1.1', title: '领导', level: 2, parent: 'A1', score: null, requirement: '方案' },
      { code: 'A2', title: '宣传', level: 1, parent: null, score: null, requirement: '' },
      { code: 'A2.1', title: '公益', level: 2, parent: 'A2', score: 3, requirement: '' },
    ]);
  });

  it('does not fill a level from a row that belonged to another parent', () => {
    const rows = [
      ['一级指标', '二级指标', '三级指标'],
      ['A1 组织', 'A1.1 领导', 'A1.1.1 小组'],
      ['A2 宣传', '', 'A2.1.1 广告'],
    ];
    const { indicators, issues } = buildTree('表', rows, mappingOf(['level1', 'level2', 'level3']));
    expect(issues).toEqual([
      {
        sheet: '表',
        row: 3,
        message: '工作表“表”第3行：第2级指标是空的，而上一行的第2级指标属于另一个第1级指标，不能沿用。请补上这一格。',
      },
    ]);
    expect(indicators.map((d) => d.code)).toEqual(['A1', 'A1.1', 'A1.1.1', 'A2']);
  });

  it('reports a role given to two columns, and joins two text columns of the same role', () => {
    const rows = [
      ['指标', '分值', '分数', '材料要求', '佐证材料'],
      ['A1 组织', '2', '3', '工作方案', '活动照片'],
    ];
    const { indicators, issues } = buildTree(
      '表',
      rows,
      mappingOf(['level1', 'score', 'score', 'requirement', 'requirement']),
    );
    expect(issues.map((i) => i.message)).toEqual([
      '工作表“表”第1行：第B列和第C列都设成了“分值”，只读取第B列。请在核对列时只保留一列。',
    ]);
    expect(indicators[0]).toMatchObject({ score: 2, requirement: '工作方案\n活动照片' });
  });

  it('reports a rules cell it cannot read and suggests nothing for it', () => {
    const rows = [
      ['指标', '材料要求', '检查规则'],
      ['A1 组织', '每月一次', '{不是 JSON'],
    ];
    const { indicators, issues } = buildTree('表', rows, mappingOf(['level1', 'requirement', 'rules']));
    expect(issues.map((i) => i.message)).toEqual([
      '工作表“表”第2行：“检查规则”一格的内容无法识别（应是台账通导出的格式）。请清空这一格或从原导出文件复制。',
    ]);
    expect(indicators[0]).toMatchObject({ requirement: '每月一次', rules: [] });
  });

  it('returns nothing (and no crash) for a mapping without level columns', () => {
    expect(buildTree('表', [['a'], ['b']], mappingOf(['requirement']))).toEqual({ indicators: [], issues: [] });
  });
});

describe('buildTree: the other columns', () => {
  it('reads units, people, deadlines, applicability and an exported rules column', () => {
    const rules = [{ type: 'count', params: { min: 3 }, text: '三次', confirmed: true }];
    const rows = [
      ['指标', '内容', '牵头单位', '责任单位', '审核人', '完成时限', '是否适用', '材料要求', '检查规则'],
      ['A 一', '内容一\n第二行', '文明办', '各街道、社区', '周科长', '46086', '否', '每月一次', JSON.stringify(rules)],
      ['B 二', '', '', '', '', '长期坚持', '√', '每月一次', ''],
    ];
    const { indicators, issues } = buildTree(
      '表',
      rows,
      mappingOf([
        'level1',
        'content',
        'leadUnit',
        'respUnit',
        'reviewer',
        'deadline',
        'applicable',
        'requirement',
        'rules',
      ]),
    );
    expect(issues).toEqual([]);
    expect(indicators[0]).toMatchObject({
      content: '内容一\n第二行',
      leadUnit: '文明办',
      respUnit: '各街道、社区',
      reviewer: '周科长',
      deadline: '2026-03-05',
      applicable: false,
      rules,
    });
    // With a rules column (the app's own export) an empty cell means "no rules", not "suggest some".
    expect(indicators[1]).toMatchObject({ deadline: '长期坚持', applicable: true, rules: [] });
  });

  it.each([
    ['是', true],
    ['Y', true],
    ['√', true],
    ['', true],
    ['否', false],
    ['N', false],
    ['×', false],
    ['不适用', false],
  ])('是否适用 “%s” → %s', (text, applicable) => {
    const rows = [
      ['指标', '是否适用'],
      ['A 一', text],
    ];
    expect(buildTree('表', rows, mappingOf(['level1', 'applicable'])).indicators[0]!.applicable).toBe(applicable);
  });
});

describe('cell parsers', () => {
  it.each([
    ['5', 5],
    ['5分', 5],
    ['５', 5],
    ['5.5', 5.5],
    [' 2 分 ', 2],
    ['', null],
    ['—', null],
    ['/', null],
    ['五分半', undefined],
    ['约5', undefined],
  ])('分值 “%s” → %s', (text, score) => {
    expect(parseScore(text)).toBe(score);
  });

  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年3月5日前', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['2026-03-05 00:00:00', '2026-03-05'],
    ['2026年3月', '2026-03-31'],
    ['2026年2月', '2026-02-28'],
    ['2028年2月', '2028-02-29'],
    ['2026.06', '2026-06-30'],
    ['2026年6月底', '2026-06-30'],
    ['2026年底', '2026-12-31'],
    ['46086', '2026-03-05'],
    ['46086.5', '2026-03-05'],
    ['2026年13月', '2026年13月'],
    ['2026-02-30', '2026-02-30'],
    ['长期坚持', '长期坚持'],
    ['每季度', '每季度'],
    ['3月底前', '3月底前'],
    ['12', '12'],
    ['', ''],
  ])('完成时限 “%s” → “%s”', (text, out) => {
    expect(parseDeadline(text)).toBe(out);
  });

  it.each([
    ['材料审核+实地考察', ['材料审核', '实地考察']],
    ['材料审核、实地考察、问卷调查', ['材料审核', '实地考察', '问卷调查']],
    ['材料审核，实地考察；网上申报', ['材料审核', '实地考察', '网上申报']],
    ['材料审核/实地考察', ['材料审核', '实地考察']],
    ['材料审核\n实地考察\n材料审核', ['材料审核', '实地考察']],
    ['材料审核和实地考察', ['材料审核', '实地考察']],
    ['材料审核以及实地考察', ['材料审核', '实地考察']],
    ['实地考察（抽查3个社区、2所学校）', ['实地考察（抽查3个社区、2所学校）']],
    ['', []],
  ])('测评方法 “%s”', (text, methods) => {
    expect(splitMethods(text)).toEqual(methods);
  });
});
