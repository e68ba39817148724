import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/ipc/result';
import type { ProgressUpdate } from '../jobs/job-manager';
import { openProject } from '../project/project';
import { bindProject } from './bind';
import type { BindOptions, BindResult } from './types';

/*
 * A worker thread that binds (bind-in-worker.ts starts one per run): assembling a volume
 * is CPU work for seconds, which must not freeze the thread serving the window. It opens
 * the project read-only beside the app's own connection; binding only reads.
 */

export type WorkerBindOptions = Omit<BindOptions, 'signal' | 'onProgress'>;
export type BindRequest = { type: 'bind'; projectDir: string; userName: string; options: WorkerBindOptions };
export type BindCancel = { type: 'cancel' };
export type BindReply =
  | { type: 'progress'; update: ProgressUpdate }
  | { type: 'done'; result: BindResult }
  | { type: 'failed'; code: string | null; message: string; cancelled: boolean };

const controller = new AbortController();

async function run(req: BindRequest): Promise<BindReply> {
  const project = openProject(req.projectDir, { userName: req.userName, readOnly: true });
  try {
    const result = await bindProject(project, {
      ...req.options,
      signal: controller.signal,
      onProgress: (update) => parentPort?.postMessage({ type: 'progress', update } satisfies BindReply),
    });
    return { type: 'done', result };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      type: 'failed',
      code: e instanceof AppError ? e.code : null,
      message,
      cancelled: controller.signal.aborted,
    };
  } finally {
    project.close();
  }
}

parentPort?.on('message', (msg: BindRequest | BindCancel) => {
  if (msg.type === 'cancel') {
    controller.abort();
    return;
  }
  void run(msg).then((reply) => parentPort?.postMessage(reply));
});
