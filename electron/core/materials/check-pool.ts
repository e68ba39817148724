import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker';
import type { Checked, CheckOptions } from './check-file';
import type { CheckPing, CheckReply, CheckRequest } from './check-worker';
import { FileProblem } from './inspect-file';

/*
 * Worker threads that run checkFile() for the importer. The Electron main process serves
 * the window's requests; decoding 12 MP photos and reading PDFs there would make the app
 * stutter for the whole import, so that work happens here, one worker per core.
 *
 * In the packaged app the worker is the bundle's check-worker.cjs beside main.cjs; from
 * source (tests, the CLI, the bridge) it is the TypeScript file, loaded through tsx by
 * check-worker-source.mjs (see workers/start-worker.ts).
 */

export type CheckPool = {
  check: (file: string, options: CheckOptions) => Promise<Checked>;
  /** Starts every worker and waits until each has loaded its modules (done at project open). */
  warm: () => Promise<void>;
  close: () => Promise<void>;
};

type Pending = { resolve: (c: Checked) => void; reject: (e: unknown) => void; worker: Worker };

/** One per core (up to 4); TAIZHANG_IMPORT_THREADS overrides (the test suite uses 1, see vitest.config.ts). */
function defaultSize(): number {
  const wanted = Number(process.env.TAIZHANG_IMPORT_THREADS);
  if (Number.isInteger(wanted) && wanted > 0) return Math.min(wanted, 8);
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

export function createCheckPool(size = defaultSize()): CheckPool {
  const workers: Worker[] = [];
  const load = new Map<Worker, number>();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let broken: Error | null = null;
  const pongs = new Map<number, () => void>();

  const failAll = (worker: Worker, error: Error) => {
    for (const [id, p] of pending) {
      if (p.worker !== worker) continue;
      pending.delete(id);
      p.reject(error);
    }
  };
  const spawn = () => {
    const worker = startWorker(import.meta.url, 'check-worker');
    worker.on('message', (reply: CheckReply | { pong: number }) => {
      if ('pong' in reply) {
        pongs.get(reply.pong)?.();
        pongs.delete(reply.pong);
        return;
      }
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      busy(worker, -1);
      if (reply.ok) p.resolve(revive(reply.checked));
      else
        p.reject(reply.problem ? new FileProblem(reply.problem.code, reply.problem.message) : new Error(reply.message));
    });
    worker.on('error', (e) => {
      broken = e;
      failAll(worker, e);
    });
    worker.on('exit', (code) => failAll(worker, new Error(`检查文件的后台线程意外退出（${code}）`)));
    worker.unref();
    workers.push(worker);
    load.set(worker, 0);
    return worker;
  };
  // An idle pool must not keep the CLI or a test process alive; a busy one must.
  const busy = (worker: Worker, delta: number) => {
    const n = (load.get(worker) ?? 0) + delta;
    load.set(worker, n);
    if (n > 0) worker.ref();
    else worker.unref();
  };
  const leastBusy = () => {
    if (workers.length < size) return spawn();
    return workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
  };

  return {
    check(file, options) {
      if (broken) return Promise.reject(broken);
      options.signal?.throwIfAborted();
      const worker = leastBusy();
      const id = ++nextId;
      const { signal, ...rest } = options;
      return new Promise<Checked>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        busy(worker, +1);
        signal?.addEventListener('abort', () => worker.postMessage({ cancel: id }), { once: true });
        worker.postMessage({ id, file, options: rest } satisfies CheckRequest);
      });
    },
    async warm() {
      while (workers.length < size) spawn();
      await Promise.all(
        workers.map((w) =>
          new Promise<void>((resolve) => {
            const id = ++nextId;
            pongs.set(id, resolve);
            busy(w, +1);
            w.postMessage({ ping: id } satisfies CheckPing);
          }).finally(() => busy(w, -1)),
        ),
      );
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
      workers.length = 0;
    },
  };
}

/** Structured cloning turns Buffers into plain Uint8Arrays; the importer wants Buffers back. */
function revive(c: Checked): Checked {
  const buf = (b: Uint8Array | null) => (b ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : null);
  return { ...c, thumb: buf(c.thumb), converted: c.converted ? buf(c.converted) : null };
}
