import type { Method, MethodInput, MethodOutput } from './contract';
import type { CoreEvent } from './events';
import { AppError, type RpcResult } from './result';

/**
 * How a UI reaches the core. Electron IPC, the HTTP bridge and in-process tests each
 * provide one; everything above it is identical.
 */
export type Transport = {
  call(method: string, input: unknown): Promise<RpcResult<unknown>>;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
};

export type Api = {
  /** Calls a method; resolves with its output or rejects with an AppError (Chinese message). */
  call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The raw result, for callers that branch on error codes without try/catch. */
  tryCall<M extends Method>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
};

export function createApi(transport: Transport): Api {
  const tryCall = async <M extends Method>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>> => {
    // The transport is untyped on purpose (it crosses a process boundary); the core
    // validated the output against the contract before sending it.
    return (await transport.call(method, input)) as RpcResult<MethodOutput<M>>;
  };
  return {
    tryCall,
    async call(method, input) {
      const result = await tryCall(method, input);
      if (result.ok) return result.value;
      throw new AppError(result.error.code, result.error.message);
    },
    onEvent: (listener) => transport.onEvent(listener),
  };
}
