import { useEffect, useState } from 'react';
import type { Material } from '../../../shared/materials/api-types';
import { ViewOnly } from '../review/read-only';
import { MaterialFiles } from './MaterialFiles';
import { PagePreview } from './PagePreview';
import { PageStrip } from './PageStrip';
import { pagesOf } from './page-images';
import { useFileActions } from './use-file-actions';

/**
 * A page to show large as soon as the item is open (a search hit on page 3 of its text).
 * `fileId` absent: the page counts through the whole item. `seq` tells two requests for the same page apart.
 */
export type PageFocus = { fileId?: number; page: number; seq: number };

type Props = { material: Material; onChanged: () => void; openPage?: PageFocus };

/** The top of the detail pane: every page small, its files with their actions, and a page large on click. */
export function MaterialPages({ material, onChanged, openPage }: Props) {
  const actions = useFileActions(material, onChanged);
  const [open, setOpen] = useState<number | null>(null);
  const pages = pagesOf(material.files);
  const seq = openPage?.seq;
  useEffect(() => {
    if (!openPage) return;
    const at =
      openPage.fileId === undefined
        ? openPage.page - 1
        : pages.findIndex((p) => p.file.id === openPage.fileId && p.page === openPage.page);
    if (at >= 0 && at < pages.length) setOpen(at);
    // Once per request: the item reloading (a turn, a rename) must not open the page again.
  }, [seq]);
  return (
    <div className="tz-material-preview">
      <PageStrip files={material.files} onOpen={setOpen} />
      {material.files.length > 1 && (
        <div className="tz-muted">
          {material.files.length} 个文件 · 共 {material.pages} 页
        </div>
      )}
      <MaterialFiles files={material.files} actions={actions} />
      {/* Paging through is looking, not changing: usable in 只读审阅 too. */}
      <ViewOnly>
        <PagePreview pages={pages} index={open} onIndex={setOpen} actions={actions} />
      </ViewOnly>
    </div>
  );
}
