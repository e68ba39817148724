import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDraft } from '../../shared/systems/model';
import { testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';
import { gbk, workbook } from '../fixtures/workbooks';

const { call, fail } = testCore();
let projectDir: string;

beforeAll(async () => {
  projectDir = path.join(tempDir(), '导入 测试');
  await call('projects.create', { dir: projectDir, name: 'XX街道办事处', year: 2026 });
});

const open = (fileName: string, bytes: Buffer) =>
  call('systems.importOpen', { fileName, dataBase64: bytes.toString('base64') });

/** A tree as lines "level code title ← parent code", easy to compare exactly. */
function shape(indicators: IndicatorDraft[]): string[] {
  const byKey = new Map(indicators.map((d) => [d.key, d]));
  return indicators.map((d) => {
    const parent = d.parentKey ? byKey.get(d.parentKey)!.code : '-';
    return `${d.level} ${d.code} ${d.title} ← ${parent}`;
  });
}

async function previewOf(fileName: string, bytes: Buffer) {
  const view = await open(fileName, bytes);
  const p = await call('systems.importPreview', { sourceId: view.sourceId, sheet: view.suggestedSheet, mapping: null });
  return { view, ...p };
}

const byCode = (list: IndicatorDraft[], code: string) => list.find((d) => d.code === code)!;

describe('importing real-world layouts', () => {
  it('a title row above the header, upper levels merged vertically over their children', async () => {
    const bytes = workbook([
      {
        name: '任务分解表',
        rows: [
          ['XX区2026年创建全国文明城市测评体系任务分解表'],
          ['一级指标', '二级指标', '三级指标', '测评方法', '分值', '材料要求'],
          [
            'A1 思想道德建设',
            'A1.1 理论学习',
            'A1.1.1 中心组学习',
            '材料审核',
            2,
            '每季度至少开展一次集中学习，提供学习记录和照片',
          ],
          ['', '', 'A1.1.2 宣讲活动', '材料审核+实地考察', 3, '提供宣讲方案、活动照片'],
          ['', 'A1.2 志愿服务', 'A1.2.1 志愿者注册', '网上申报', 1, '提供志愿者注册台账'],
          ['A2 环境卫生', 'A2.1 市容市貌', 'A2.1.1 门前三包', '实地考察', 2, ''],
        ],
        merges: [
          [0, 0, 0, 5],
          [2, 0, 4, 0],
          [2, 1, 3, 1],
        ],
      },
    ]);
    const { view, indicators, issues, levelNames } = await previewOf('任务分解表.xlsx', bytes);
    expect(view.kind).toBe('xlsx');
    expect(view.sheets[0]!.detected?.mapping).toMatchObject({ headerStart: 2, headerEnd: 2 });
    expect(issues).toEqual([]);
    expect(levelNames).toEqual(['一级指标', '二级指标', '三级指标']);
    expect(shape(indicators)).toEqual([
      '1 A1 思想道德建设 ← -',
      '2 A1.1 理论学习 ← A1',
      '3 A1.1.1 中心组学习 ← A1.1',
      '3 A1.1.2 宣讲活动 ← A1.1',
      '2 A1.2 志愿服务 ← A1',
      '3 A1.2.1 志愿者注册 ← A1.2',
      '1 A2 环境卫生 ← -',
      '2 A2.1 市容市貌 ← A2',
      '3 A2.1.1 门前三包 ← A2.1',
    ]);
    expect(byCode(indicators, 'A1.1.2')).toMatchObject({
      methods: ['材料审核', '实地考察'],
      score: 3,
      requirement: '提供宣讲方案、活动照片',
      sourceRow: 4,
    });
    expect(byCode(indicators, 'A1.1.1').rules).toContainEqual(
      expect.objectContaining({ type: 'periodic', params: expect.objectContaining({ period: 'quarter', min: 1 }) }),
    );
  });

  it('a two-row header with a merged group cell, named 测评项目/测评内容/测评标准, also from old .xls', async () => {
    const rows = [
      ['测评指标', '', '', '测评方法', '材料要求', '责任单位'],
      ['测评项目', '测评内容', '测评标准', '', '', ''],
      [
        'Ⅰ 公共文化',
        'Ⅰ-1 文化阵地',
        '1) 综合文化服务中心常态化开放',
        '实地考察',
        '开放制度；\n年度活动计划与总结',
        '各社区',
      ],
      ['', '', '2) 文化活动', '材料审核', '活动照片（带说明）', '文化站'],
      ['', 'Ⅰ-2 全民阅读', '1) 阅读推广', '问卷调查', '', ''],
    ];
    const merges: [number, number, number, number][] = [
      [0, 0, 0, 2],
      [0, 3, 1, 3],
      [0, 4, 1, 4],
      [0, 5, 1, 5],
      [2, 0, 4, 0],
      [2, 1, 3, 1],
    ];
    for (const [name, type] of [
      ['测评体系.xlsx', 'xlsx'],
      ['测评体系.xls', 'biff8'],
    ] as const) {
      const { view, indicators, issues, levelNames } = await previewOf(
        name,
        workbook([{ name: '体系', rows, merges }], type),
      );
      expect(view.kind).toBe(type === 'xlsx' ? 'xlsx' : 'xls');
      expect(issues).toEqual([]);
      expect(levelNames).toEqual(['测评项目', '测评内容', '测评标准']);
      expect(shape(indicators)).toEqual([
        '1 Ⅰ 公共文化 ← -',
        '2 Ⅰ-1 文化阵地 ← Ⅰ',
        '3 1) 综合文化服务中心常态化开放 ← Ⅰ-1',
        '3 2) 文化活动 ← Ⅰ-1',
        '2 Ⅰ-2 全民阅读 ← Ⅰ',
        '3 1) 阅读推广 ← Ⅰ-2',
      ]);
      const first = indicators[2]!;
      expect(first.requirement).toBe('开放制度；\n年度活动计划与总结');
      expect(first.respUnit).toBe('各社区');
    }
  });

  it('several sheets: picks the one that is an assessment system, and any other on request', async () => {
    const bytes = workbook([
      { name: '填表说明', rows: [['请各单位于3月底前报送'], ['联系人：文明办']] },
      {
        name: '测评体系',
        rows: [
          ['一级指标', '二级指标', '材料要求'],
          ['A1 组织领导', 'A1.1 领导小组', '成立文件'],
        ],
      },
    ]);
    const view = await open('多个工作表.xlsx', bytes);
    expect(view.sheets.map((s) => s.name)).toEqual(['填表说明', '测评体系']);
    expect(view.suggestedSheet).toBe(1);
    expect(view.sheets[0]!.detected).toBeNull();
  });

  it('blank rows, a footnote, line breaks inside cells and full-width characters', async () => {
    const bytes = workbook([
      {
        name: 'Sheet1',
        rows: [
          ['一级指标', '二级指标', '分值', '材料要求'],
          ['Ａ１　思想道德建设', 'Ａ１．１　道德讲堂', '５', '每月举办一次，\n提供照片'],
          ['', '', '', ''],
          ['', 'A1.2 好人评选', '3', '评选通知\r\n公示材料'],
          ['A2 诚信建设', 'A2.1 信用宣传', '2', '全年不少于6次'],
          ['注：分值合计以市文明办最终文件为准。'],
        ],
        merges: [[5, 0, 5, 3]],
      },
    ]);
    const { indicators, issues } = await previewOf('全角.xlsx', bytes);
    expect(issues).toEqual([]);
    expect(shape(indicators)).toEqual([
      '1 A1 思想道德建设 ← -',
      '2 A1.1 道德讲堂 ← A1',
      '2 A1.2 好人评选 ← A1',
      '1 A2 诚信建设 ← -',
      '2 A2.1 信用宣传 ← A2',
    ]);
    expect(byCode(indicators, 'A1.1')).toMatchObject({ score: 5, requirement: '每月举办一次，\n提供照片' });
    expect(byCode(indicators, 'A1.2').requirement).toBe('评选通知\n公示材料');
  });

  it('a GBK CSV saved by old Excel, with upper levels left blank and no codes (generated)', async () => {
    const csv =
      '一级指标,二级指标,三级指标,测评方法\r\n思想道德,理论学习,中心组学习,材料审核\r\n,,宣讲活动,实地考察\r\n,志愿服务,注册管理,网上申报\r\n环境卫生,市容,门前三包,实地考察\r\n';
    const { view, indicators, issues } = await previewOf('体系（旧版Excel）.csv', gbk(csv));
    expect(view.kind).toBe('csv');
    expect(issues).toEqual([]);
    expect(shape(indicators)).toEqual([
      '1 1 思想道德 ← -',
      '2 1.1 理论学习 ← 1',
      '3 1.1.1 中心组学习 ← 1.1',
      '3 1.1.2 宣讲活动 ← 1.1',
      '2 1.2 志愿服务 ← 1',
      '3 1.2.1 注册管理 ← 1.2',
      '1 2 环境卫生 ← -',
      '2 2.1 市容 ← 2',
      '3 2.1.1 门前三包 ← 2.1',
    ]);
    expect(indicators.every((d) => d.codeGenerated)).toBe(true);
    // The same text as UTF-8 with a BOM gives the same tree.
    const utf8 = await previewOf('体系.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]));
    expect(shape(utf8.indicators)).toEqual(shape(indicators));
  });

  it('a four-level 版块/项目/内容/标准 sheet', async () => {
    const bytes = workbook([
      {
        name: '测评手册',
        rows: [
          ['版块', '项目', '内容', '标准', '测评方法'],
          [
            '版块二',
            '项目5 健康向上的人文环境',
            '5.3 公共文化服务',
            '5.3.2 社区综合文化服务中心常态化开放',
            '材料审核、实地考察',
          ],
          ['', '', '', '5.3.3 数字文化服务', '网上申报'],
        ],
        merges: [
          [1, 0, 2, 0],
          [1, 1, 2, 1],
          [1, 2, 2, 2],
        ],
      },
    ]);
    const { indicators, issues, levelNames } = await previewOf('手册.xlsx', bytes);
    expect(issues).toEqual([]);
    expect(levelNames).toEqual(['版块', '项目', '内容', '标准']);
    expect(indicators.map((d) => [d.level, d.title])).toEqual([
      [1, '版块二'],
      [2, '健康向上的人文环境'],
      [3, '公共文化服务'],
      [4, '社区综合文化服务中心常态化开放'],
      [4, '数字文化服务'],
    ]);
    expect(indicators.slice(2).map((d) => d.code)).toEqual(['5.3', '5.3.2', '5.3.3']);
    expect(indicators[3]!.methods).toEqual(['材料审核', '实地考察']);
  });
});

describe('import is all or nothing', () => {
  it('reports each bad row with sheet and row number and writes nothing', async () => {
    const bytes = workbook([
      {
        name: '测评体系',
        rows: [
          ['一级指标', '二级指标', '分值'],
          ['A1 组织', 'A1.1 领导小组', '2'],
          ['', 'A1.2 工作例会', '五分半'],
          ['A2 宣传', 'A2.1 公益广告', '3'],
        ],
      },
    ]);
    const view = await open('有错误.xlsx', bytes);
    const p = await call('systems.importPreview', { sourceId: view.sourceId, sheet: 0, mapping: null });
    expect(p.issueCount).toBe(1);
    expect(p.issues[0]).toMatchObject({ sheet: '测评体系', row: 3 });
    expect(p.issues[0]!.message).toMatch(/五分半/);
    const before = (await call('systems.list', {})).length;
    const err = await fail('systems.importCommit', {
      sourceId: view.sourceId,
      sheet: 0,
      mapping: null,
      meta: { name: '有错误的体系', edition: '', windowStart: null, windowEnd: null, levelNames: [] },
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/有错误\.xlsx.*1 处问题/s);
    expect(err.message).toMatch(/第3行/);
    expect(await call('systems.list', {})).toHaveLength(before);
    const db = new BetterSqlite3(path.join(projectDir, 'taizhang.sqlite'), { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM systems WHERE name = '有错误的体系'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses files that are not spreadsheets, naming them', async () => {
    const pdf = await fail('systems.importOpen', {
      fileName: '通知.xlsx',
      dataBase64: Buffer.from('%PDF-1.7\n\0\0binary').toString('base64'),
    });
    expect(pdf).toMatchObject({ code: 'UNSUPPORTED_FILE' });
    expect(pdf.message).toMatch(/通知\.xlsx.*不是 Excel/);
    const empty = await fail('systems.importOpen', { fileName: '空.csv', dataBase64: '' });
    expect(empty.message).toMatch(/空.csv.*空的/);
    const broken = await fail('systems.importOpen', {
      fileName: '损坏.xlsx',
      dataBase64: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]).toString('base64'),
    });
    expect(broken.message).toMatch(/损坏\.xlsx.*已损坏/);
    // A password-protected workbook: an OLE container holding EncryptionInfo + EncryptedPackage.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.alloc(200)]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(1000, 3));
    const locked = await fail('systems.importOpen', {
      fileName: '加密.xlsx',
      dataBase64: (XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer).toString('base64'),
    });
    expect(locked.message).toMatch(/加密\.xlsx.*打开密码.*取消密码/);
  });
});
