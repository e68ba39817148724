import { AppError } from '../../../shared/ipc/result';
import type { ProgressUpdate } from '../jobs/job-manager';
import { startWorker } from '../workers/start-worker';
import type { BinderReply, BinderRequest, BindCancel } from './bind-worker';
import type { ExportOptions, ExportResult } from './export-submission';
import type { BindOptions, BindResult } from './types';

/*
 * The binder's long runs on a worker thread (bind-worker.ts), for the app: the binder.build
 * job binds through bindInWorker, the binder.exportSubmission job exports through
 * exportInWorker, each with its job's signal and progress callback. One worker per run
 * (these runs are rare and long; a worker takes a moment to start), ended when the run
 * ends. The CLI binds and exports in its own thread.
 */

type RunControl = { signal?: AbortSignal; onProgress?: (update: ProgressUpdate) => void };

/** Runs `request` on a new worker; `what` names the run in the errors (装订, 导出 …). */
function runInWorker<R>(request: BinderRequest, what: string, { signal, onProgress }: RunControl): Promise<R> {
  const cancelled = () => new AppError('CANCELLED', `${what}已取消。`);
  if (signal?.aborted) return Promise.reject(cancelled());
  return new Promise<R>((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'bind-worker');
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => worker.postMessage({ type: 'cancel' } satisfies BindCancel);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (reply: BinderReply<R>) => {
      if (reply.type === 'progress') onProgress?.(reply.update);
      else if (reply.type === 'done') finish(() => resolve(reply.result));
      else if (reply.cancelled) finish(() => reject(cancelled()));
      else
        finish(() =>
          reject(reply.code ? new AppError(reply.code as AppError['code'], reply.message) : new Error(reply.message)),
        );
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) =>
      finish(() => reject(new AppError('INTERNAL', `${what}的后台线程意外退出（${code}），请重试。`))),
    );
    worker.postMessage(request);
  });
}

/** bindProject() on a worker thread that opens the project at `projectDir` read-only. */
export function bindInWorker(projectDir: string, userName: string, options: BindOptions): Promise<BindResult> {
  const { signal, onProgress, ...rest } = options;
  return runInWorker<BindResult>({ type: 'bind', projectDir, userName, options: rest }, '装订', {
    signal,
    onProgress,
  });
}

/** exportSubmission() (网上申报) on a worker thread that opens the project at `projectDir` read-only. */
export function exportInWorker(projectDir: string, userName: string, options: ExportOptions): Promise<ExportResult> {
  const { signal, onProgress, ...rest } = options;
  return runInWorker<ExportResult>({ type: 'export', projectDir, userName, options: rest }, '导出', {
    signal,
    onProgress,
  });
}
