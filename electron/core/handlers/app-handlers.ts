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
    'jobs.list': () => ctx.jobs.list(),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
