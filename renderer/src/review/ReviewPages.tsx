import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Material } from '../../../shared/materials/api-types';
import { pagesOf, usePageImage, type PageRef } from '../materials/page-images';
import { Thumb } from '../materials/Thumb';

/** Becomes true once the element comes near the screen, and stays true (the picture is kept). */
function useNear(): [React.RefObject<HTMLDivElement | null>, boolean] {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '600px 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

function ReviewPage({ at, no, total }: { at: PageRef; no: number; total: number }) {
  const [ref, near] = useNear();
  const image = usePageImage(at.file, at.page, 'preview', near);
  const label = `《${at.file.originalName}》${at.file.pageCount > 1 ? `第 ${at.page} 页` : ''}`;
  return (
    <figure className="tz-review-page" aria-label={`第 ${no} / ${total} 页`}>
      <div ref={ref} className="tz-review-page-frame">
        {image ? (
          <img src={image.src} alt={label} width={image.width} height={image.height} />
        ) : image === null ? (
          <div className="tz-review-page-missing">
            <Thumb sha256={at.file.sha256} mime={at.file.mime} size={160} />
            <div className="tz-muted">这一页暂时无法显示大图，可以用原软件打开文件查看。</div>
          </div>
        ) : (
          <Spin />
        )}
      </div>
      <figcaption className="tz-muted">
        第 {no} / {total} 页 · {label}
      </figcaption>
    </figure>
  );
}

/** Every page of the item, large, one under another (the reviewer reads them like the bound volume). */
export function ReviewPages({ material }: { material: Material }) {
  const pages = pagesOf(material.files);
  if (pages.length === 0) return <div className="tz-muted tz-review-nopages">这件材料没有文件。</div>;
  return (
    <div className="tz-review-pages">
      {pages.map((at, i) => (
        <ReviewPage key={`${at.file.id}:${at.file.rotation}:${at.page}`} at={at} no={i + 1} total={pages.length} />
      ))}
    </div>
  );
}
