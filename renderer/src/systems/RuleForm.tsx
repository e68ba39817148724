import { Button, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { PERIODS, type GapPeriod } from '../../../shared/gaps/model';
import { DOC_TYPES } from '../../../shared/materials/doc-types';
import type { Rule } from '../../../shared/systems/model';
import { api } from '../api';
import { isRuleType, PERIOD_UNITS, RULE_TYPES, ruleLabel, type RuleType } from './rule-label';

/**
 * Names that stand for several events (shared/gaps/calendar.ts EVENT_GROUPS). Written out
 * here because that module computes lunar dates with a library the window has no use for;
 * gaps.eventNames lists the single events.
 */
const EVENT_GROUPS = [
  { value: '传统节日', label: '传统节日', desc: '春节、元宵、清明、端午、七夕、中秋、重阳' },
  { value: '健康主题日', label: '健康主题日', desc: '结核病日、卫生日、疟疾日、无烟日、禁毒日、艾滋病日' },
];

const KIND_OPTIONS = DOC_TYPES.map((k) => ({ value: k, label: k }));

/** Every field of every type, so switching type keeps what was typed for the others. */
type Draft = {
  type: RuleType;
  period: GapPeriod;
  every: number;
  min: number;
  kind: string | undefined;
  keyword: string;
  events: string[];
  withinDays: number;
  kinds: string[];
};

function draftOf(rule: Rule | null): Draft {
  const p = rule?.params ?? {};
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    type: rule && isRuleType(rule.type) ? rule.type : 'periodic',
    period: PERIODS.find((x) => x === p.period) ?? 'quarter',
    every: num(p.every, 1),
    min: num(p.min, 1),
    kind: typeof p.kind === 'string' && p.kind ? p.kind : undefined,
    keyword: typeof p.keyword === 'string' ? p.keyword : '',
    events: strings(p.events),
    withinDays: num(p.withinDays, 7),
    kinds: strings(p.kinds),
  };
}

/** The params the checker reads for the draft's type (shared/gaps/model.ts), nothing else. */
function paramsOf(d: Draft): Record<string, unknown> {
  const filters = { ...(d.kind ? { kind: d.kind } : {}), ...(d.keyword.trim() ? { keyword: d.keyword.trim() } : {}) };
  switch (d.type) {
    case 'periodic':
      return { period: d.period, ...(d.every > 1 ? { every: d.every } : {}), min: d.min, ...filters };
    case 'count':
      return { min: d.min, ...filters };
    case 'event':
      return { events: d.events, withinDays: d.withinDays, min: d.min, ...filters };
    case 'docType':
      return { kind: d.kind ?? '' };
    case 'package':
      return { kinds: d.kinds };
  }
}

/** What is still missing before the rule can be checked; null when it is complete. */
function problemOf(d: Draft): string | null {
  if (d.type === 'event' && d.events.length === 0) return '请选择节日或活动';
  if (d.type === 'docType' && !d.kind) return '请选择材料类型';
  if (d.type === 'package' && d.kinds.length === 0) return '请选择每项活动都应有的材料类型';
  return null;
}

type Props = {
  /** The rule being changed, or null for a new one. */
  rule: Rule | null;
  onDone: (rule: Rule) => void;
  onCancel: () => void;
};

/** Adds or changes one 检查规则: its type and the params that type takes. */
export function RuleForm({ rule, onDone, onCancel }: Props) {
  const [d, setD] = useState<Draft>(() => draftOf(rule));
  const [eventNames, setEventNames] = useState<string[]>([]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));

  // Asked each time the form opens: the office may have added its own events in 查漏补缺 meanwhile.
  useEffect(() => {
    void api.tryCall('gaps.eventNames', {}).then((r) => r.ok && setEventNames(r.value));
  }, []);

  const draftRule: Rule = { type: d.type, params: paramsOf(d), text: '', confirmed: true };
  const label = ruleLabel(draftRule);
  const problem = problemOf(d);

  const done = () => {
    if (problem) return;
    // Keep the words a suggestion was read from (材料要求); a label the editor wrote follows the change.
    const keepText = rule && rule.text && rule.text !== ruleLabel(rule);
    onDone({ ...draftRule, text: keepText ? rule.text : label });
  };

  const hasFilters = d.type === 'periodic' || d.type === 'count' || d.type === 'event';
  const minField = (
    <>
      <Space.Addon>至少</Space.Addon>
      <InputNumber
        min={1}
        max={10_000}
        precision={0}
        value={d.min}
        onChange={(v) => set('min', v ?? 1)}
        style={{ width: 60 }}
        aria-label="至少几件"
      />
      <Space.Addon>件</Space.Addon>
    </>
  );

  return (
    <div className="tz-rule-form" role="group" aria-label={rule ? '修改规则' : '添加规则'}>
      <Select<RuleType>
        value={d.type}
        onChange={(v) => set('type', v)}
        options={RULE_TYPES.map((t) => ({ value: t.value, label: t.label }))}
        aria-label="规则类型"
        style={{ width: '100%' }}
      />
      <div className="tz-rule-hint">{RULE_TYPES.find((t) => t.value === d.type)?.hint}</div>

      {d.type === 'periodic' && (
        <Space.Compact className="tz-rule-line">
          <Space.Addon>每</Space.Addon>
          <InputNumber
            min={1}
            max={12}
            precision={0}
            value={d.every}
            onChange={(v) => set('every', v ?? 1)}
            style={{ width: 52 }}
            aria-label="每几个周期"
          />
          <Select<GapPeriod>
            value={d.period}
            onChange={(v) => set('period', v)}
            options={PERIODS.map((p) => ({ value: p, label: PERIOD_UNITS[p] }))}
            style={{ width: 84 }}
            aria-label="周期"
          />
          {minField}
        </Space.Compact>
      )}
      {d.type === 'count' && (
        <Space.Compact className="tz-rule-line">
          <Space.Addon>测评期间</Space.Addon>
          {minField}
        </Space.Compact>
      )}
      {d.type === 'event' && (
        <>
          <Select
            mode="multiple"
            value={d.events}
            onChange={(v: string[]) => set('events', v)}
            options={[
              { label: '节日组', options: EVENT_GROUPS },
              { label: '节日、纪念日和本单位活动', options: eventNames.map((n) => ({ value: n, label: n })) },
            ]}
            placeholder="选择节日或活动（可多选）"
            aria-label="节日或活动"
            style={{ width: '100%' }}
            optionFilterProp="label"
            // A group's option says what it stands for; once chosen, its tag keeps the short name.
            optionRender={(o) => {
              const desc = (o.data as { desc?: string }).desc;
              return desc ? (
                <span>
                  {o.label}
                  <span className="tz-muted">（{desc}）</span>
                </span>
              ) : (
                o.label
              );
            }}
            notFoundContent="没有这个节日。本单位自己的活动请在“查漏补缺 → 自定义活动”中添加"
          />
          <Space.Compact className="tz-rule-line">
            <Space.Addon>前后</Space.Addon>
            <InputNumber
              min={0}
              max={60}
              precision={0}
              value={d.withinDays}
              onChange={(v) => set('withinDays', v ?? 0)}
              style={{ width: 56 }}
              aria-label="前后几天"
            />
            <Space.Addon>天内各</Space.Addon>
            {minField}
          </Space.Compact>
        </>
      )}
      {(hasFilters || d.type === 'docType') && (
        <Space.Compact className="tz-rule-line">
          <Space.Addon>{d.type === 'docType' ? '需要' : '类型'}</Space.Addon>
          <Select
            allowClear={d.type !== 'docType'}
            value={d.kind}
            onChange={(v?: string) => set('kind', v)}
            options={KIND_OPTIONS}
            placeholder={d.type === 'docType' ? '选择材料类型' : '不限'}
            aria-label="材料类型"
            style={{ flex: 1 }}
          />
        </Space.Compact>
      )}
      {hasFilters && (
        <Space.Compact className="tz-rule-line">
          <Space.Addon>题名含</Space.Addon>
          <Input
            value={d.keyword}
            onChange={(e) => set('keyword', e.target.value)}
            placeholder="不限（例如：学习）"
            aria-label="题名关键词"
            maxLength={50}
          />
        </Space.Compact>
      )}
      {d.type === 'package' && (
        <Select
          mode="multiple"
          value={d.kinds}
          onChange={(v: string[]) => set('kinds', v)}
          options={KIND_OPTIONS}
          placeholder="每项活动都应有的材料（可多选）"
          aria-label="每项活动都应有的材料"
          style={{ width: '100%' }}
        />
      )}
      {d.type === 'package' && (
        <div className="tz-rule-hint">同一项活动的材料，请在材料的“活动”一栏填写相同的名称。</div>
      )}

      <div className={problem ? 'tz-rule-preview tz-rule-preview-bad' : 'tz-rule-preview'}>
        {problem ?? `将检查：${label}`}
      </div>
      <div className="tz-rule-form-actions">
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
        <Button size="small" type="primary" disabled={!!problem} onClick={done}>
          {rule ? '确定' : '添加'}
        </Button>
      </div>
    </div>
  );
}
