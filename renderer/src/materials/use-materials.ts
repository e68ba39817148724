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

  useEffect(() => {
    void reload();
  }, [reload]);
  useCoreEvent((event) => {
    if (event.type === 'project.changed') void reload();
  });
  return { items, loading, reload };
}
