import type { RpcResult } from '../../../shared/ipc/result';

/** A failed call that never reached the core, shaped like any other error so the UI needs one path. */
export function transportFailure(message: string): RpcResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}
