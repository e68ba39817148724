import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { IndicatorNode } from '../../../shared/systems/api-types';

type TreeOption = { value: number; title: string; children: TreeOption[] };

/** Choose an indicator (by code or title, typed or browsed) to link items to. */
export function LinkPicker({
  indicators,
  onPick,
  placeholder = '关联到指标…',
}: {
  indicators: IndicatorNode[];
  onPick: (id: number) => void;
  placeholder?: string;
}) {
  const tree = useMemo(() => {
    const byParent = new Map<number | null, IndicatorNode[]>();
    for (const n of indicators) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
    const build = (parent: number | null): TreeOption[] =>
      (byParent.get(parent) ?? [])
        .filter((n) => n.applicable)
        .map((n) => ({ value: n.id, title: `${n.code} ${n.title}`, children: build(n.id) }));
    return build(null);
  }, [indicators]);
  return (
    <TreeSelect<number>
      size="small"
      showSearch
      treeNodeFilterProp="title"
      value={undefined}
      treeData={tree}
      placeholder={placeholder}
      onChange={(id) => id && onPick(id)}
      style={{ width: '100%' }}
      popupMatchSelectWidth={360}
      aria-label="关联到指标"
    />
  );
}
