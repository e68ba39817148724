import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useCoreEvent } from '../hooks/use-core-event';

export type MaterialCounts = { inbox: number; trash: number; all: number };

/**
 * 待归类 and 回收站 counts for the left pane. The core announces adds and project switches
 * (project.changed); edits made in this window (link, trash, merge…) call `reload` themselves.
 */
export function useMaterialCounts(): { counts: MaterialCounts | null; reload: () => Promise<void> } {
  const [counts, setCounts] = useState<MaterialCounts | null>(null);
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const r = await api.tryCall('materials.counts', {});
    if (mine === generation.current) setCounts(r.ok ? r.value : null);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  useCoreEvent((event) => {
    if (event.type === 'project.changed') void reload();
  });
  return { counts, reload };
}
