import type { CoreEvent } from './events';
import type { RpcResult } from './result';

/** Commands the native application menu sends to the UI (the UI owns the dialogs and flows). */
export const MENU_COMMANDS = ['project.new', 'project.open', 'project.close', 'project.restoreBackup'] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * The IPC channel names shared by Electron main and the preload script. Kept here, next to
 * the API they carry, so the two sides cannot drift apart.
 */
export const IPC_CHANNELS = {
  rpc: 'app:rpc',
  event: 'app:event',
  menu: 'app:menu',
} as const;

/** The global name under which the preload exposes {@link PreloadApi} (`window.taizhang`). */
export const PRELOAD_GLOBAL = 'taizhang';

/**
 * The minimal shape of a DOM `File`. shared/ is compiled without the DOM lib, so the real
 * `File` type is not available here; a browser `File` satisfies this structurally.
 */
export type FileLike = {
  readonly name: string;
  readonly size: number;
  readonly type: string;
};

/**
 * What the Electron preload exposes to the renderer through contextBridge. `call` and
 * `onEvent` match the `Transport` in ./client, so the renderer can use it directly.
 */
export type PreloadApi = {
  call(method: string, input: unknown): Promise<RpcResult<unknown>>;
  /** Returns an unsubscribe function. */
  onEvent(cb: (e: CoreEvent) => void): () => void;
  /** Returns an unsubscribe function. */
  onMenu(cb: (command: MenuCommand) => void): () => void;
  /**
   * The absolute path of a file dropped or picked in the page. Sandboxed renderers cannot
   * see `File.path`; Electron's `webUtils` reveals it only through the preload.
   */
  pathForFile(file: FileLike): string;
};
