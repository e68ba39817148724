import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import type { CoreContext } from '../context';
import { backupProject, backupTarget } from '../project/backup';
import {
  backupBeforeRestore,
  dbBackupPath,
  keepDamagedDatabase,
  listDbBackups,
  replaceDatabase,
} from '../project/daily-backup';
import { projectPaths } from '../project/layout';
import { acquireLock } from '../project/lock';
import { samePath } from '../settings/app-settings';
import { assertUsableFolder } from '../project/project';
import { restoreBackup } from '../project/restore';
import type { HandlerTable } from '../rpc/dispatcher';
import { openInSession } from './project-handlers';
import { requireProject, requireWritable } from './require-project';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** Progress as the jobs bar shows it: files for the bar, megabytes in words. */
const toJobProgress = (p: { files: number; totalFiles: number; bytes: number; totalBytes: number }) => ({
  current: p.files,
  total: p.totalFiles,
  message: `${mb(p.bytes)} / ${mb(p.totalBytes)}`,
});

export function backupHandlers(ctx: CoreContext): HandlerTable {
  /**
   * A folder whose database is too damaged to open gets a daily copy put back, then opens. Its
   * lock is held meanwhile, so no other window can have it open; the damaged file is kept.
   */
  /** Writes the restore into the (re)opened project's audit log; the answer names the kept copy. */
  const audited = (file: string, before: string, extra: Record<string, unknown> = {}) => {
    const project = requireWritable(ctx);
    project.db.transaction(() =>
      project.audit({
        action: 'project.restoreDbBackup',
        entity: 'project',
        entityId: 1,
        detail: { file, before: path.basename(before), ...extra },
      }),
    )();
    return { before: path.basename(before) };
  };
  const restoreClosed = (dir: string, file: string) => {
    const source = dbBackupPath(dir, file);
    const lock = acquireLock(projectPaths(dir).lock, ctx.userName);
    let before: string;
    try {
      before = keepDamagedDatabase(dir);
      replaceDatabase(dir, source);
    } finally {
      lock.release();
    }
    openInSession(ctx, dir);
    return audited(file, before, { damaged: true });
  };
  return {
    'projects.backup': ({ path: wanted }) => {
      // Only reads the project: a read-only one can be backed up too.
      const project = requireProject(ctx);
      const target = backupTarget(project, wanted);
      const jobId = ctx.jobs.start({
        kind: 'projects.backup',
        title: '备份项目',
        run: (job) =>
          backupProject(project, target, {
            signal: job.signal,
            onProgress: (p) => job.progress({ ...toJobProgress(p), step: 'zip' }),
          }),
      });
      return { jobId };
    },
    'projects.restore': ({ path: zipPath, dir }) => {
      // A folder that cannot be used is said at once, in the dialog, not after a job starts.
      assertUsableFolder(path.resolve(dir));
      const jobId = ctx.jobs.start({
        kind: 'projects.restore',
        title: '从备份恢复',
        run: async (job) => {
          const restored = await restoreBackup(zipPath, dir, {
            signal: job.signal,
            onProgress: (p) => job.progress({ ...toJobProgress(p), step: 'extract' }),
          });
          return openInSession(ctx, restored.dir);
        },
      });
      return { jobId };
    },
    'projects.dbBackups': ({ dir }) => listDbBackups(dir ? path.resolve(dir) : requireProject(ctx).dir),
    'projects.restoreDbBackup': async ({ file, dir: closedDir }) => {
      const current = ctx.session.current();
      if (closedDir && !(current && samePath(closedDir, current.dir)))
        return restoreClosed(path.resolve(closedDir), file);
      const project = requireWritable(ctx);
      const source = dbBackupPath(project.dir, file);
      if (ctx.jobs.list().some((j) => j.status === 'running')) {
        throw new AppError('CONFLICT', '还有后台任务在进行（见底部任务栏）。请等它完成或取消后，再恢复自动备份。');
      }
      // The state being replaced is kept too: restoring the wrong day can be undone.
      const before = await backupBeforeRestore(project);
      const dir = project.dir;
      ctx.session.set(null);
      try {
        replaceDatabase(dir, source);
      } finally {
        // Whatever happened to the file, the user gets their project back open.
        openInSession(ctx, dir);
      }
      return audited(file, before);
    },
  };
}
