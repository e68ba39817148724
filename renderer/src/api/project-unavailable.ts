import type { Transport } from '../../../shared/ipc/client';
import type { RpcError } from '../../../shared/ipc/result';

type Listener = (error: RpcError) => void;

const listeners = new Set<Listener>();

/**
 * Hears of every call that found the open project's folder gone (USB stick pulled, folder
 * moved), whichever component made it, so that one dialog can offer 重新连接 instead of each
 * caller showing its own error. Returns an unsubscribe function.
 */
export function onProjectUnavailable(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportProjectUnavailable(error: RpcError): void {
  if (error.code !== 'PROJECT_UNAVAILABLE') return;
  for (const listener of listeners) listener(error);
}

/** Wraps a transport so that PROJECT_UNAVAILABLE answers reach the listeners above (the caller still gets them). */
export function watchProjectAvailability(transport: Transport): Transport {
  return {
    async call(method, input) {
      const result = await transport.call(method, input);
      if (!result.ok) reportProjectUnavailable(result.error);
      return result;
    },
    onEvent: (listener) => transport.onEvent(listener),
  };
}
