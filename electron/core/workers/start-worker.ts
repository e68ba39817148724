import { Worker, type WorkerOptions } from 'node:worker_threads';

/*
 * Starts one of the core's worker threads: the importer's check pool
 * (materials/check-worker.ts) and the binder's (binder/bind-worker.ts).
 *
 * In the packaged app every worker is a bundle, `<name>.cjs` beside main.cjs (see the
 * entries in build/build-electron.ts). From source (tests, the CLI, the bridge) the worker
 * is TypeScript: `<name>-source.mjs` beside it loads its large plain-JavaScript modules and
 * then tsx itself, so the worker inherits no --import tsx (execArgv is emptied).
 */

/**
 * Starts the worker `name` that lives beside the calling module. `here` is that module's
 * `import.meta.url`: in a bundle it is the bundle's own URL (build-electron.ts defines
 * `import.meta.url` as `__bundleUrl`), so a `.cjs` URL means the packaged worker is meant.
 */
export function startWorker(here: string, name: string, options: WorkerOptions = {}): Worker {
  if (here.endsWith('.cjs')) return new Worker(new URL(`./${name}.cjs`, here), options);
  return new Worker(new URL(`./${name}-source.mjs`, here), { execArgv: [], ...options });
}
