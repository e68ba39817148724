import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Modal, Spin } from 'antd';
import { useEffect, useEffectEvent } from 'react';
import { useReadOnly } from '../review/read-only';
import { RotateButtons } from './MaterialFiles';
import { usePageImage, type PageRef } from './page-images';
import { Thumb } from './Thumb';
import type { FileActions } from './use-file-actions';

type Props = {
  pages: PageRef[];
  /** The page shown, or null when closed. */
  index: number | null;
  onIndex: (index: number | null) => void;
  actions: FileActions;
};

function PageImage({ at }: { at: PageRef }) {
  const image = usePageImage(at.file, at.page, 'preview');
  if (image === undefined) return <Spin className="tz-page-preview-spin" />;
  if (image === null) {
    return (
      <div className="tz-page-preview-missing">
        <Thumb sha256={at.file.sha256} mime={at.file.mime} size={160} />
        <div className="tz-muted">这一页暂时无法显示大图。可以稍后再打开，或用原软件打开文件查看。</div>
      </div>
    );
  }
  return <img className="tz-page-preview-img" src={image.src} alt={`《${at.file.originalName}》第 ${at.page} 页`} />;
}

/** One page large, with 上一页 / 下一页 (also ← →) through all the item's pages, and turning. */
export function PagePreview({ pages, index, onIndex, actions }: Props) {
  const at = index === null ? undefined : pages[index];
  const go = (by: 1 | -1) => {
    if (index === null) return;
    const next = index + by;
    if (next >= 0 && next < pages.length) onIndex(next);
  };
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.key === 'ArrowLeft') go(-1);
    if (e.key === 'ArrowRight') go(1);
  });
  const open = at !== undefined;
  const readOnly = useReadOnly();
  useEffect(() => {
    if (!open) return;
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [open]);

  return (
    <Modal
      open={open}
      onCancel={() => onIndex(null)}
      title={
        at && (
          <span>
            第 {index! + 1} / {pages.length} 页
            <span className="tz-muted tz-page-preview-file">
              《{at.file.originalName}》{at.file.pageCount > 1 ? `第 ${at.page} 页` : ''}
            </span>
          </span>
        )
      }
      width="min(960px, 92vw)"
      centered
      footer={
        at && (
          <div className="tz-page-preview-footer">
            {!readOnly && <RotateButtons file={at.file} actions={actions} labelled />}
            <span className="tz-spacer" />
            <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => go(-1)}>
              上一页
            </Button>
            <Button disabled={index === pages.length - 1} onClick={() => go(1)}>
              下一页 <RightOutlined />
            </Button>
            <Button type="primary" onClick={() => onIndex(null)}>
              关闭
            </Button>
          </div>
        )
      }
    >
      <div className="tz-page-preview">{at && <PageImage key={`${at.file.id}:${at.page}`} at={at} />}</div>
    </Modal>
  );
}
