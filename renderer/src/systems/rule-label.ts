import { PERIOD_LABELS, PERIODS, type GapPeriod } from '../../../shared/gaps/model';
import type { Rule } from '../../../shared/systems/model';

/** The rule types of the gap checker (shared/gaps/model.ts), in the words the editor uses. */
export const RULE_TYPES = [
  { value: 'periodic', label: '按周期', hint: '例：每季度至少召开一次会议' },
  { value: 'count', label: '数量', hint: '例：全年至少组织两次集中学习' },
  { value: 'event', label: '按节日/活动', hint: '例：每个传统节日期间至少开展一次活动' },
  { value: 'docType', label: '材料类型', hint: '例：要有工作方案（几条合起来就是“方案+总结+照片”）' },
  { value: 'package', label: '活动材料齐全', hint: '例：每项活动都有方案、照片和总结' },
] as const;
export type RuleType = (typeof RULE_TYPES)[number]['value'];

export const isRuleType = (t: string): t is RuleType => RULE_TYPES.some((r) => r.value === t);

/** "每 2 个月": the unit after a count of periods. */
export const PERIOD_UNITS: Record<GapPeriod, string> = {
  week: '周',
  month: '个月',
  quarter: '个季度',
  halfyear: '个半年',
  year: '年',
};

export const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }));

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const int = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** "至少2件会议记录（题名含“学习”）". */
function itemsText(p: Record<string, unknown>): string {
  const kind = str(p.kind);
  const keyword = str(p.keyword);
  return `至少${int(p.min, 1)}件${kind}${keyword ? `（题名含“${keyword}”）` : ''}`;
}

/** A rule in the words of 材料要求: "每季度至少1件会议记录", "春节、中秋节前后7天内各至少1件", "需要：方案". */
export function ruleLabel(rule: Rule): string {
  const p = rule.params;
  switch (rule.type) {
    case 'periodic': {
      const period = PERIODS.find((x) => x === p.period);
      const every = int(p.every, 1);
      const each = !period ? '每期' : every > 1 ? `每${every}${PERIOD_UNITS[period]}` : PERIOD_LABELS[period];
      return `${each}${itemsText(p)}`;
    }
    case 'count':
      return `测评期间${itemsText(p)}`;
    case 'event': {
      const events = list(p.events);
      const days = int(p.withinDays, 0);
      const when = days > 0 ? `前后${days}天内` : '当天';
      return `${events.join('、') || '（未选节日）'}${when}各${itemsText(p)}`;
    }
    case 'docType':
      return `需要：${str(p.kind)}`;
    case 'package':
      return `每项活动都有：${list(p.kinds).join('、')}`;
    default:
      return rule.text || rule.type;
  }
}
