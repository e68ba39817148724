import { App } from 'antd';
import type { Material, MaterialFile } from '../../../shared/materials/api-types';
import { api } from '../api';
import { useAction } from '../hooks/use-action';

type Degrees = 0 | 90 | 180 | 270;

/** The contract takes the file's absolute turn, the buttons a quarter turn from where it is now. */
export const turned = (rotation: number, by: 90 | -90): Degrees => ((((rotation + by) % 360) + 360) % 360) as Degrees;

export type FileActions = {
  busy: boolean;
  rotate: (file: MaterialFile, by: 90 | -90) => Promise<void>;
  move: (file: MaterialFile, by: 1 | -1) => Promise<void>;
  split: (file: MaterialFile) => Promise<void>;
};

/** What can be done to one file of an item: turn it, move it among the item's files, split it off. */
export function useFileActions(material: Material, onChanged: () => void): FileActions {
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const act = async (work: () => Promise<unknown>, done?: string) => {
    const ok = await run(async () => {
      await work();
      return true;
    });
    if (!ok) return;
    if (done) void message.success(done);
    onChanged();
  };

  return {
    busy,
    rotate: (file, by) =>
      act(() => api.call('materials.rotate', { fileId: file.id, degrees: turned(file.rotation, by) })),
    move: (file, by) => {
      const ids = material.files.map((f) => f.id);
      const from = ids.indexOf(file.id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= ids.length) return Promise.resolve();
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      return act(() => api.call('materials.reorder', { id: material.id, fileIds: ids }));
    },
    split: (file) =>
      act(
        () => api.call('materials.split', { id: material.id, fileIds: [file.id] }),
        `已把《${file.originalName}》拆成单独的一件`,
      ),
  };
}
