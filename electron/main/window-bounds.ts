import type { WindowState } from '../core/settings/app-settings';

/*
 * Pure window-placement logic (no 'electron' import) so it can be unit-tested: main.ts
 * passes in the displays' work areas from `screen.getAllDisplays()`.
 */

export type Rect = { x: number; y: number; width: number; height: number };

export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 800;

/** How much of the window's top strip (where the title bar is) must be on a display to count as reachable. */
const MIN_VISIBLE_WIDTH = 120;
const TITLE_BAR_HEIGHT = 32;

export type InitialBounds = { x?: number; y?: number; width: number; height: number; maximized: boolean };

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * Turns a saved window state into bounds for a new window. A monitor may have been
 * unplugged or its resolution changed since the state was saved, so a position is kept only
 * when the window's title bar would still be grabbable on some display; otherwise the
 * position is dropped and Electron centres the window on the primary display.
 */
export function restoreBounds(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  primary: Rect | undefined = workAreas[0],
): InitialBounds {
  if (!saved) {
    // 1366×768 at 125 % leaves about 1093×582 (at 150 %, 911×485) of Windows' logical pixels:
    // the default does not fit there, so the first window fills the screen instead.
    const fitted = fitInside(DEFAULT_WIDTH, DEFAULT_HEIGHT, primary);
    return { ...fitted, maximized: fitted.width < DEFAULT_WIDTH || fitted.height < DEFAULT_HEIGHT };
  }
  // settings.json is user-editable: treat every field as untrusted.
  let width = isFiniteNumber(saved.width) ? Math.round(saved.width) : DEFAULT_WIDTH;
  let height = isFiniteNumber(saved.height) ? Math.round(saved.height) : DEFAULT_HEIGHT;
  width = Math.max(MIN_WIDTH, width);
  height = Math.max(MIN_HEIGHT, height);
  const maximized = saved.maximized === true;

  // Without a usable position Electron centres the window on the primary display, so it
  // must fit there.
  const centred = (): InitialBounds => ({ ...fitInside(width, height, primary), maximized });
  if (!isFiniteNumber(saved.x) || !isFiniteNumber(saved.y)) return centred();
  const x = Math.round(saved.x);
  const y = Math.round(saved.y);
  const titleBar: Rect = { x, y, width, height: TITLE_BAR_HEIGHT };
  const host = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o !== null && o.width >= MIN_VISIBLE_WIDTH && o.height >= TITLE_BAR_HEIGHT / 2;
  });
  if (!host) return centred();
  return { x, y, ...fitInside(width, height, host), maximized };
}

/**
 * Never larger than the display (a size saved on a 4K monitor, reopened on a laptop), even
 * when that is below the minimum: a window whose bottom is under the taskbar hides the jobs
 * bar and the buttons of tall dialogs.
 */
function fitInside(width: number, height: number, area: Rect | undefined): { width: number; height: number } {
  if (!area) return { width, height };
  return { width: Math.min(width, area.width), height: Math.min(height, area.height) };
}

/**
 * The window's minimum size: MIN_WIDTH×MIN_HEIGHT, lowered to the smallest display's work
 * area. Work areas are in logical pixels, so at 150 % scaling a 1366×768 screen offers
 * only about 911×485 and a fixed minimum would push the window off the screen.
 */
export function minimumSize(workAreas: readonly Rect[]): { width: number; height: number } {
  const widths = workAreas.map((a) => a.width).filter((w) => w > 0);
  const heights = workAreas.map((a) => a.height).filter((h) => h > 0);
  return { width: Math.min(MIN_WIDTH, ...widths), height: Math.min(MIN_HEIGHT, ...heights) };
}
