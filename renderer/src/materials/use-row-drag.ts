import type { TableRef } from 'antd';
import { useRef, useState } from 'react';
import { elementUnder } from '../components/DragSurface';
import { useEdgeScroll } from '../hooks/use-edge-scroll';
import { leavesElement } from '../hooks/use-file-drop';

/** A drag must carry data (Firefox, which may open the bridge, starts none without); a type of our own, so nothing else takes it. */
const ROW_TYPE = 'application/x-taizhang-material';

/** Where a dropped row will go: just before or just after row `id`. */
export type DropMark = { id: number; after: boolean };

type Events = React.DragEvent<HTMLElement>;

/** Before or after the row under the pointer, by which half of it the pointer is in. */
function markAt(e: Events): DropMark | null {
  const row = elementUnder(e, '.tz-material-list .ant-table-row');
  if (!row) return null;
  const rect = row.getBoundingClientRect();
  return { id: Number(row.dataset.rowKey), after: e.clientY > rect.top + rect.height / 2 };
}

/**
 * Dragging rows of the virtual list by their handle. The list (with a DragSurface over it while
 * a row is dragged) takes the dragover and the drop; near its edge it scrolls.
 */
export function useRowDrag(
  table: React.RefObject<TableRef | null>,
  onMove: (id: number, target: number, after: boolean) => void,
) {
  // The ref decides (events arrive before a re-render); the state only paints.
  const dragged = useRef<number | null>(null);
  const [draggedId, setDraggedId] = useState<number | null>(null);
  const [mark, setMark] = useState<DropMark | null>(null);
  const edge = useEdgeScroll();

  const end = () => {
    edge.stop();
    dragged.current = null;
    setDraggedId(null);
    setMark(null);
  };

  const handleProps = (id: number) => ({
    draggable: true,
    onDragStart: (e: Events) => {
      e.stopPropagation();
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData(ROW_TYPE, String(id));
      // The picture under the pointer is the whole row, not the little handle it was taken by.
      const row = e.currentTarget.closest('.ant-table-row');
      if (row) e.dataTransfer.setDragImage(row, 16, row.clientHeight / 2);
      // The grip may scroll out of the virtual list before the drag ends; its dragend then
      // reaches a listener on the element itself, never React's on the page.
      e.currentTarget.addEventListener('dragend', end, { once: true });
      dragged.current = id;
      // Chromium cancels a drag whose source changes during dragstart: repaint after it.
      setTimeout(() => setDraggedId(dragged.current));
    },
  });

  const listProps = {
    onDragOver: (e: Events) => {
      if (dragged.current === null) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const next = markAt(e);
      setMark((m) => (m?.id === next?.id && m?.after === next?.after ? m : next));
      const holder = e.currentTarget.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder');
      edge.track(e, holder, (top) => table.current?.scrollTo({ top }));
    },
    onDragLeave: (e: Events) => {
      if (!leavesElement(e)) return;
      edge.stop();
      setMark(null);
    },
    onDrop: (e: Events) => {
      const from = dragged.current;
      if (from === null) return;
      e.preventDefault();
      const to = markAt(e);
      end();
      if (to) onMove(from, to.id, to.after);
    },
  };

  return { draggedId, mark, handleProps, listProps };
}
