import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/ipc/result';
import type { BindReply, BindRequest } from './bind-worker';
import type { BindOptions, BindResult } from './types';

/*
 * bindProject() on a worker thread, for the app: the binder.build job calls this with its
 * signal and progress callback. One worker per run (binding is rare and long; a worker
 * takes a moment to start), ended when the run ends. The CLI binds in its own thread.
 */

function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return new Worker(new URL('./bind-worker.cjs', here));
  return new Worker(new URL('./bind-worker-source.mjs', here), { execArgv: [] });
}

export function bindInWorker(projectDir: string, userName: string, options: BindOptions): Promise<BindResult> {
  const { signal, onProgress, ...rest } = options;
  signal?.throwIfAborted();
  return new Promise<BindResult>((resolve, reject) => {
    const worker = startWorker();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => worker.postMessage({ type: 'cancel' });
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: BindReply) => {
      if (reply.type === 'progress') onProgress?.(reply.update);
      else if (reply.type === 'done') finish(() => resolve(reply.result));
      else if (reply.cancelled) finish(() => reject(new AppError('CANCELLED', '装订已取消。')));
      else
        finish(() =>
          reject(reply.code ? new AppError(reply.code as AppError['code'], reply.message) : new Error(reply.message)),
        );
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) =>
      finish(() => reject(new AppError('INTERNAL', `装订的后台线程意外退出（${code}），请重试。`))),
    );
    worker.postMessage({ type: 'bind', projectDir, userName, options: rest } satisfies BindRequest);
  });
}
