import type { CoreContext } from '../context';
import type { HandlerTable } from '../rpc/dispatcher';

export function appHandlers(ctx: CoreContext): HandlerTable {
  return {
    'app.info': () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      nativeDialogs: ctx.host.nativeDialogs,
      userName: ctx.userName,
    }),
    'dialog.pickFolder': async ({ title }) => ({
      path: ctx.host.pickFolder ? await ctx.host.pickFolder(title) : null,
    }),
    'dialog.pickFile': async (options) => ({
      path: ctx.host.pickFile ? await ctx.host.pickFile(options) : null,
    }),
    'dialog.saveFile': async (options) => ({
      path: ctx.host.saveFile ? await ctx.host.saveFile(options) : null,
    }),
    'jobs.list': () => ctx.jobs.list(),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
