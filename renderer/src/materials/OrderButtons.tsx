import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { SORTED_HINT } from './DragHandle';
import { shifted } from './order';

type Props = {
  /** The indicator's items in their own (binding) order. */
  ids: number[];
  /** The one item selected, if exactly one is. */
  openId: number | null;
  sorted: boolean;
  onArrange: (ids: number[]) => void;
  onClearSort: () => void;
};

/** 上移 / 下移: the keyboard's (and a steady hand's) way to do what dragging a row does. */
export function OrderButtons({ ids, openId, sorted, onArrange, onClearSort }: Props) {
  const button = (step: -1 | 1) => {
    const next = openId === null || sorted ? null : shifted(ids, openId, step);
    const label = step < 0 ? '上移' : '下移';
    const why = sorted
      ? SORTED_HINT
      : openId === null
        ? `先在列表中点选一件材料，再${label}`
        : next
          ? `把选中的材料${label}一位（装订时按此顺序）`
          : step < 0
            ? '已经是第一件'
            : '已经是最后一件';
    return (
      <Tooltip title={why}>
        <Button
          icon={step < 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
          // Not disabled while saving: the button would lose the keyboard focus between presses.
          disabled={!next}
          onClick={() => next && onArrange(next)}
        >
          {label}
        </Button>
      </Tooltip>
    );
  };
  return (
    <Space size={4} className="tz-order-buttons">
      {button(-1)}
      {button(1)}
      {sorted && (
        <Tooltip title="回到装订顺序（列表按表头排序时，上移、下移不可用）">
          <Button type="link" onClick={onClearSort}>
            取消排序
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
