import { describe, expect, it } from 'vitest';
import { cleanCode, generateCodes, splitCode } from '../../shared/systems/codes';

describe('codes in front of indicator titles', () => {
  it.each([
    ['A1 思想道德建设', 'A1', '思想道德建设'],
    ['A1.思想道德建设', 'A1', '思想道德建设'],
    ['B1.2 公益广告', 'B1.2', '公益广告'],
    ['C3、文明交通', 'C3', '文明交通'],
    ['Ⅰ-1 文化阵地', 'Ⅰ-1', '文化阵地'],
    ['Ⅱ—3 全民阅读', 'Ⅱ-3', '全民阅读'],
    ['1) 常态化开放', '1)', '常态化开放'],
    ['1）常态化开放', '1）', '常态化开放'],
    ['(2) 志愿服务', '(2)', '志愿服务'],
    ['（一）组织领导', '（一）', '组织领导'],
    ['一、组织领导', '一', '组织领导'],
    ['5.3.2 社区综合文化服务中心', '5.3.2', '社区综合文化服务中心'],
    ['5.3.2、社区综合文化服务中心', '5.3.2', '社区综合文化服务中心'],
    ['第一条 创建工作领导小组', '第一条', '创建工作领导小组'],
    ['1. 理论学习', '1', '理论学习'],
    ['1、理论学习', '1', '理论学习'],
    ['①宣传栏', '①', '宣传栏'],
    ['项目5 健康向上的人文环境', '项目5', '健康向上的人文环境'],
    ['Ａ１．２　全角编码', 'A1.2', '全角编码'],
    ['A1', 'A1', ''],
  ])('%s → code %s, title %s', (text, code, title) => {
    expect(splitCode(text)).toEqual({ code, title });
  });

  it.each(['APP推广应用', '5G基站建设', '2026年工作方案', '3.5万元补贴', '版块二', '社区综合文化服务中心'])(
    'leaves a title that only looks numeric alone: %s',
    (text) => {
      expect(splitCode(text)).toEqual({ code: '', title: text });
    },
  );

  it('joins a title Excel wrapped onto two lines', () => {
    expect(splitCode('A1 思想道德\n建设')).toEqual({ code: 'A1', title: '思想道德建设' });
  });

  it('reads a code column as written, without a trailing separator', () => {
    expect(cleanCode(' 一、')).toBe('一');
    expect(cleanCode('A1.2.')).toBe('A1.2');
  });

  it('generates hierarchical codes only where none was given', () => {
    const nodes = [
      { key: 'a', parentKey: null, code: '', codeGenerated: false },
      { key: 'b', parentKey: 'a', code: '', codeGenerated: false },
      { key: 'c', parentKey: 'a', code: '', codeGenerated: false },
      { key: 'd', parentKey: null, code: 'B', codeGenerated: false },
      { key: 'e', parentKey: 'd', code: '', codeGenerated: false },
    ];
    expect(generateCodes(nodes).map((n) => [n.code, n.codeGenerated])).toEqual([
      ['1', true],
      ['1.1', true],
      ['1.2', true],
      ['B', false],
      ['B.1', true],
    ]);
  });
});
