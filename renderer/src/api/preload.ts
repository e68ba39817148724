import { PRELOAD_GLOBAL, type PreloadApi } from '../../../shared/ipc/preload-api';

/**
 * The API Electron's preload exposes as `window.taizhang`, or undefined when the page runs
 * in an ordinary browser over the HTTP bridge. Read once: the preload runs before any page
 * script, so it cannot appear later.
 */
export const preload: PreloadApi | undefined = (window as unknown as Record<string, PreloadApi | undefined>)[
  PRELOAD_GLOBAL
];
