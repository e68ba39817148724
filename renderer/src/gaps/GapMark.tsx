import { GAP_STATUSES, type GapIndicatorResult, type GapStatus } from '../../../shared/gaps/model';
import { GAP_STATUS } from '../theme';

/** "齐全 3 · 部分 1 · 缺失 2": the leaves under a branch, for its tooltip and the dashboard. */
export function countsText(counts: Record<GapStatus, number>): string {
  return GAP_STATUSES.filter((s) => counts[s] > 0)
    .map((s) => `${GAP_STATUS[s].label} ${counts[s]}`)
    .join(' · ');
}

/** A status as a small tag: symbol and word on a tint of its colour (never colour alone). */
export function GapTag({ status, title }: { status: GapStatus; title?: string }) {
  const s = GAP_STATUS[status];
  return (
    <span className={`tz-gap-tag tz-gap-${status}`} title={title}>
      <span aria-hidden>{s.symbol}</span>
      {s.label}
    </span>
  );
}

/**
 * The badge a tree node carries: a leaf its status, a branch the share of its leaves that are
 * 齐全 ("68%"), with the symbol of its rolled-up status; 无要求 is muted either way.
 */
export function GapMark({ result, leaf }: { result: GapIndicatorResult; leaf: boolean }) {
  if (leaf) {
    const why = result.findings.find((f) => f.severity !== 'note')?.message;
    return <GapTag status={result.status} title={why ? `${GAP_STATUS[result.status].label}：${why}` : undefined} />;
  }
  if (result.status === 'none') return <GapTag status="none" title="下级指标都不需要提供材料" />;
  const s = GAP_STATUS[result.status];
  return (
    <span
      className={`tz-gap-pct tz-gap-${result.status}`}
      title={`齐全 ${result.percent}%：${countsText(result.counts)}`}
      aria-label={`${s.label}，齐全 ${result.percent}%`}
    >
      <span aria-hidden>{s.symbol}</span>
      {result.percent}%
    </span>
  );
}
