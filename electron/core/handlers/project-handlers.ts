import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context';
import { createProject, openProject, type Project } from '../project/project';
import { startDailyBackup } from '../project/daily-backup';
import { DB_FILE } from '../project/layout';
import { verifyProject } from '../project/verify';
import { warmUpImport } from '../materials/add-materials';
import type { HandlerTable } from '../rpc/dispatcher';
import { requireProject } from './require-project';
import { isSampleProject, makeSampleProject } from '../sample/sample-project';
import { samePath } from '../settings/app-settings';
import { AppError } from '../../../shared/ipc/result';

function remember(ctx: CoreContext, project: Project) {
  // Materials come next: have the import threads loaded before the first file is dropped.
  warmUpImport().catch((e: unknown) => ctx.log.error('import threads did not start', e));
  if (!project.readOnly) void startDailyBackup(project, ctx.log, () => ctx.session.current() === project);
  const info = project.info();
  ctx.settings.rememberProject({ dir: info.dir, name: info.name, year: info.year });
  return info;
}

/**
 * Opens a project folder as the session's project, as 打开项目 does (also after a restore):
 * the same folder already open is kept unless switching between 只读审阅 and editing.
 */
export function openInSession(ctx: CoreContext, dir: string, readOnly = false) {
  const current = ctx.session.current();
  if (current && samePath(dir, current.dir)) {
    if (current.inspect === readOnly) return current.info();
    // Switching between 只读审阅 and editing: let go of the lock (or the read-only handle) first.
    ctx.session.set(null);
  }
  const project = openProject(dir, { userName: ctx.userName, readOnly, inspect: readOnly });
  ctx.session.set(project);
  return remember(ctx, project);
}

export function projectHandlers(ctx: CoreContext): HandlerTable {
  const options = { userName: ctx.userName };
  return {
    'projects.recent': () =>
      ctx.settings.read().recentProjects.map((r) => ({
        ...r,
        exists: fs.existsSync(path.join(r.dir, DB_FILE)),
      })),
    'projects.forget': ({ dir }) => {
      ctx.settings.forgetProject(dir);
      return {};
    },
    'projects.create': ({ dir, name, year }) => {
      // Close first: the new project replaces the open one, and its lock must go.
      ctx.session.set(null);
      const project = createProject(dir, { name, year }, options);
      ctx.session.set(project);
      return remember(ctx, project);
    },
    'projects.open': ({ dir, readOnly = false }) => openInSession(ctx, dir, readOnly),
    'projects.close': () => {
      ctx.session.set(null);
      return {};
    },
    'projects.current': () => ctx.session.current()?.info() ?? null,
    'projects.openSample': async () => {
      const base = path.join(ctx.host.documentsDir ?? ctx.dataDir, '台账通示例');
      const projectDir = path.join(base, '示例项目');
      const sourcesDir = path.join(base, '示例材料');
      ctx.session.set(null);
      if (fs.existsSync(projectDir) && !isSampleProject(projectDir)) {
        throw new AppError(
          'CONFLICT',
          `《${projectDir}》已存在，但不是台账通生成的示例项目，为避免覆盖，示例未打开。请把该文件夹改名或移走后再试。`,
        );
      }
      const created = !fs.existsSync(projectDir);
      const project = created
        ? (await makeSampleProject(projectDir, sourcesDir, options)).project
        : openProject(projectDir, options);
      ctx.session.set(project);
      return { ...remember(ctx, project), sourcesDir, created };
    },
    'projects.verify': () => {
      const project = requireProject(ctx);
      const jobId = ctx.jobs.start({
        kind: 'projects.verify',
        title: '校验项目文件',
        run: (job) =>
          verifyProject(project, {
            signal: job.signal,
            onProgress: (done, total, name) => job.progress({ current: done, total, message: name, step: 'hash' }),
          }),
      });
      return { jobId };
    },
  };
}
