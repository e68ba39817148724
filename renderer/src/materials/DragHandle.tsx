import { HolderOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';

export const SORTED_HINT = '现在按列排序显示，不能调整顺序。请先点“取消排序”';

type Props = {
  /** Draggable only in the list's own order: in a sorted view a drop position means nothing. */
  disabled: boolean;
  /** While a row is being dragged no tooltip may open (the pointer sends no mouse events to close it). */
  dragging: boolean;
  dragProps: React.HTMLAttributes<HTMLElement> & { draggable: boolean };
};

/** The grip a row is dragged by, to put it elsewhere in the indicator's binding order. */
export function DragHandle({ disabled, dragging, dragProps }: Props) {
  const hint = disabled ? SORTED_HINT : '拖动调整顺序（装订时按此顺序）';
  return (
    <Tooltip title={dragging ? null : hint} mouseEnterDelay={0.4} placement="right">
      <span
        className={disabled ? 'tz-drag-handle tz-drag-handle-off' : 'tz-drag-handle'}
        aria-label="拖动调整顺序"
        aria-disabled={disabled}
        // A grip taken and let go without moving must not also open the row.
        onClick={(e) => e.stopPropagation()}
        {...(disabled ? {} : dragProps)}
      >
        <HolderOutlined />
      </span>
    </Tooltip>
  );
}
