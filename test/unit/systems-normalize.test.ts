import { describe, expect, it } from 'vitest';
import { cleanCell, headerKey, normalizeText, oneLine, toHalfWidth } from '../../shared/systems/normalize';

describe('normalizeText: full-width forms from Chinese input methods', () => {
  it('makes full-width letters, digits and ASCII marks half-width', () => {
    expect(normalizeText('ＡＢＣ１２３．４－５／６＋７％')).toBe('ABC123.4-5/6+7%');
    expect(normalizeText('Ｗｉ－Ｆｉ全覆盖')).toBe('Wi-Fi全覆盖');
  });

  it('keeps the punctuation Chinese sentences are written with', () => {
    expect(normalizeText('（一）组织领导，明确分工：每季度；《通知》、。！？')).toBe(
      '（一）组织领导，明确分工：每季度；《通知》、。！？',
    );
  });

  it('turns the ideographic space into a plain space', () => {
    expect(normalizeText('Ａ１\u3000标题')).toBe('A1 标题');
  });

  it('toHalfWidth only touches letters, digits and the ideographic space', () => {
    expect(toHalfWidth('Ａ１．（）')).toBe('A1．（）');
  });
});

describe('cleanCell', () => {
  it('trims, turns NBSP and tabs into spaces, collapses runs of spaces and keeps line breaks', () => {
    expect(cleanCell('  提供\u00a0\u00a0方案\t 总结 \r\n活动   照片\r\n\r\n')).toBe('提供 方案 总结\n活动 照片');
  });

  it('drops zero-width characters and a BOM pasted from web pages', () => {
    expect(cleanCell('\ufeffA1\u200b 组织\u200d领导')).toBe('A1 组织领导');
  });

  it('turns a lone CR into a line break', () => {
    expect(cleanCell('第一行\r第二行')).toBe('第一行\n第二行');
  });

  it('leaves an empty cell empty', () => {
    expect(cleanCell(' \u00a0\r\n ')).toBe('');
  });
});

describe('oneLine', () => {
  it('joins Chinese text Excel wrapped, keeping a space between two Latin words', () => {
    expect(oneLine('社区综合文化\r\n服务中心')).toBe('社区综合文化服务中心');
    expect(oneLine('APP\nWeb 端')).toBe('APP Web 端');
  });
});

describe('headerKey', () => {
  it('ignores spaces, line breaks and a trailing unit in brackets', () => {
    expect(headerKey('测 评\n项目')).toBe('测评项目');
    expect(headerKey('分值（分）')).toBe('分值');
    expect(headerKey('ＡＢ级指标')).toBe('AB级指标');
  });
});
