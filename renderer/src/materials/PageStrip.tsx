import { Button } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MaterialFile } from '../../../shared/materials/api-types';
import { pagesOf, usePageImage, type PageRef } from './page-images';
import { Thumb } from './Thumb';

/** Pages shown at first and per "再显示": a 300-page PDF should not ask for 300 renders at once. */
const STEP = 40;

/** Becomes true once the element has been on screen (it stays true: the picture is kept). */
function useSeen(): [React.RefObject<HTMLButtonElement | null>, boolean] {
  const ref = useRef<HTMLButtonElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen]);
  return [ref, seen];
}

/** `no` counts through the whole item, as the pages will be numbered once bound. */
type TileProps = { at: PageRef; no: number; label: string; onOpen: () => void; onBroken: () => void };

function PageTile({ at, no, label, onOpen, onBroken }: TileProps) {
  const [ref, seen] = useSeen();
  const image = usePageImage(at.file, at.page, 'thumb', seen);
  useEffect(() => {
    if (image === null) onBroken();
  }, [image, onBroken]);
  return (
    <button type="button" ref={ref} className="tz-page-tile" onClick={onOpen} aria-label={`查看${label}`}>
      {image ? <img src={image.src} alt={label} /> : <span className="tz-page-tile-blank" />}
      <span className="tz-page-tile-no">{no}</span>
    </button>
  );
}

type Props = { files: MaterialFile[]; onOpen: (index: number) => void };

/**
 * Every page of the item, file after file. A file whose pages cannot be drawn falls back to
 * its single thumbnail (or kind icon), as the pane showed before page previews existed.
 */
export function PageStrip({ files, onOpen }: Props) {
  const [shown, setShown] = useState(STEP);
  const [broken, setBroken] = useState<ReadonlySet<number>>(new Set());
  const pages = pagesOf(files);
  const markBroken = useCallback(
    (fileId: number) => setBroken((prev) => (prev.has(fileId) ? prev : new Set(prev).add(fileId))),
    [],
  );

  const tiles = pages.slice(0, shown).map((at, index) => {
    if (broken.has(at.file.id)) {
      return at.page === 1 ? (
        <Thumb key={`t${at.file.id}`} sha256={at.file.sha256} mime={at.file.mime} size={64} />
      ) : null;
    }
    const label = `《${at.file.originalName}》第 ${at.page} 页`;
    return (
      <PageTile
        key={`${at.file.id}:${at.page}`}
        at={at}
        no={index + 1}
        label={label}
        onOpen={() => onOpen(index)}
        onBroken={() => markBroken(at.file.id)}
      />
    );
  });

  return (
    <div className="tz-page-strip" role="group" aria-label="页面预览">
      {tiles}
      {pages.length > shown && (
        <Button size="small" className="tz-page-more" onClick={() => setShown(shown + STEP)}>
          再显示 {Math.min(STEP, pages.length - shown)} 页（共 {pages.length} 页）
        </Button>
      )}
    </div>
  );
}
