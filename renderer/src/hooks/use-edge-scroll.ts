import { useEffect, useRef } from 'react';

/** How near a list's top or bottom edge (px) a drag scrolls it; the nearer, the faster, up to STEP px a tick. */
const EDGE = 40;
const STEP = 24;
const TICK_MS = 30;

/**
 * Scrolls a virtual list while something is dragged near its top or bottom edge. Virtual lists
 * hide their native scrolling, so the browser's own drag scrolling does not happen, and the mouse
 * wheel does nothing during a drag: without this, a far place in a long list cannot be reached.
 * A timer keeps scrolling while the pointer rests at the edge, since a resting pointer is not
 * reported often (or at all) by dragover.
 */
export function useEdgeScroll(): {
  /** Call on every dragover over the list: starts, speeds, slows or stops the scrolling. */
  track: (e: React.DragEvent, holder: HTMLElement | null, scrollTo: (top: number) => void) => void;
  /** Call when the drag leaves the list, drops or ends. */
  stop: () => void;
} {
  const timer = useRef<number | null>(null);
  const speed = useRef(0);

  const stop = () => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const track = (e: React.DragEvent, holder: HTMLElement | null, scrollTo: (top: number) => void) => {
    if (!holder) return;
    const { top, bottom } = holder.getBoundingClientRect();
    const depth =
      e.clientY < top + EDGE ? e.clientY - (top + EDGE) : e.clientY > bottom - EDGE ? e.clientY - (bottom - EDGE) : 0;
    speed.current = Math.round((Math.max(-EDGE, Math.min(EDGE, depth)) / EDGE) * STEP);
    if (speed.current === 0) return stop();
    timer.current ??= window.setInterval(() => scrollTo(Math.max(0, holder.scrollTop + speed.current)), TICK_MS);
  };

  return { track, stop };
}
