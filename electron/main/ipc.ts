import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/create-core';
import { IPC_CHANNELS } from '../../shared/ipc/preload-api';
import type { RpcResult } from '../../shared/ipc/result';
import { isAppUrl } from './app-protocol';

/*
 * The Electron transport: one invoke channel into the core's dispatcher and one push
 * channel out of its event bus. Validation, error mapping and logging all live in the
 * dispatcher, identical for every transport; this file only checks who is calling.
 */

const REJECTED: RpcResult<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: '拒绝来自未知页面的请求' },
};

/**
 * Only our own UI may call the core. `senderFrame` is null when the frame has navigated
 * away or been destroyed; such a call is refused, as is one from any other origin.
 */
function fromOurUi(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

/** Wires the core to IPC; returns a function that undoes it (used at shutdown). */
export function connectCoreToIpc(core: Core): () => void {
  ipcMain.handle(IPC_CHANNELS.rpc, (event, method: unknown, input: unknown): Promise<RpcResult<unknown>> => {
    if (!fromOurUi(event)) {
      core.context.log.error('rejected IPC call from an unknown page', {
        url: event.senderFrame?.url ?? null,
        method: String(method).slice(0, 100),
      });
      return Promise.resolve(REJECTED);
    }
    // The dispatcher rejects non-string and unknown method names itself.
    return core.dispatch(method as string, input);
  });

  const unsubscribe = core.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(IPC_CHANNELS.event, event);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNELS.rpc);
  };
}
