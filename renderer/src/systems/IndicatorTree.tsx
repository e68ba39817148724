import { Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { IndicatorNode } from '../../../shared/systems/api-types';

type Props = {
  indicators: IndicatorNode[];
  selectedId: number | null;
  onSelect: (node: IndicatorNode) => void;
};

function toTreeData(indicators: IndicatorNode[]): DataNode[] {
  const byParent = new Map<number | null, IndicatorNode[]>();
  for (const n of indicators) {
    const list = byParent.get(n.parentId) ?? [];
    list.push(n);
    byParent.set(n.parentId, list);
  }
  const build = (parent: number | null): DataNode[] =>
    (byParent.get(parent) ?? []).map((n) => {
      const children = build(n.id);
      return {
        key: n.id,
        isLeaf: children.length === 0,
        children,
        title: (
          <span className={n.applicable ? 'tz-ind' : 'tz-ind tz-ind-off'} title={`${n.code} ${n.title}`}>
            <span className="tz-ind-code">{n.code}</span>
            <span className="tz-ind-title">{n.title}</span>
            {!n.applicable && (
              <Tag className="tz-ind-tag" bordered={false}>
                不适用
              </Tag>
            )}
          </span>
        ),
      };
    });
  return build(null);
}

/** Keeps the tree's pixel height in step with its pane, which virtual scrolling needs. */
function useHeight<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(400);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(Math.max(100, el.clientHeight)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height];
}

/** The indicator tree: virtualised (systems have up to thousands of indicators), keyboard navigable. */
export function IndicatorTree({ indicators, selectedId, onSelect }: Props) {
  const treeData = useMemo(() => toTreeData(indicators), [indicators]);
  const byId = useMemo(() => new Map(indicators.map((n) => [n.id, n])), [indicators]);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  // Arrow keys move this highlight; Enter or Space then opens the indicator. It starts from
  // the node last clicked, so the keyboard continues where the mouse left off.
  const [active, setActive] = useState<React.Key | null>(null);
  const [ref, height] = useHeight<HTMLDivElement>();
  const tree = useRef<React.ComponentRef<typeof Tree>>(null);

  // A new system opens with its top level expanded, so the user sees its second level at once.
  const systemKey = indicators[0]?.systemId;
  useEffect(() => {
    setExpanded(indicators.filter((n) => n.level === 1).map((n) => n.id));
  }, [systemKey]);

  // An indicator chosen elsewhere (search, a link in a report) must be visible: open its
  // ancestors and scroll it into view.
  useEffect(() => {
    if (selectedId === null) return;
    const ancestors: number[] = [];
    for (let p = byId.get(selectedId)?.parentId ?? null; p !== null; p = byId.get(p)?.parentId ?? null)
      ancestors.push(p);
    setExpanded((keys) => {
      const missing = ancestors.filter((a) => !keys.includes(a));
      return missing.length ? [...keys, ...missing] : keys;
    });
    const frame = requestAnimationFrame(() => tree.current?.scrollTo({ key: selectedId, align: 'auto' }));
    return () => cancelAnimationFrame(frame);
  }, [selectedId, byId]);

  return (
    <div className="tz-tree" ref={ref}>
      <Tree
        ref={tree}
        blockNode
        virtual
        height={height}
        treeData={treeData}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        activeKey={active}
        onActiveChange={setActive}
        onSelect={(_keys, info) => {
          const node = byId.get(Number(info.node.key));
          setActive(info.node.key);
          if (node) onSelect(node);
        }}
        aria-label="指标树"
      />
    </div>
  );
}
