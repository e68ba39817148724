import type { WindowState } from '../core/settings/app-settings';
export type Rect = {
    x: number;
    y: number;
    width: number;
    height: number;
};
export declare const MIN_WIDTH = 1024;
export declare const MIN_HEIGHT = 640;
export declare const DEFAULT_WIDTH = 1280;
export declare const DEFAULT_HEIGHT = 800;
export type InitialBounds = {
    x?: number;
    y?: number;
    width: number;
    height: number;
    maximized: boolean;
};
/**
 * Turns a saved window state into bounds for a new window. A monitor may have been
 * unplugged or its resolution changed since the state was saved, so a position is kept only
 * when the window's title bar would still be grabbable on some display; otherwise the
 * position is dropped and Electron centres the window on the primary display.
 */
export declare function restoreBounds(saved: WindowState | undefined, workAreas: readonly Rect[], primary?: Rect | undefined): InitialBounds;
