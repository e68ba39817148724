import { useEffect, useState } from 'react';
import type { MaterialFile } from '../../../shared/materials/api-types';
import { api } from '../api';

export type PageSize = 'thumb' | 'preview';
export type PageImage = { src: string; width: number; height: number };
/** undefined while loading, null when the core could not make this page. */
export type PageState = PageImage | null | undefined;

/**
 * The core renders PDF pages on a 2-core PC; a long PDF scrolled past quickly must not queue
 * hundreds of renders ahead of the page the user stopped at, so only a few run at once and a
 * request whose tile has gone by the time its turn comes is dropped.
 */
const PARALLEL = 3;
let running = 0;
const queue: { wanted: () => boolean; start: () => void }[] = [];

function pump(): void {
  while (running < PARALLEL && queue.length > 0) {
    const next = queue.shift()!;
    if (!next.wanted()) continue;
    running++;
    next.start();
  }
}

function limited<T>(work: () => Promise<T>, wanted: () => boolean): Promise<T | undefined> {
  return new Promise((resolve) => {
    queue.push({
      wanted: () => {
        if (wanted()) return true;
        resolve(undefined);
        return false;
      },
      start: () =>
        void work()
          .then(resolve, () => resolve(undefined))
          .finally(() => {
            running--;
            pump();
          }),
    });
    pump();
  });
}

/**
 * Rendered pages by file, rotation, page and size: a turned file is a different picture.
 * Failures are not kept, so showing the item again tries again (a conversion may have finished).
 */
const cache = new Map<string, PageImage>();
const CACHE_LIMIT = 600;

function remember(key: string, value: PageImage): void {
  cache.set(key, value);
  // Oldest first: a Map iterates in insertion order.
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

/** One page of a file as an image, fetched once `enabled` (the tile is on screen). */
export function usePageImage(file: MaterialFile, page: number, size: PageSize, enabled = true): PageState {
  const key = `${file.id}:${file.sha256}:${file.rotation}:${page}:${size}`;
  const [state, setState] = useState<{ key: string; value: PageState }>({ key, value: cache.get(key) });
  useEffect(() => {
    if (cache.has(key)) {
      setState({ key, value: cache.get(key) });
      return;
    }
    if (!enabled) return;
    let live = true;
    void limited(
      () => api.tryCall('materials.page', { fileId: file.id, page, size }),
      () => live,
    ).then((r) => {
      if (!r) return;
      const value = r.ok
        ? { src: `data:image/jpeg;base64,${r.value.dataBase64}`, width: r.value.width, height: r.value.height }
        : null;
      if (value) remember(key, value);
      if (live) setState({ key, value });
    });
    return () => {
      live = false;
    };
  }, [key, enabled, file.id, page, size]);
  return state.key === key ? state.value : cache.get(key);
}

/** Every page of an item in reading order, across its files. */
export type PageRef = { file: MaterialFile; page: number };

export function pagesOf(files: MaterialFile[]): PageRef[] {
  return files.flatMap((file) =>
    Array.from({ length: Math.max(1, file.pageCount) }, (_, i) => ({ file, page: i + 1 })),
  );
}
