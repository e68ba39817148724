import path from 'node:path';
import { afterAll } from 'vitest';
import type { Host } from '../../electron/core/context';
import { createCore, type Core } from '../../electron/core/create-core';
import type { MethodInput, MethodOutput, Method } from '../../shared/ipc/contract';
import type { CoreEvent } from '../../shared/ipc/events';
import type { RpcError } from '../../shared/ipc/result';
import { tempDir } from './temp-dir';

/** A real core on a temp data dir, called through the dispatcher exactly as the UI calls it. */
export function testCore(userName = '测试员', host?: Host) {
  const core: Core = createCore({ dataDir: path.join(tempDir(), 'data'), userName, host });
  afterAll(() => core.close());
  async function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const r = await core.dispatch(method, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { rpc: r.error });
    return r.value as MethodOutput<M>;
  }
  async function fail<M extends Method>(method: M, input: MethodInput<M>): Promise<RpcError> {
    const r = await core.dispatch(method, input);
    if (r.ok) throw new Error(`${method} was expected to fail`);
    return r.error;
  }
  return { core, call, fail };
}

/** Waits for a job's result (its job.done event), or rejects with its job.failed message. */
export function jobResult<T>(core: Core, jobId: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const off = core.onEvent((e: CoreEvent) => {
      if (e.type === 'job.done' && e.jobId === jobId) {
        off();
        resolve(e.result as T);
      } else if (e.type === 'job.failed' && e.jobId === jobId) {
        off();
        reject(new Error(e.error.message));
      }
    });
  });
}
