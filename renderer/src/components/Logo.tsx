import { ReconciliationFilled } from '@ant-design/icons';

/** The product mark: a ledger glyph on a tile, then the name. */
export function Logo({ size = 'small' }: { size?: 'small' | 'large' }) {
  return (
    <span className={`tz-logo tz-logo-${size}`}>
      <span className="tz-logo-mark" aria-hidden>
        <ReconciliationFilled />
      </span>
      <span className="tz-logo-text">台账通</span>
    </span>
  );
}
