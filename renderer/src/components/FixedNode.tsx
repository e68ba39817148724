import { useFileDrop } from '../hooks/use-file-drop';

type Props = {
  icon: React.ReactNode;
  label: string;
  count: number | undefined;
  active: boolean;
  onClick: () => void;
  /** What files dropped here become; without it (回收站) nothing may be dropped. */
  onDropFiles?: (files: File[]) => void;
};

/** 待归类 or 回收站, always under the tree. */
export function FixedNode({ icon, label, count, active, onClick, onDropFiles }: Props) {
  const drop = useFileDrop(
    () => (onDropFiles ? label : null),
    (files) => onDropFiles?.(files),
  );
  const className = ['tz-node', active ? 'tz-node-active' : '', drop.over ? 'tz-node-drop' : ''].filter(Boolean);
  return (
    <button type="button" className={className.join(' ')} onClick={onClick} {...drop.dropProps}>
      {icon}
      <span className="tz-node-label">{label}</span>
      {count !== undefined && <span className="tz-node-count">({count})</span>}
    </button>
  );
}
