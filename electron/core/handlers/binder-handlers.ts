import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import {
  availableFonts,
  bindOptionsFrom,
  listOutputs,
  outputDir,
  readBinderSettings,
  saveBinderSettings,
} from '../binder/binder-settings';
import { bindInWorker, exportInWorker } from '../binder/bind-in-worker';
import { planBinding } from '../binder/plan';
import type { CoreContext } from '../context';
import type { HandlerTable } from '../rpc/dispatcher';
import { requireProject, requireWritable } from './require-project';

/** Only what the binder makes may be handed to the system: PDFs, workbooks, folders — never a program. */
function madeFile(file: string): string {
  const full = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw new AppError('NOT_FOUND', `找不到《${full}》。它可能已被移动或删除，请重新装订。`);
  }
  if (!stat.isDirectory() && !/\.(pdf|xlsx)$/i.test(full)) {
    throw new AppError('INVALID_INPUT', `《${path.basename(full)}》不是案卷或导出的文件。`);
  }
  return full;
}

export function binderHandlers(ctx: CoreContext): HandlerTable {
  return {
    'binder.settings': () => readBinderSettings(requireProject(ctx).db),
    'binder.saveSettings': (settings) => saveBinderSettings(requireWritable(ctx), settings),
    'binder.fonts': () => availableFonts(),
    'binder.plan': ({ systemId, indicatorIds }) => {
      const db = requireProject(ctx).db;
      return planBinding(db, { ...bindOptionsFrom(readBinderSettings(db), ctx.userName), systemId, indicatorIds });
    },
    'binder.build': ({ systemId, indicatorIds }) => {
      // Binding only reads the project, so a read-only project can be bound too.
      const project = requireProject(ctx);
      const settings = readBinderSettings(project.db);
      const outDir = outputDir(project, settings);
      const options = { ...bindOptionsFrom(settings, ctx.userName), systemId, indicatorIds, outDir };
      planBinding(project.db, options); // a wrong system or scope fails here, before a job starts
      const jobId = ctx.jobs.start({
        kind: 'binder.build',
        title: '装订成卷',
        run: async (job) => {
          const result = await bindInWorker(project.dir, ctx.userName, {
            ...options,
            signal: job.signal,
            onProgress: (update) => job.progress(update),
          });
          if (!project.readOnly) {
            project.db.transaction(() =>
              project.audit({
                action: 'binder.build',
                entity: 'project',
                detail: {
                  outDir,
                  volumes: result.volumes.map((v) => ({ file: path.basename(v.file), pages: v.pages })),
                },
              }),
            )();
          }
          return { ...result, outDir };
        },
      });
      return { jobId };
    },
    'binder.exportSubmission': ({ systemId, indicatorIds, merge, maxFileMb, outDir }) => {
      const project = requireProject(ctx);
      const settings = readBinderSettings(project.db);
      const target = outDir ?? path.join(outputDir(project, settings), '网上申报');
      planBinding(project.db, { systemId, indicatorIds }); // a wrong system or scope fails before a job starts
      const jobId = ctx.jobs.start({
        kind: 'binder.exportSubmission',
        title: '网上申报导出',
        // Seconds of PDF work: on the binder's worker thread, which opens the project read-only.
        run: (job) =>
          exportInWorker(project.dir, ctx.userName, {
            systemId,
            indicatorIds,
            merge,
            maxFileBytes: maxFileMb === undefined ? undefined : maxFileMb * 1024 * 1024,
            outDir: target,
            fontFile: settings.fontFile,
            signal: job.signal,
            onProgress: (update) => job.progress(update),
          }),
      });
      return { jobId };
    },
    'binder.outputs': () => {
      const project = requireProject(ctx);
      const dir = outputDir(project, readBinderSettings(project.db));
      return { dir, files: listOutputs(dir) };
    },
    'binder.open': async ({ file }) => {
      if (!ctx.host.openPath) return { done: false };
      await ctx.host.openPath(madeFile(file));
      return { done: true };
    },
    'binder.showInFolder': ({ file }) => {
      if (!ctx.host.showInFolder) return { done: false };
      ctx.host.showInFolder(madeFile(file));
      return { done: true };
    },
    'binder.printers': async () => (ctx.host.listPrinters ? ctx.host.listPrinters() : []),
    'binder.print': async ({ file, printer, duplex }) => {
      if (!ctx.host.printPdf) return { done: false };
      await ctx.host.printPdf(madeFile(file), { printer, duplex });
      return { done: true };
    },
  };
}
