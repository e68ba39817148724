import type { CoreContext } from '../context';
import { jobHistory } from '../jobs/job-history';
import type { HandlerTable } from '../rpc/dispatcher';
import { dialogPurpose } from '../settings/app-settings';
import { inRememberedFolder } from '../settings/dialog-memory';

export function appHandlers(ctx: CoreContext): HandlerTable {
  /** A host dialog (the browser has none) starting in the folder remembered for its purpose. */
  const inFolder = async (
    purpose: string,
    show: ((folder: string | undefined) => Promise<string | null>) | undefined,
  ) => ({
    path: show ? await inRememberedFolder(ctx.settings, ctx.log, purpose, show) : null,
  });
  return {
    'app.info': () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      nativeDialogs: ctx.host.nativeDialogs,
      userName: ctx.userName,
      openFile: ctx.host.openFile?.() ?? null,
    }),
    // Each dialog starts where the last one of its kind was used (Windows would start in 文档).
    'dialog.pickFolder': ({ title }) => {
      const pick = ctx.host.pickFolder;
      return inFolder(dialogPurpose('folder'), pick && ((folder) => pick(title, folder)));
    },
    'dialog.pickFile': (options) => {
      const pick = ctx.host.pickFile;
      return inFolder(
        dialogPurpose('open', options.filters),
        pick && ((folder) => pick({ ...options, defaultFolder: folder })),
      );
    },
    'dialog.saveFile': (options) => {
      const save = ctx.host.saveFile;
      return inFolder(
        dialogPurpose('save', options.filters),
        save && ((folder) => save({ ...options, defaultFolder: folder })),
      );
    },
    'jobs.list': () => ctx.jobs.list(),
    'jobs.history': ({ limit }) => {
      const project = ctx.session.current();
      if (!project) return [];
      const running = new Set(
        ctx.jobs
          .list()
          .filter((j) => j.status === 'running')
          .map((j) => j.jobId),
      );
      return jobHistory(project.db, running, limit);
    },
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
