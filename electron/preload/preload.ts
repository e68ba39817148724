import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { CoreEvent } from '../../shared/ipc/events';
import {
  IPC_CHANNELS,
  PRELOAD_GLOBAL,
  isMenuCommand,
  type MenuCommand,
  type PreloadApi,
} from '../../shared/ipc/preload-api';
import type { RpcResult } from '../../shared/ipc/result';

/*
 * The only bridge between the sandboxed page and the main process. It exposes functions,
 * never ipcRenderer itself or the IpcRendererEvent (whose `sender` would hand the page a raw
 * IPC handle), so the page can reach nothing but the one RPC channel and two event streams.
 */

function subscribe<T>(
  channel: string,
  accept: (payload: unknown) => payload is T,
  cb: (payload: T) => void,
): () => void {
  const listener = (_event: IpcRendererEvent, payload: unknown) => {
    if (accept(payload)) cb(payload);
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

// Events come only from our main process; a light shape check is enough to keep junk out.
const isCoreEvent = (payload: unknown): payload is CoreEvent =>
  typeof payload === 'object' && payload !== null && typeof (payload as { type?: unknown }).type === 'string';

const api: PreloadApi = {
  call: (method: string, input: unknown) =>
    ipcRenderer.invoke(IPC_CHANNELS.rpc, method, input) as Promise<RpcResult<unknown>>,
  onEvent: (cb: (e: CoreEvent) => void) => subscribe(IPC_CHANNELS.event, isCoreEvent, cb),
  onMenu: (cb: (command: MenuCommand) => void) => subscribe(IPC_CHANNELS.menu, isMenuCommand, cb),
  // contextBridge passes DOM File objects through intact, which is what webUtils needs.
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
