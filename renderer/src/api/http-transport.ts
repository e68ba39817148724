import type { Transport } from '../../../shared/ipc/client';
import type { CoreEvent } from '../../../shared/ipc/events';
import type { RpcResult } from '../../../shared/ipc/result';
import { transportFailure } from './transport-failure';

const UNREACHABLE = '无法连接台账通后台服务，操作没有完成。请确认启动台账通的窗口没有关闭，然后刷新本页面。';

/**
 * The browser bridge: POST rpc and server-sent events. URLs are relative so the page works
 * under whatever path it was served from (vite `base: './'`).
 */
export function createHttpTransport(): Transport {
  const listeners = new Set<(event: CoreEvent) => void>();
  let source: EventSource | null = null;

  // One shared stream for all subscribers, opened on first use; EventSource reconnects by itself.
  function ensureSource(): void {
    if (source) return;
    source = new EventSource('events');
    source.onmessage = (message: MessageEvent<string>) => {
      let event: CoreEvent;
      try {
        event = JSON.parse(message.data) as CoreEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
  }

  return {
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch('rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
      } catch {
        return transportFailure(UNREACHABLE);
      }
      if (!response.ok) return transportFailure(UNREACHABLE);
      try {
        return (await response.json()) as RpcResult<unknown>;
      } catch {
        return transportFailure(UNREACHABLE);
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      ensureSource();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
