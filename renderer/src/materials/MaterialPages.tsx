import { useState } from 'react';
import type { Material } from '../../../shared/materials/api-types';
import { MaterialFiles } from './MaterialFiles';
import { PagePreview } from './PagePreview';
import { PageStrip } from './PageStrip';
import { pagesOf } from './page-images';
import { useFileActions } from './use-file-actions';

/** The top of the detail pane: every page small, its files with their actions, and a page large on click. */
export function MaterialPages({ material, onChanged }: { material: Material; onChanged: () => void }) {
  const actions = useFileActions(material, onChanged);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="tz-material-preview">
      <PageStrip files={material.files} onOpen={setOpen} />
      {material.files.length > 1 && (
        <div className="tz-muted">
          {material.files.length} 个文件 · 共 {material.pages} 页
        </div>
      )}
      <MaterialFiles files={material.files} actions={actions} />
      <PagePreview pages={pagesOf(material.files)} index={open} onIndex={setOpen} actions={actions} />
    </div>
  );
}
