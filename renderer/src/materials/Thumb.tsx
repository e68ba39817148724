import { FilePdfOutlined, FileOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { api } from '../api';

/** Thumbnails already fetched, by file hash (they never change: the hash is the content). */
const cache = new Map<string, string | null>();

/** A file's preview image, fetched when first shown. */
export function Thumb({ sha256, mime, size = 48 }: { sha256: string; mime: string; size?: number }) {
  const [src, setSrc] = useState<string | null | undefined>(cache.get(sha256));
  useEffect(() => {
    if (cache.has(sha256)) {
      setSrc(cache.get(sha256));
      return;
    }
    let live = true;
    void api.tryCall('materials.thumbnail', { sha256 }).then((r) => {
      const url = r.ok && r.value.dataBase64 ? `data:image/jpeg;base64,${r.value.dataBase64}` : null;
      cache.set(sha256, url);
      if (live) setSrc(url);
    });
    return () => {
      live = false;
    };
  }, [sha256]);
  const style = { width: size, height: size };
  if (src) return <img className="tz-thumb" src={src} alt="缩略图" style={style} />;
  return (
    <span className="tz-thumb tz-thumb-icon" style={style}>
      {mime === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />}
    </span>
  );
}
