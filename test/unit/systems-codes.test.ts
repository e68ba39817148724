import { describe, expect, it } from 'vitest';
import { cleanCode, generateCodes, splitCode } from '../../shared/systems/codes';

describe('splitCode: the numbering in front of a title', () => {
  it.each([
    ['A1 思想道德建设', 'A1', '思想道德建设'],
    ['A1.思想道德建设', 'A1', '思想道德建设'],
    ['A1思想道德建设', 'A1', '思想道德建设'],
    ['B1.2 公益广告', 'B1.2', '公益广告'],
    ['B1.2.3、文明餐桌', 'B1.2.3', '文明餐桌'],
    ['C3、文明交通', 'C3', '文明交通'],
    ['A1-2 志愿服务', 'A1-2', '志愿服务'],
    ['A-1 组织领导', 'A-1', '组织领导'],
    ['Ⅰ-1 文化阵地', 'Ⅰ-1', '文化阵地'],
    ['Ⅱ—3 全民阅读', 'Ⅱ-3', '全民阅读'],
    ['Ⅱ－3 全民阅读', 'Ⅱ-3', '全民阅读'],
    ['Ⅱ–3 全民阅读', 'Ⅱ-3', '全民阅读'],
    ['Ⅱ - 3 全民阅读', 'Ⅱ-3', '全民阅读'],
    ['Ⅲ 生态环境', 'Ⅲ', '生态环境'],
    ['II-3 全民阅读', 'II-3', '全民阅读'],
    ['1) 常态化开放', '1)', '常态化开放'],
    ['1）常态化开放', '1）', '常态化开放'],
    ['(1) 志愿服务', '(1)', '志愿服务'],
    ['（1）志愿服务', '（1）', '志愿服务'],
    ['（一）组织领导', '（一）', '组织领导'],
    ['(十二) 档案管理', '(十二)', '档案管理'],
    ['一、组织领导', '一', '组织领导'],
    ['十二、档案管理', '十二', '档案管理'],
    ['二．宣传教育', '二', '宣传教育'],
    ['5.3.2 社区综合文化服务中心', '5.3.2', '社区综合文化服务中心'],
    ['5.3.2、社区综合文化服务中心', '5.3.2', '社区综合文化服务中心'],
    ['1-1 创建氛围', '1-1', '创建氛围'],
    ['第一条 创建工作领导小组', '第一条', '创建工作领导小组'],
    ['第十二条、档案', '第十二条', '档案'],
    ['第3项 志愿服务', '第3项', '志愿服务'],
    ['1. 理论学习', '1', '理论学习'],
    ['1.理论学习', '1', '理论学习'],
    ['1、理论学习', '1', '理论学习'],
    ['12：理论学习', '12', '理论学习'],
    ['3 理论学习', '3', '理论学习'],
    ['①宣传栏', '①', '宣传栏'],
    ['⑵ 宣传栏', '⑵', '宣传栏'],
    ['⒊宣传栏', '⒊', '宣传栏'],
    ['❶ 宣传栏', '❶', '宣传栏'],
    ['A 思想道德建设', 'A', '思想道德建设'],
    ['B、宣传教育', 'B', '宣传教育'],
    ['项目5 健康向上的人文环境', '项目5', '健康向上的人文环境'],
    ['版块二、社会文明', '版块二', '社会文明'],
  ])('%s → code %s, title %s', (text, code, title) => {
    expect(splitCode(text)).toEqual({ code, title });
  });

  it.each([
    ['Ａ１．２　全角编码', 'A1.2', '全角编码'],
    ['Ｂ１－２ 公益', 'B1-2', '公益'],
    ['（１）全角括号', '（1）', '全角括号'],
    ['１）全角数字', '1）', '全角数字'],
    ['  A1  思想道德建设  ', 'A1', '思想道德建设'],
    ['\u00a0C3、文明交通', 'C3', '文明交通'],
  ])('full-width and padded: %s → %s / %s', (text, code, title) => {
    expect(splitCode(text)).toEqual({ code, title });
  });

  it.each([
    ['A1', 'A1'],
    ['B1.2', 'B1.2'],
    ['一、', '一'],
    ['（三）', '（三）'],
    ['1)', '1)'],
    ['1.', '1'],
    ['1、', '1'],
    ['5.3.2', '5.3.2'],
    ['Ⅱ—3', 'Ⅱ-3'],
    ['第一条', '第一条'],
    ['①', '①'],
    ['A', 'A'],
  ])('a cell that is only a code: %s → %s with an empty title', (text, code) => {
    expect(splitCode(text)).toEqual({ code, title: '' });
  });

  it.each([
    'APP推广应用',
    'APP 推广应用',
    '5G基站建设',
    '2026年工作方案',
    '2026 年度工作方案',
    '2026.3 工作安排',
    '3.5万元补贴',
    '1.5倍以上',
    '12.5%的覆盖率',
    '3 个社区示范点',
    '12345热线办理',
    'PM2.5 监测',
    'B2B平台',
    '版块二',
    '一是加强组织领导',
    '社区综合文化服务中心',
    '注册志愿者占比',
  ])('leaves a title that only looks numbered alone: %s', (text) => {
    expect(splitCode(text)).toEqual({ code: '', title: text });
  });

  it('joins a title Excel wrapped onto two lines', () => {
    expect(splitCode('A1 思想道德\r\n建设')).toEqual({ code: 'A1', title: '思想道德建设' });
  });

  it('reads a code alone on the first line as the code of the lines below', () => {
    expect(splitCode('1\n理论学习')).toEqual({ code: '1', title: '理论学习' });
    expect(splitCode('A1.2\n公益广告\n宣传')).toEqual({ code: 'A1.2', title: '公益广告宣传' });
  });

  it('gives an empty cell neither code nor title', () => {
    expect(splitCode('  ')).toEqual({ code: '', title: '' });
  });
});

describe('cleanCode: a cell of a code column', () => {
  it.each([
    [' 一、', '一'],
    ['A1.2.', 'A1.2'],
    ['Ａ１．２', 'A1.2'],
    ['Ⅱ—3', 'Ⅱ-3'],
    ['（一）', '（一）'],
    ['1）', '1）'],
    ['5.3.2：', '5.3.2'],
    ['', ''],
  ])('%s → %s', (text, code) => {
    expect(cleanCode(text)).toBe(code);
  });
});

describe('generateCodes', () => {
  const node = (key: string, parentKey: string | null, code = '') => ({ key, parentKey, code, codeGenerated: false });

  it('numbers a tree without codes 1, 1.1, 1.1.1 by position', () => {
    const out = generateCodes([
      node('a', null),
      node('a1', 'a'),
      node('a11', 'a1'),
      node('a12', 'a1'),
      node('a2', 'a'),
      node('b', null),
      node('b1', 'b'),
    ]);
    expect(out.map((n) => [n.key, n.code, n.codeGenerated])).toEqual([
      ['a', '1', true],
      ['a1', '1.1', true],
      ['a11', '1.1.1', true],
      ['a12', '1.1.2', true],
      ['a2', '1.2', true],
      ['b', '2', true],
      ['b1', '2.1', true],
    ]);
  });

  it('keeps existing codes and builds on them under a coded parent', () => {
    const out = generateCodes([node('a', null, 'A1'), node('b', 'a'), node('c', 'a', 'A1.9'), node('d', 'a')]);
    expect(out.map((n) => [n.code, n.codeGenerated])).toEqual([
      ['A1', false],
      ['A1.1', true],
      ['A1.9', false],
      ['A1.3', true],
    ]);
  });

  it('does not change the nodes it is given', () => {
    const input = [node('a', null)];
    generateCodes(input);
    expect(input[0]).toEqual(node('a', null));
  });
});
