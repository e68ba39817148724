import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context';
import { mergeMaterials, reorderFiles, rotateFile, splitMaterial } from '../materials/item-files';
import { suggestLinks } from '../materials/link-suggest';
import { ensureThumb, pageImage } from '../materials/page-images';
import { projectPaths } from '../project/layout';
import type { Project } from '../project/project';
import { addMaterials } from '../materials/add-materials';
import { emptyTrash } from '../materials/empty-trash';
import { AppError } from '../../../shared/ipc/result';
import {
  arrangeMaterials,
  commentOn,
  countMaterials,
  getMaterial,
  historyOf,
  linkMaterials,
  listMaterials,
  pageTextsOf,
  restoreMaterials,
  setStatus,
  trashMaterials,
  unlinkMaterials,
  updateMaterials,
} from '../materials/material-repo';
import type { HandlerTable } from '../rpc/dispatcher';
import { requireProject, requireWritable } from './require-project';

/** Files from the browser, under the project's temp folder (cleaned on every open), keeping their names. */
function writeUploads(project: Project, files: { fileName: string; dataBase64: string }[]): string {
  const folder = path.join(projectPaths(project.dir).tmp, `upload-${randomUUID()}`);
  fs.mkdirSync(folder, { recursive: true });
  files.forEach((f, i) => {
    const target = path.join(folder, String(i), ...uploadPath(f.fileName, `文件${i + 1}`));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, Buffer.from(f.dataBase64, 'base64'));
  });
  return folder;
}

/**
 * An uploaded name as folders and a file name: a file from a dropped folder keeps its folders
 * ("创建资料/A2.3.2 道德讲堂/照片.jpg"), since their names suggest links. Nothing climbs out:
 * empty, "." and ".." parts and drive letters are dropped, and only the last four levels stay.
 */
export function uploadPath(fileName: string, fallback: string): string[] {
  const parts = fileName
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p.trim() !== '' && !/^\.+$/.test(p) && !/^[A-Za-z]:$/.test(p));
  const name = parts.pop();
  if (name === undefined) return [fallback];
  // Windows refuses folder names ending in a space or a dot; the file's own name is kept as it is.
  const folders = parts.map((p) => p.replace(/[\s.]+$/, '')).filter(Boolean);
  return [...folders.slice(-3), name];
}

export function materialHandlers(ctx: CoreContext): HandlerTable {
  const changed = () => ctx.bus.emit({ type: 'project.changed', dir: ctx.session.current()?.dir ?? null });
  const startAdd = (
    project: Project,
    inputs: () => string[],
    batch: { indicatorIds?: number[]; password?: string },
    cleanup?: () => void,
  ) => {
    const jobId = ctx.jobs.start({
      kind: 'materials.add',
      title: '添加材料',
      run: async (job) => {
        try {
          const report = await addMaterials(project, inputs(), {
            ...batch,
            signal: job.signal,
            onProgress: (done, total, name) => job.progress({ current: done, total, message: name, step: 'add' }),
          });
          return report;
        } finally {
          cleanup?.();
          changed();
        }
      },
    });
    return { jobId };
  };
  return {
    'materials.add': ({ paths, indicatorIds, password }) =>
      startAdd(requireWritable(ctx), () => paths, { indicatorIds, password }),
    'materials.upload': ({ files, indicatorIds, password }) => {
      const project = requireWritable(ctx);
      let folder = '';
      return startAdd(
        project,
        () => {
          folder = writeUploads(project, files);
          return [folder];
        },
        { indicatorIds, password },
        () => fs.rmSync(folder, { recursive: true, force: true }),
      );
    },
    'materials.thumbnail': async ({ sha256 }) => {
      const file = await ensureThumb(requireProject(ctx), sha256);
      return { dataBase64: file ? fs.readFileSync(file).toString('base64') : null };
    },
    'materials.page': async ({ fileId, page, size }) => {
      const { jpeg, width, height, pageCount } = await pageImage(requireProject(ctx), fileId, page, size);
      return { dataBase64: jpeg.toString('base64'), width, height, pageCount };
    },
    'materials.pageTexts': ({ fileId }) => pageTextsOf(requireProject(ctx).db, fileId),
    'materials.list': (filter) => listMaterials(requireProject(ctx).db, filter),
    'materials.counts': () => countMaterials(requireProject(ctx).db),
    'materials.get': ({ id }) => getMaterial(requireProject(ctx).db, id),
    'materials.update': ({ ids, patch }) => updateMaterials(requireWritable(ctx), ids, patch),
    'materials.link': ({ ids, indicatorId }) => linkMaterials(requireWritable(ctx), ids, indicatorId),
    'materials.arrange': ({ indicatorId, ids }) => {
      arrangeMaterials(requireWritable(ctx), indicatorId, ids);
      return {};
    },
    'materials.unlink': ({ ids, indicatorId }) => unlinkMaterials(requireWritable(ctx), ids, indicatorId),
    'materials.setStatus': ({ ids, status, comment }) => setStatus(requireWritable(ctx), ids, status, comment),
    'materials.trash': ({ ids }) => trashMaterials(requireWritable(ctx), ids),
    'materials.restore': ({ ids }) => restoreMaterials(requireWritable(ctx), ids),
    'materials.emptyTrash': ({ ids }) => {
      const project = requireWritable(ctx);
      // An add running now may be matching its files against the very bytes about to go.
      if (ctx.jobs.list().some((j) => j.kind === 'materials.add' && j.status === 'running')) {
        throw new AppError('CONFLICT', '正在添加材料，请等添加完成后再清空回收站。');
      }
      const result = emptyTrash(project, ids);
      changed();
      return result;
    },
    'materials.merge': ({ ids }) => mergeMaterials(requireWritable(ctx), ids),
    'materials.split': ({ id, fileIds }) => splitMaterial(requireWritable(ctx), id, fileIds),
    'materials.reorder': ({ id, fileIds }) => reorderFiles(requireWritable(ctx), id, fileIds),
    'materials.rotate': ({ fileId, degrees }) => rotateFile(requireWritable(ctx), fileId, degrees),
    'materials.suggestLinks': ({ ids }) => suggestLinks(requireProject(ctx).db, ids),
    'materials.comment': ({ id, text }) => {
      commentOn(requireWritable(ctx), id, text);
      return {};
    },
    'materials.history': ({ id }) => historyOf(requireProject(ctx).db, id),
  };
}
