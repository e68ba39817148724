import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  InfoCircleOutlined,
} from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { GapFinding, GapIndicatorResult, GapSatisfied } from '../../../shared/gaps/model';
import type { Material } from '../../../shared/materials/api-types';
import { GapItems } from './GapItems';

const SEVERITY = {
  missing: { icon: <CloseCircleOutlined />, className: 'tz-finding-missing', label: '缺' },
  problem: { icon: <ExclamationCircleOutlined />, className: 'tz-finding-problem', label: '需改' },
  note: { icon: <InfoCircleOutlined />, className: 'tz-finding-note', label: '提示' },
} as const;

/**
 * Only lines with items get a popover: "现有1件" shows which one, while 没有任何材料 or
 * 未指定收集人 have nothing to show and a popover saying so would only get in the way.
 */
const hasItems = (f: GapFinding) => f.itemIds.length > 0;

/** A met rule, once: a weekly rule is met in fifty periods, which would be fifty lines saying the same. */
type MetRule = { rule: string; text: string; periods: number; itemIds: number[] };

/** What one of a rule's periods is called: 4 期 of a quarterly rule, 7 次 festivals, 3 项活动. */
const PERIOD_UNIT: Record<string, string> = { periodic: '期', event: '次', package: '项活动' };

function metRules(satisfied: GapSatisfied[]): MetRule[] {
  const byRule = new Map<string, { rule: string; text: string; periods: string[]; itemIds: Set<number> }>();
  for (const s of satisfied) {
    const key = `${s.rule}\u0000${s.text}`;
    const group = byRule.get(key) ?? { rule: s.rule, text: s.text, periods: [], itemIds: new Set<number>() };
    group.periods.push(s.period);
    for (const id of s.itemIds) group.itemIds.add(id);
    byRule.set(key, group);
  }
  return [...byRule.values()].map((g) => ({
    rule: g.rule,
    text: g.periods.length === 1 && g.periods[0] ? `${g.periods[0]}：${g.text}` : g.text,
    periods: g.periods.length,
    itemIds: [...g.itemIds],
  }));
}

type Props = {
  result: GapIndicatorResult;
  known?: ReadonlyMap<number, Material>;
  /** Also list the rules that are met (the editor's preview); the dashboard shows only what is wrong. */
  showSatisfied?: boolean;
  /** Lines shown before 展开全部 (a weekly rule can miss dozens of weeks). */
  limit?: number;
};

/** What the checker found on one indicator, each line with its items on hover. */
export function GapFindings({ result, known, showSatisfied = false, limit = 8 }: Props) {
  const [all, setAll] = useState(false);
  const met = showSatisfied ? metRules(result.satisfied) : [];
  const findings = all ? result.findings : result.findings.slice(0, limit);
  const hidden = result.findings.length - findings.length;
  if (result.findings.length === 0 && met.length === 0) return null;
  return (
    <ul className="tz-findings">
      {findings.map((f, i) => {
        const s = SEVERITY[f.severity];
        const line = (
          <li key={`f${i}`} className={`tz-finding ${s.className}`}>
            <span className="tz-finding-icon" aria-label={s.label}>
              {s.icon}
            </span>
            <span className="tz-finding-text">{f.message}</span>
          </li>
        );
        return hasItems(f) ? (
          <GapItems key={`f${i}`} itemIds={f.itemIds} known={known} title={`计入的材料（${f.itemIds.length} 件）`}>
            {line}
          </GapItems>
        ) : (
          line
        );
      })}
      {hidden > 0 && (
        <li className="tz-finding-more">
          <Button
            type="link"
            size="small"
            onClick={(e) => {
              // In the dashboard the line sits in a clickable row: opening the list is not a jump.
              e.stopPropagation();
              setAll(true);
            }}
          >
            还有 {hidden} 条，展开全部
          </Button>
        </li>
      )}
      {met.map((m, i) => (
        <GapItems key={`s${i}`} itemIds={m.itemIds} known={known} title={`计入的材料（${m.itemIds.length} 件）`}>
          <li className="tz-finding tz-finding-ok">
            <span className="tz-finding-icon" aria-label="已满足">
              <CheckCircleOutlined />
            </span>
            <span className="tz-finding-text">
              {m.text}
              <span className="tz-finding-count">
                {m.periods > 1
                  ? `（${m.periods} ${PERIOD_UNIT[m.rule] ?? '项'}均已满足，共 ${m.itemIds.length} 件）`
                  : `（${m.itemIds.length} 件）`}
              </span>
            </span>
          </li>
        </GapItems>
      ))}
    </ul>
  );
}
