import type { CoreContext } from '../context';
import { addMaterials } from '../materials/add-materials';
import {
  getMaterial,
  linkMaterials,
  listMaterials,
  restoreMaterials,
  setStatus,
  trashMaterials,
  unlinkMaterials,
  updateMaterials,
} from '../materials/material-repo';
import type { HandlerTable } from '../rpc/dispatcher';
import { requireProject, requireWritable } from './require-project';

export function materialHandlers(ctx: CoreContext): HandlerTable {
  const changed = () => ctx.bus.emit({ type: 'project.changed', dir: ctx.session.current()?.dir ?? null });
  return {
    'materials.add': ({ paths, indicatorIds }) => {
      const project = requireWritable(ctx);
      const jobId = ctx.jobs.start({
        kind: 'materials.add',
        title: '添加材料',
        run: async (job) => {
          const report = await addMaterials(project, paths, {
            indicatorIds,
            signal: job.signal,
            onProgress: (done, total, name) => job.progress({ current: done, total, message: name, step: 'add' }),
          });
          changed();
          return report;
        },
      });
      return { jobId };
    },
    'materials.list': (filter) => listMaterials(requireProject(ctx).db, filter),
    'materials.get': ({ id }) => getMaterial(requireProject(ctx).db, id),
    'materials.update': ({ ids, patch }) => updateMaterials(requireWritable(ctx), ids, patch),
    'materials.link': ({ ids, indicatorId }) => linkMaterials(requireWritable(ctx), ids, indicatorId),
    'materials.unlink': ({ ids, indicatorId }) => unlinkMaterials(requireWritable(ctx), ids, indicatorId),
    'materials.setStatus': ({ ids, status, comment }) => setStatus(requireWritable(ctx), ids, status, comment),
    'materials.trash': ({ ids }) => trashMaterials(requireWritable(ctx), ids),
    'materials.restore': ({ ids }) => restoreMaterials(requireWritable(ctx), ids),
  };
}
