import { describe, expect, it } from 'vitest';
import { bigramTokens, codeKey, codeParts, normalizeText, queryTerms } from '../../electron/core/search/normalize';
import { matchPinyin, syllablesOf } from '../../electron/core/search/pinyin-match';
import { snippet } from '../../electron/core/search/snippet';
import { matchExpression, parseTextQuery } from '../../electron/core/search/text-query';

describe('search text forms', () => {
  it('normalises Traditional and full-width input, keeping every character in place', () => {
    expect(normalizeText('會議記錄')).toBe('会议记录');
    expect(normalizeText('Ｂ３．２　創衛')).toBe('B3.2 创卫');
    for (const s of ['會議記錄', 'Ｂ３．２', '軟體與頭髮']) expect(normalizeText(s)).toHaveLength(s.length);
    expect(queryTerms(' 垃圾分類，照片 ')).toEqual(['垃圾分类', '照片']);
  });

  it('reduces codes to what tells them apart', () => {
    for (const c of ['B3.2', 'b32', 'Ｂ３．２', 'B3-2']) expect(codeKey(c)).toBe('b32');
    for (const c of ['Ⅱ-3', 'II—3', 'ⅱ3']) expect(codeKey(c)).toBe('ii3');
    expect(codeParts('Ｂ３．２')).toBe('b3.2');
  });

  it('splits terms between the trigram and the bigram index', () => {
    const q = parseTextQuery('垃圾分类 照片 会 A1.');
    expect(q).toEqual({ long: ['垃圾分类'], short: ['照片', '会', 'a1'], marks: ['垃圾分类', '照片', '会', 'a1'] });
    expect(matchExpression(q, 'short', 'title')).toBe('title : ("照片" AND "会"* AND "a1")');
    expect(matchExpression(parseTextQuery('“会议记录” "B3.2"'), 'long')).toBe('"会议记录" AND "b3.2"');
    expect(bigramTokens('垃圾分类，A1')).toBe('垃圾 圾分 分类 类 a1 1');
  });

  it('matches pinyin whole, by initials, or mixed, syllable by syllable', () => {
    const s = syllablesOf('文明城市创建');
    expect(matchPinyin(s, 'wmcs')).toEqual({ start: 0, length: 4, form: 'initials' });
    expect(matchPinyin(s, 'wenmingchengshi')).toEqual({ start: 0, length: 4, form: 'full' });
    expect(matchPinyin(s, 'wenmcs')).toEqual({ start: 0, length: 4, form: 'mixed' });
    expect(matchPinyin(s, 'cschj')).toEqual({ start: 2, length: 4, form: 'mixed' });
    expect(matchPinyin(s, 'enming')).toBeNull();
    expect(syllablesOf('银行行长')).toEqual(['yin', 'hang', 'hang', 'zhang']);
  });

  it('marks matches in the text as written', () => {
    expect(snippet('創衛工作方案', ['创卫'])).toBe('«創衛»工作方案');
    const long = `${'前'.repeat(40)}智能回收箱${'后'.repeat(80)}`;
    expect(snippet(long, ['智能回收箱'])).toBe(`…${'前'.repeat(16)}«智能回收箱»${'后'.repeat(39)}…`);
    expect(snippet('没有', ['照片'])).toBeNull();
  });
});
