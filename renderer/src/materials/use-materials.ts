import { useCallback, useEffect, useRef, useState } from 'react';
import type { Material } from '../../../shared/materials/api-types';
import { api } from '../api';
import { useCoreEvent } from '../hooks/use-core-event';
import type { Selection } from '../components/IndicatorPane';

/** The items the centre pane shows for the current selection; reloads when the project changes. */
export function useMaterials(selection: Selection): {
  items: Material[];
  loading: boolean;
  reload: () => Promise<void>;
  /** Saves the selected indicator's items in this order (binding order); shown at once, then reloaded. */
  arrange: (ids: number[]) => Promise<void>;
} {
  const [items, setItems] = useState<Material[]>([]);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const filter =
      selection?.kind === 'indicator'
        ? { indicatorId: selection.id }
        : selection?.kind === 'unsorted'
          ? { inbox: true }
          : selection?.kind === 'trash'
            ? { trash: true }
            : null;
    if (!filter) {
      setItems([]);
      return;
    }
    setLoading(true);
    const r = await api.tryCall('materials.list', filter);
    if (mine !== generation.current) return;
    setItems(r.ok ? r.value : []);
    setLoading(false);
  }, [selection]);

  const arrange = useCallback(
    async (ids: number[]) => {
      if (selection?.kind !== 'indicator') return;
      // The dropped row stays where the user put it while the core saves; a listing already
      // on its way (with the old order) must not move it back.
      generation.current++;
      const position = new Map(ids.map((id, i) => [id, i]));
      setItems((prev) => [...prev].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0)));
      try {
        await api.call('materials.arrange', { indicatorId: selection.id, ids });
      } finally {
        await reload();
      }
    },
    [selection, reload],
  );

  useEffect(() => {
    void reload();
  }, [reload]);
  useCoreEvent((event) => {
    if (event.type === 'project.changed') void reload();
  });
  return { items, loading, reload, arrange };
}
