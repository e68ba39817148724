import type { Rule } from './model';

/*
 * Reads evidence rules out of 材料要求 text ("每季度至少召开一次", "全年不少于12次",
 * "提供方案、总结和照片"). They are only suggestions: the user confirms each one, and the
 * gap checker checks confirmed rules only.
 */

export type Period = 'week' | 'month' | 'quarter' | 'halfyear' | 'year';

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 12 / 十二 / 二十 / 两 → number (up to 99, enough for counts in requirements). */
export function parseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const m = text.match(/^([一二两三四五六七八九])?十([一二三四五六七八九])?$/);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  return text.length === 1 && text in CN_DIGITS ? CN_DIGITS[text]! : null;
}

const NUM = '(\\d+|[一二两三四五六七八九十]+)';
const UNIT = '(?:次|期|场|轮|回|批|篇|项|个|块|份)';

const PERIODS: [RegExp, Period][] = [
  [/每周|每星期|周例会/, 'week'],
  [/每月|按月|月度/, 'month'],
  [/每季度|每季|按季度|季度/, 'quarter'],
  [/每半年|半年/, 'halfyear'],
  [/每年|全年|一年|每学年/, 'year'],
];

/** "每2个月" / "每两个月": a period of several months. */
const EVERY_MONTHS = new RegExp(`每${NUM}个月`);

const MIN_PATTERNS = [
  new RegExp(`(?:不少于|至少|不低于|最少)[^，。；;,]{0,8}?${NUM}\\s*${UNIT}`),
  new RegExp(`${NUM}\\s*${UNIT}(?:以上|及以上)`),
  new RegExp(`(?:每周|每月|每季度|每季|每半年|每年)${NUM}\\s*${UNIT}`),
];

function minCount(clause: string): number | null {
  for (const re of MIN_PATTERNS) {
    const m = clause.match(re);
    if (m) return parseCount(m[1]!);
  }
  return null;
}

const DOC_KINDS: [RegExp, string][] = [
  [/方案|实施意见/, '方案'],
  [/计划/, '计划'],
  [/总结|汇报/, '总结'],
  [/照片|图片|影像/, '照片'],
  [/制度/, '制度'],
  [/会议记录|纪要|会议资料/, '会议记录'],
  [/台账|登记表|花名册/, '台账'],
  [/通知|印发|发文/, '通知'],
  [/简报|通报/, '简报'],
  [/责任书|责任状/, '责任书'],
  [/问卷/, '问卷'],
  [/宣传资料|倡议书|海报|展板|横幅/, '宣传资料'],
  [/整改/, '整改'],
];

function periodRules(requirement: string): Rule[] {
  const rules: Rule[] = [];
  for (const clause of requirement
    .split(/[。；;\n]/)
    .map((c) => c.trim())
    .filter(Boolean)) {
    const every = clause.match(EVERY_MONTHS);
    const period = PERIODS.find(([re]) => re.test(clause))?.[1];
    const min = minCount(clause);
    if (every) {
      rules.push({
        type: 'periodic',
        params: { period: 'month', every: parseCount(every[1]!) ?? 1, min: 1 },
        text: clause,
        confirmed: false,
      });
      // "全年不少于6期" beside "每2个月更换一次" is a second rule on the year.
      if (min !== null && /全年|每年|一年/.test(clause)) {
        rules.push({ type: 'periodic', params: { period: 'year', min }, text: clause, confirmed: false });
      }
    } else if (period) {
      rules.push({ type: 'periodic', params: { period, min: min ?? 1 }, text: clause, confirmed: false });
    } else if (min !== null) {
      rules.push({ type: 'count', params: { min }, text: clause, confirmed: false });
    }
  }
  return rules;
}

function docRules(requirement: string): Rule[] {
  const found: { at: number; kind: string; text: string }[] = [];
  for (const [re, kind] of DOC_KINDS) {
    const m = requirement.match(re);
    if (m && m.index !== undefined) found.push({ at: m.index, kind, text: m[0] });
  }
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => ({ type: 'docType', params: { kind: f.kind }, text: f.text, confirmed: false }));
}

/** Suggested (unconfirmed) rules for a 材料要求 text; never throws. */
export function suggestRules(requirement: string): Rule[] {
  if (!requirement.trim()) return [];
  return [...periodRules(requirement), ...docRules(requirement)];
}
