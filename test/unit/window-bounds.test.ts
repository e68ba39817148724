import { describe, expect, it } from 'vitest';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_WIDTH, restoreBounds } from '../../electron/main/window-bounds';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const second = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('remembered window placement', () => {
  it('uses the default size the first time', () => {
    expect(restoreBounds(undefined, [laptop])).toEqual({
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
      maximized: false,
    });
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
