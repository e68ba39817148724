/**
 * A still layer over a virtual list while something is dragged over it. Scrolling a virtual list
 * replaces its rows, and the browser delivers the drop to the element the last dragover hit: if
 * that row has since been replaced, the drop goes to a detached element and is lost. Over this
 * layer every dragover and the drop hit one element that stays; what lies under the pointer is
 * found with `elementUnder`.
 */
export function DragSurface() {
  return <div className="tz-drag-surface" />;
}

/** The element matching `selector` under the pointer, looking through a DragSurface. */
export function elementUnder(e: React.DragEvent, selector: string): HTMLElement | null {
  for (const el of document.elementsFromPoint(e.clientX, e.clientY)) {
    const match = el.closest<HTMLElement>(selector);
    if (match) return match;
  }
  return null;
}
