import type { Transport } from '../../../shared/ipc/client';
import type { PreloadApi } from '../../../shared/ipc/preload-api';
import { transportFailure } from './transport-failure';

/** Electron: every call goes through the preload's one RPC channel. */
export function createIpcTransport(preload: PreloadApi): Transport {
  return {
    async call(method, input) {
      try {
        return await preload.call(method, input);
      } catch {
        // invoke() only rejects when the main process itself is broken (no handler, crash).
        return transportFailure('程序后台没有响应，操作没有完成。请关闭台账通后重新打开。');
      }
    },
    onEvent: (listener) => preload.onEvent(listener),
  };
}
