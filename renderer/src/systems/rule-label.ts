import type { Rule } from '../../../shared/systems/model';

const PERIODS: Record<string, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  halfyear: '每半年',
  year: '每年',
};

/** A rule in the words of 材料要求: "每季度至少1次", "至少2次", "需要：方案". */
export function ruleLabel(rule: Rule): string {
  const p = rule.params;
  const min = typeof p.min === 'number' ? p.min : 1;
  if (rule.type === 'periodic') {
    const every =
      typeof p.every === 'number' && p.every > 1 ? `每${p.every}个月` : (PERIODS[String(p.period)] ?? '每期');
    return `${every}至少${min}次`;
  }
  if (rule.type === 'count') return `至少${min}次`;
  if (rule.type === 'docType') return `需要：${String(p.kind ?? '')}`;
  return rule.text || rule.type;
}

export const PERIOD_OPTIONS = Object.entries(PERIODS).map(([value, label]) => ({ value, label }));

export const DOC_KINDS = [
  '方案',
  '计划',
  '总结',
  '照片',
  '制度',
  '会议记录',
  '台账',
  '通知',
  '简报',
  '责任书',
  '问卷',
  '宣传资料',
  '整改',
];
