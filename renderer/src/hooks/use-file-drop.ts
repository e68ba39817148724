import { App } from 'antd';
import { useState } from 'react';
import { preload } from '../api';
import { filesOfDrop } from '../materials/dropped-files';

type DropProps = {
  onDragOver: (e: React.DragEvent<HTMLElement>) => void;
  onDragLeave: (e: React.DragEvent<HTMLElement>) => void;
  onDrop: (e: React.DragEvent<HTMLElement>) => void;
};

/** A dragleave that leaves the element itself, not just one of its children for another. */
export const leavesElement = (e: React.DragEvent<HTMLElement>) =>
  !e.currentTarget.contains(e.relatedTarget as Node | null);

/**
 * A place files from Explorer can be dropped on. `targetAt` says what the pointer is over (an
 * indicator, the inbox…) or null where nothing takes files; `over` is that target while files
 * hover on it, for highlighting. Only file drags count, so dragging a row around the list does not
 * light up drop targets.
 */
export function useFileDrop<K extends number | string>(
  targetAt: (e: React.DragEvent<HTMLElement>) => K | null,
  onFiles: (files: File[], target: K) => void,
): { over: K | null; dropProps: DropProps } {
  const { message } = App.useApp();
  const [over, setOver] = useState<K | null>(null);
  const target = (e: React.DragEvent<HTMLElement>) => (e.dataTransfer.types.includes('Files') ? targetAt(e) : null);
  return {
    over,
    dropProps: {
      onDragOver: (e) => {
        const t = target(e);
        setOver(t);
        if (t === null) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: (e) => {
        if (leavesElement(e)) setOver(null);
      },
      onDrop: (e) => {
        setOver(null);
        const t = target(e);
        if (t === null) return;
        e.preventDefault();
        // The desktop app passes dropped folders as they are (the core walks them from disk);
        // a browser page has to open them itself.
        if (preload) onFiles([...e.dataTransfer.files], t);
        else
          void filesOfDrop(e.dataTransfer).then(({ files, unreadable }) => {
            if (files.length) onFiles(files, t);
            if (unreadable.length)
              void message.warning(
                `有 ${unreadable.length} 个文件无法读取，未添加：${unreadable.slice(0, 3).join('、')}`,
              );
          });
      },
    },
  };
}

/**
 * Files let go anywhere that takes none would make the browser open the file in place of the
 * app (the bridge) or be silently lost: refuse the drop there instead, with the "not here" cursor.
 */
export function refuseStrayFileDrops(target: Window): void {
  const files = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  target.addEventListener('dragover', (e) => {
    if (e.defaultPrevented || !files(e) || !e.dataTransfer) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'none';
  });
  target.addEventListener('drop', (e) => {
    if (files(e)) e.preventDefault();
  });
}
