import { Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { GapIndicatorResult } from '../../../shared/gaps/model';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { DragSurface, elementUnder } from '../components/DragSurface';
import { GapMark } from '../gaps/GapMark';
import { useEdgeScroll } from '../hooks/use-edge-scroll';
import { leavesElement, useFileDrop } from '../hooks/use-file-drop';

type Props = {
  indicators: IndicatorNode[];
  /** 查漏补缺 results by indicator id; empty until the first check answers. */
  gaps: ReadonlyMap<number, GapIndicatorResult>;
  selectedId: number | null;
  onSelect: (node: IndicatorNode) => void;
  /** Files from Explorer dropped on an indicator: add them, linked to it. */
  onDropFiles: (files: File[], indicatorId: number) => void;
};

/** How long files must hover over a closed branch before it opens, as in Explorer. */
const OPEN_ON_HOVER_MS = 800;

/** The indicator files are being dragged over; titles read it, so the tree data need not be rebuilt. */
const DropTarget = createContext<number | null>(null);

/**
 * The check results, read by the titles the same way: a re-check then re-renders only the
 * few titles the virtual list has on screen, not the tree data of thousands of nodes.
 */
const GapResults = createContext<ReadonlyMap<number, GapIndicatorResult>>(new Map());

function IndicatorTitle({ node, leaf }: { node: IndicatorNode; leaf: boolean }) {
  const dropping = useContext(DropTarget) === node.id;
  const gap = useContext(GapResults).get(node.id);
  const className = ['tz-ind', node.applicable ? '' : 'tz-ind-off', dropping ? 'tz-ind-drop' : ''].filter(Boolean);
  return (
    <span className={className.join(' ')} title={`${node.code} ${node.title}`} data-indicator-id={node.id}>
      <span className="tz-ind-code">{node.code}</span>
      <span className="tz-ind-title">{node.title}</span>
      {!node.applicable ? (
        // 不适用 says it all; 无要求 beside it would say it twice.
        <Tag className="tz-ind-tag" bordered={false}>
          不适用
        </Tag>
      ) : (
        gap && <GapMark result={gap} leaf={leaf} />
      )}
    </span>
  );
}

/** The indicator of the tree row under the pointer, anywhere in the row (indent, switcher, title). */
function indicatorAt(e: React.DragEvent<HTMLElement>): number | null {
  const row = elementUnder(e, '.tz-tree .ant-tree-treenode');
  const id = row?.querySelector<HTMLElement>('[data-indicator-id]')?.dataset.indicatorId;
  return id ? Number(id) : null;
}

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
        title: <IndicatorTitle node={n} leaf={children.length === 0} />,
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
export function IndicatorTree({ indicators, gaps, selectedId, onSelect, onDropFiles }: Props) {
  const treeData = useMemo(() => toTreeData(indicators), [indicators]);
  const byId = useMemo(() => new Map(indicators.map((n) => [n.id, n])), [indicators]);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  // Arrow keys move this highlight; Enter or Space then opens the indicator. It starts from
  // the node last clicked, so the keyboard continues where the mouse left off.
  const [active, setActive] = useState<React.Key | null>(null);
  const [ref, height] = useHeight<HTMLDivElement>();
  const tree = useRef<React.ComponentRef<typeof Tree>>(null);
  const drop = useFileDrop(indicatorAt, onDropFiles);
  const edge = useEdgeScroll();

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

  // Files held over a closed branch open it, so a lower indicator can be reached in the same drag.
  useEffect(() => {
    const over = drop.over;
    if (over === null || !indicators.some((n) => n.parentId === over)) return;
    const timer = setTimeout(
      () => setExpanded((keys) => (keys.includes(over) ? keys : [...keys, over])),
      OPEN_ON_HOVER_MS,
    );
    return () => clearTimeout(timer);
  }, [drop.over, indicators]);

  return (
    <div
      className="tz-tree"
      ref={ref}
      onDragOver={(e) => {
        drop.dropProps.onDragOver(e);
        if (!e.dataTransfer.types.includes('Files')) return;
        edge.track(e, e.currentTarget.querySelector('.ant-tree-list-holder'), (top) => tree.current?.scrollTo(top));
      }}
      onDragLeave={(e) => {
        drop.dropProps.onDragLeave(e);
        if (leavesElement(e)) edge.stop();
      }}
      onDrop={(e) => {
        edge.stop();
        drop.dropProps.onDrop(e);
      }}
    >
      <GapResults value={gaps}>
        <DropTarget value={drop.over}>
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
        </DropTarget>
      </GapResults>
      {drop.over !== null && <DragSurface />}
    </div>
  );
}
