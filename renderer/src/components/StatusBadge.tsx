import { GAP_STATUS, type GapStatus } from '../theme';

/** A 查漏补缺 result: always the symbol and the word as well as the colour (UI.md). */
export function StatusBadge({ status, detail }: { status: GapStatus; detail?: string }) {
  const s = GAP_STATUS[status];
  return (
    <span className="tz-status" style={{ color: s.color }}>
      <span aria-hidden>{s.symbol}</span>
      <span>{s.label}</span>
      {detail && <span className="tz-status-detail">{detail}</span>}
    </span>
  );
}
