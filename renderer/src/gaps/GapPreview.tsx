import { Spin } from 'antd';
import type { GapIndicatorResult } from '../../../shared/gaps/model';
import type { Material } from '../../../shared/materials/api-types';
import { GapFindings } from './GapFindings';
import { countsText, GapTag } from './GapMark';

type Props = {
  gap: GapIndicatorResult | undefined;
  isLeaf: boolean;
  checking: boolean;
  /** Fields the check reads have unsaved changes: the result shown is of the saved ones. */
  pending: boolean;
  known: ReadonlyMap<number, Material>;
};

/**
 * The indicator's result under its rules, checked again after every save, so the user sees at
 * once what a rule asks for and which items meet it (hover a line for the items).
 */
export function GapPreview({ gap, isLeaf, checking, pending, known }: Props) {
  if (!gap) {
    return <div className="tz-gap-preview tz-muted">{checking ? <Spin size="small" /> : '还没有检查结果'}</div>;
  }
  const required = gap.counts.complete + gap.counts.partial + gap.counts.missing;
  // Notes (待补充, a period mostly outside the window) are shown but need no work.
  const unmet = gap.findings.filter((f) => f.severity !== 'note').length;
  return (
    <div className="tz-gap-preview" aria-label="检查结果" aria-busy={checking}>
      <div className="tz-gap-preview-head">
        <GapTag status={gap.status} />
        <span className="tz-muted">
          {isLeaf
            ? gap.status === 'none'
              ? '不适用，或测评方法不需要提供材料'
              : unmet
                ? `${gap.satisfied.length ? '部分规则已满足，' : ''}下面 ${unmet} 条需要处理`
                : '所有规则都已满足'
            : required
              ? `下级指标 ${countsText(gap.counts)}，齐全 ${gap.percent}%`
              : '下级指标都不需要提供材料'}
        </span>
        {checking && <Spin size="small" />}
      </div>
      {pending && <div className="tz-gap-pending">改动还没保存：保存后按新的设置重新检查。</div>}
      <GapFindings result={gap} known={known} showSatisfied={isLeaf} limit={8} />
    </div>
  );
}
