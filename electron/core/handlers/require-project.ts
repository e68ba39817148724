import { AppError } from '../../../shared/ipc/result';
import type { CoreContext } from '../context';
import { projectUnavailableError } from '../project/folder-access';
import type { Project } from '../project/project';

export function requireProject(ctx: CoreContext): Project {
  const project = ctx.session.current();
  if (!project) throw new AppError('NO_PROJECT', '还没有打开项目。请先新建或打开一个项目。');
  // Checked before the work starts: on Linux an open database keeps working after its folder
  // is deleted, and files would be written into a folder recreated at the old path.
  if (!project.available()) throw projectUnavailableError(project.dir);
  return project;
}

/** The open project, for an operation that changes it (refused when opened read-only). */
export function requireWritable(ctx: CoreContext): Project {
  const project = requireProject(ctx);
  if (project.inspect) {
    throw new AppError(
      'LOCKED',
      '项目以“只读审阅”方式打开，不能修改。如需修改，请关闭项目后不勾选“以只读方式打开”重新打开。',
    );
  }
  if (project.readOnly) {
    throw new AppError('LOCKED', '项目以只读方式打开，不能修改。请关闭其他正在编辑它的台账通后重新打开。');
  }
  return project;
}
