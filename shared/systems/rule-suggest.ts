import type { Rule } from './model';
import { cleanCell } from './normalize';

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
/** Units that count events; "全年12个月" must not read as 12 events. */
const EVENT_UNIT = '(?:次|期|场|轮|回|批|篇|份)';

/** Finest first: "全年每月至少一次" is a monthly rule. */
const PERIODS: [RegExp, Period][] = [
  [/每周|每星期|每一周|周例会|次\/周/, 'week'],
  [/每月|每个月|每一个月|按月|月度|次\/月/, 'month'],
  // "第一季度" names a quarter, it does not repeat every quarter.
  [/每季|按季|(?<![第一二三四1-4])季度|次\/季/, 'quarter'],
  // "上半年" is a deadline, not a period.
  [/每半年|(?<![上下前后])半年/, 'halfyear'],
  [/每年|全年|一年|每学年|次\/年/, 'year'],
];

/** "每2个月" / "每两周": a period of several months or weeks. */
const EVERY_N = new RegExp(`每${NUM}(个月|周|星期)`);

const MIN_PATTERNS = [
  new RegExp(`(?:不少于|至少|不低于|最少)[^，。；;,]{0,8}?${NUM}\\s*${UNIT}`),
  new RegExp(`${NUM}\\s*${UNIT}(?:以上|及以上)`),
  new RegExp(`(?:每周|每月|每季度|每季|每半年|每年)${NUM}\\s*${UNIT}`),
  new RegExp(`(?:每周|每月|每季度|每季|每半年|每年|全年|一年)[^，。；;,]{0,10}?${NUM}\\s*${EVENT_UNIT}`),
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
  [/计划(?!生育)/, '计划'],
  [/总结|汇报/, '总结'],
  [/照片|图片|相片|影像/, '照片'],
  [/制度(?!化)/, '制度'],
  [/会议记录|纪要|会议资料/, '会议记录'],
  [/台账|登记表|花名册/, '台账'],
  [/通知|文件|印发|发文/, '通知'],
  [/简报|(?<!个人)信息(?!化|公开|平台|系统|技术|网络)|通报/, '简报'],
  [/责任书|责任状/, '责任书'],
  [/问卷/, '问卷'],
  [/宣传资料|宣传材料|宣传册|宣传单|倡议书|海报|展板|横幅/, '宣传资料'],
  [/整改/, '整改'],
];

const rule = (type: string, params: Record<string, unknown>, text: string): Rule => ({
  type,
  params,
  text,
  confirmed: false,
});

/**
 * Period and count rules, read per sentence and within it per comma-separated part, so
 * "每季度至少召开一次，全年不少于4次" gives two rules. A count in a part without a period
 * completes a period named just before it ("全年开展讲座，不少于12次").
 */
function periodRules(requirement: string): Rule[] {
  const rules: Rule[] = [];
  for (const sentence of requirement.split(/[。；;\n]/)) {
    /** A periodic rule whose count was not written yet, so a later part may give it. */
    let open: Rule | null = null;
    for (const part of sentence
      .split(/[，,]/)
      .map((c) => c.trim())
      .filter(Boolean)) {
      const every = part.match(EVERY_N);
      const n = every ? (parseCount(every[1]!) ?? 1) : 1;
      const period = PERIODS.find(([re]) => re.test(part))?.[1];
      const min = minCount(part);
      // "每一个月" is just monthly; only a gap of two or more periods needs `every`.
      if (every && n > 1) {
        const unit = every[2] === '个月' ? 'month' : 'week';
        rules.push(rule('periodic', { period: unit, every: n, min: min ?? 1 }, part));
        open = null;
      } else if (period) {
        const r = rule('periodic', { period, min: min ?? 1 }, part);
        rules.push(r);
        open = min === null ? r : null;
      } else if (min !== null && open) {
        open.params = { ...open.params, min };
        open.text = `${open.text}，${part}`;
        open = null;
      } else if (min !== null) {
        rules.push(rule('count', { min }, part));
      }
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
  return found.sort((a, b) => a.at - b.at).map((f) => rule('docType', { kind: f.kind }, f.text));
}

/**
 * Suggested (unconfirmed) rules for a 材料要求 text, periods and counts first, then the kinds
 * of document it names in the order they appear; never throws. Shapes:
 * `periodic` {period: week|month|quarter|halfyear|year, min} ("每季度至少召开一次" → quarter, 1;
 * "每月定期召开" → month, 1), with `every` for a gap of several periods ("每2个月更换一次" →
 * {period: 'month', every: 2, min: 1}: at least once in every two months); `count` {min} for a
 * count without a period ("至少组织两次以上" → 2); `docType` {kind} (方案, 计划, 总结, 照片, 制度,
 * 会议记录, 台账, 通知, 简报, 责任书, 问卷, 宣传资料, 整改), one per kind.
 */
export function suggestRules(requirement: string): Rule[] {
  try {
    const text = cleanCell(requirement);
    if (!text) return [];
    return [...periodRules(text), ...docRules(text)];
  } catch {
    // A suggestion is a convenience; odd text must never stop an import.
    return [];
  }
}
