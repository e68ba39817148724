import { AppError } from '../../../shared/ipc/result';
import type { CoreContext } from '../context';
import type { Project } from '../project/project';

export function requireProject(ctx: CoreContext): Project {
  const project = ctx.session.current();
  if (!project) throw new AppError('NO_PROJECT', '还没有打开项目。请先新建或打开一个项目。');
  return project;
}
