import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/ipc/result';
import type { ProgressUpdate } from '../jobs/job-manager';
import { openProject } from '../project/project';
import { bindProject } from './bind';
import { exportSubmission, type ExportOptions, type ExportResult } from './export-submission';
import type { BindOptions, BindResult } from './types';

/*
 * A worker thread for the binder's long runs (bind-in-worker.ts starts one per run):
 * assembling volumes (binding) or the 网上申报 files (export) is CPU work for seconds, which
 * must not freeze the thread serving the window. It opens the project read-only beside the
 * app's own connection; both runs only read the project.
 */

export type WorkerBindOptions = Omit<BindOptions, 'signal' | 'onProgress'>;
export type WorkerExportOptions = Omit<ExportOptions, 'signal' | 'onProgress'>;
export type BindRequest = { type: 'bind'; projectDir: string; userName: string; options: WorkerBindOptions };
export type ExportRequest = { type: 'export'; projectDir: string; userName: string; options: WorkerExportOptions };
export type BinderRequest = BindRequest | ExportRequest;
export type BindCancel = { type: 'cancel' };
/** The replies to a run: progress updates, then `done` with the run's result or `failed`. */
export type BinderReply<R> =
  | { type: 'progress'; update: ProgressUpdate }
  | { type: 'done'; result: R }
  | { type: 'failed'; code: string | null; message: string; cancelled: boolean };
export type BindReply = BinderReply<BindResult>;
export type ExportReply = BinderReply<ExportResult>;

const controller = new AbortController();

async function run(req: BinderRequest): Promise<BinderReply<BindResult | ExportResult>> {
  const project = openProject(req.projectDir, { userName: req.userName, readOnly: true });
  const common = {
    signal: controller.signal,
    onProgress: (update: ProgressUpdate) => parentPort?.postMessage({ type: 'progress', update } satisfies BindReply),
  };
  try {
    const result =
      req.type === 'bind'
        ? await bindProject(project, { ...req.options, ...common })
        : await exportSubmission(project, { ...req.options, ...common });
    return { type: 'done', result };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      type: 'failed',
      code: e instanceof AppError ? e.code : null,
      message,
      // Cancelling may surface as the signal's AbortError (the export) or anything else
      // thrown once aborted: the caller turns it into a CANCELLED error.
      cancelled: controller.signal.aborted,
    };
  } finally {
    project.close();
  }
}

parentPort?.on('message', (msg: BinderRequest | BindCancel) => {
  if (msg.type === 'cancel') {
    controller.abort();
    return;
  }
  void run(msg).then((reply) => parentPort?.postMessage(reply));
});
