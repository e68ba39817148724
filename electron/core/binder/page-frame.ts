import type { NumberPosition } from './types';

/*
 * Where things may go on a bound page. Every item page keeps its binding margin free and
 * has a band for its stamped number, so the number never lands on content.
 *
 * Worked out on the printed sheet first, then turned for landscape pages: a landscape page
 * is printed turned a quarter anticlockwise (its top toward the binding edge, as bound
 * landscape pages are read by turning the volume), so on the sheet
 *   content top → sheet left, content right → sheet top,
 *   content bottom → sheet right, content left → sheet bottom.
 * With duplex printing the back of a sheet has its binding edge on the right and its
 * outer edge on the left, so margins and number corners mirror on even pages.
 */

export const MM = 72 / 25.4;
export const A4_PORTRAIT: Size = { width: 595.28, height: 841.89 };
export const A4_LANDSCAPE: Size = { width: 841.89, height: 595.28 };

export type Size = { width: number; height: number };
export type Rect = { x: number; y: number; width: number; height: number };
type Edge = 'top' | 'right' | 'bottom' | 'left';
/** Along an edge: 'start' = the low end of x (top/bottom edges) or y (left/right edges). */
type Along = 'start' | 'end' | 'center';

export type FrameOptions = { duplex: boolean; numberPosition: NumberPosition; bindingMarginMm: number };

/** The band (mm) along the number's edge that only the number uses. */
const NUMBER_BAND_MM = 12;
/** How far the number sits from the outer edge along its band (mm). */
const NUMBER_INSET_MM = 15;

export type PageFrame = {
  size: Size;
  /** Everything except the binding margin and the number band. */
  safe: Rect;
  binding: Edge;
  number: { edge: Edge; along: Along };
};

const LANDSCAPE_EDGE: Record<Edge, Edge> = { left: 'top', top: 'right', right: 'bottom', bottom: 'left' };

/** The frame of an item page with stamped number `pageNumber` (its parity picks front or back). */
export function frameFor(size: Size, pageNumber: number, options: FrameOptions): PageFrame {
  const back = options.duplex && pageNumber % 2 === 0;
  // On the sheet (portrait, as held when reading the volume).
  const sheetBinding: Edge = back ? 'right' : 'left';
  const sheetNumberEdge: Edge = options.numberPosition === 'outer-top' ? 'top' : 'bottom';
  const sheetOuter: 'left' | 'right' = back ? 'left' : 'right';
  const landscape = size.width > size.height;
  let binding: Edge;
  let number: { edge: Edge; along: Along };
  if (!landscape) {
    binding = sheetBinding;
    number = {
      edge: sheetNumberEdge,
      along: options.numberPosition === 'bottom-center' ? 'center' : sheetOuter === 'right' ? 'end' : 'start',
    };
  } else {
    binding = LANDSCAPE_EDGE[sheetBinding];
    // The sheet's right/left ends of a top/bottom band become the bottom/top ends of a right/left band.
    number = {
      edge: LANDSCAPE_EDGE[sheetNumberEdge],
      along: options.numberPosition === 'bottom-center' ? 'center' : sheetOuter === 'right' ? 'start' : 'end',
    };
  }
  const margin = options.bindingMarginMm * MM;
  const band = NUMBER_BAND_MM * MM;
  const cut = { top: 0, right: 0, bottom: 0, left: 0 };
  cut[binding] += margin;
  cut[number.edge] += band;
  return {
    size,
    safe: {
      x: cut.left,
      y: cut.bottom,
      width: size.width - cut.left - cut.right,
      height: size.height - cut.top - cut.bottom,
    },
    binding,
    number,
  };
}

/** The safe area less a further margin on every side (for pages the binder lays out itself). */
export function inset(rect: Rect, by: number): Rect {
  return { x: rect.x + by, y: rect.y + by, width: rect.width - 2 * by, height: rect.height - 2 * by };
}

/** Baseline origin for the stamped number, `textWidth` wide at `fontSize`. */
export function numberOrigin(frame: PageFrame, textWidth: number, fontSize: number): { x: number; y: number } {
  const { width: W, height: H } = frame.size;
  const band = NUMBER_BAND_MM * MM;
  const inset = NUMBER_INSET_MM * MM;
  const { edge, along } = frame.number;
  // Cap height of digits ≈ 0.7 em: centre the digits in the band.
  const lift = fontSize * 0.35;
  if (edge === 'top' || edge === 'bottom') {
    const y = edge === 'top' ? H - band / 2 - lift : band / 2 - lift;
    const x =
      along === 'start'
        ? inset
        : along === 'end'
          ? W - inset - textWidth
          : frame.safe.x + (frame.safe.width - textWidth) / 2;
    return { x, y };
  }
  const x = edge === 'left' ? (band - textWidth) / 2 : W - band + (band - textWidth) / 2;
  const y =
    along === 'start' ? inset : along === 'end' ? H - inset - fontSize : frame.safe.y + frame.safe.height / 2 - lift;
  return { x, y };
}

/** The largest size of `content` that fits in `box` at no more than `maxScale`, centred. */
export function fit(content: Size, box: Rect, maxScale = Number.POSITIVE_INFINITY): Rect & { scale: number } {
  const scale = Math.min(box.width / content.width, box.height / content.height, maxScale);
  const width = content.width * scale;
  const height = content.height * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height, scale };
}

/**
 * Where an unrotated user-space point of a page `w`×`h` appears when the page is shown
 * turned `r` degrees clockwise (its /Rotate), and back.
 */
export function toDisplay(r: number, w: number, h: number, x: number, y: number): [number, number] {
  if (r === 90) return [y, w - x];
  if (r === 180) return [w - x, h - y];
  if (r === 270) return [h - y, x];
  return [x, y];
}

export function fromDisplay(r: number, w: number, h: number, dx: number, dy: number): [number, number] {
  if (r === 90) return [w - dy, dx];
  if (r === 180) return [w - dx, h - dy];
  if (r === 270) return [dy, h - dx];
  return [dx, dy];
}
