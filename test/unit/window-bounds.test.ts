import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  MIN_HEIGHT,
  MIN_WIDTH,
  minimumSize,
  restoreBounds,
} from '../../electron/main/window-bounds';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const second = { x: 1366, y: 0, width: 1920, height: 1040 };
/** 1366×768 at 150 % scaling, in Windows' logical pixels (what Electron's work areas are in). */
const laptopAt150 = { x: 0, y: 0, width: 911, height: 485 };

describe('remembered window placement', () => {
  it('uses the default size the first time where it fits', () => {
    expect(restoreBounds(undefined, [second])).toEqual({
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
      maximized: false,
    });
  });

  it('starts maximized the first time on a screen the default does not fit (a laptop, or 125–150 % scaling)', () => {
    expect(restoreBounds(undefined, [laptop])).toEqual({ width: DEFAULT_WIDTH, height: 728, maximized: true });
    expect(restoreBounds(undefined, [laptopAt150])).toEqual({ width: 911, height: 485, maximized: true });
  });

  it('never makes the window larger than the screen, even below the minimum size', () => {
    const saved = { x: 0, y: 0, width: 1280, height: 800, maximized: false };
    expect(restoreBounds(saved, [laptopAt150])).toEqual({ x: 0, y: 0, width: 911, height: 485, maximized: false });
    expect(minimumSize([laptopAt150, second])).toEqual({ width: 911, height: 485 });
    expect(minimumSize([second])).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT });
    expect(minimumSize([])).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });

  it('puts the window back where it was on a display that still exists', () => {
    const saved = { x: 1500, y: 100, width: 1400, height: 900, maximized: true };
    expect(restoreBounds(saved, [laptop, second])).toEqual(saved);
  });

  it('centres it on the primary display, shrunk to fit, when its monitor was unplugged', () => {
    const saved = { x: 1500, y: 100, width: 1900, height: 1000, maximized: false };
    expect(restoreBounds(saved, [laptop])).toEqual({ width: 1366, height: 728, maximized: false });
  });

  it('treats a hand-edited settings file as untrusted', () => {
    const saved = {
      x: Number.NaN,
      y: 5,
      width: 10,
      height: Number.POSITIVE_INFINITY,
      maximized: 'yes' as unknown as boolean,
    };
    const r = restoreBounds(saved, [second], second);
    expect(r).toEqual({ width: MIN_WIDTH, height: DEFAULT_HEIGHT, maximized: false });
  });
});
