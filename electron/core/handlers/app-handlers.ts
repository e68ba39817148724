import type { CoreContext } from '../context';
import type { HandlerTable } from '../rpc/dispatcher';
import { dialogPurpose } from '../settings/app-settings';
import { inRememberedFolder } from '../settings/dialog-memory';

export function appHandlers(ctx: CoreContext): HandlerTable {
  return {
    'app.info': () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      nativeDialogs: ctx.host.nativeDialogs,
      userName: ctx.userName,
    }),
    // Each dialog starts where the last one of its kind was used (Windows would start in 文档).
    'dialog.pickFolder': async ({ title }) => {
      const pick = ctx.host.pickFolder;
      if (!pick) return { path: null };
      return {
        path: await inRememberedFolder(ctx.settings, ctx.log, dialogPurpose('folder'), (folder) => pick(title, folder)),
      };
    },
    'dialog.pickFile': async (options) => {
      const pick = ctx.host.pickFile;
      if (!pick) return { path: null };
      const purpose = dialogPurpose('open', options.filters);
      return {
        path: await inRememberedFolder(ctx.settings, ctx.log, purpose, (folder) =>
          pick({ ...options, defaultFolder: folder }),
        ),
      };
    },
    'dialog.saveFile': async (options) => {
      const save = ctx.host.saveFile;
      if (!save) return { path: null };
      const purpose = dialogPurpose('save', options.filters);
      return {
        path: await inRememberedFolder(ctx.settings, ctx.log, purpose, (folder) =>
          save({ ...options, defaultFolder: folder }),
        ),
      };
    },
    'jobs.list': () => ctx.jobs.list(),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
