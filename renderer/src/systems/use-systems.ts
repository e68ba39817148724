import { useCallback, useEffect, useRef, useState } from 'react';
import type { IndicatorNode, SystemSummary } from '../../../shared/systems/api-types';
import { api } from '../api';
import { useCoreEvent } from '../hooks/use-core-event';

export type SystemsState = {
  systems: SystemSummary[];
  systemId: number | null;
  system: SystemSummary | null;
  indicators: IndicatorNode[];
  loading: boolean;
  error: string | null;
  select: (systemId: number) => void;
  reload: () => Promise<void>;
  /** Replaces one indicator after an edit, without reloading the whole tree. */
  replace: (node: IndicatorNode) => void;
};

/** The project's systems and the tree of the one being shown; reloads when the project changes. */
export function useSystems(): SystemsState {
  const [systems, setSystems] = useState<SystemSummary[]>([]);
  const [systemId, setSystemId] = useState<number | null>(null);
  const [indicators, setIndicators] = useState<IndicatorNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const wanted = useRef<number | null>(null);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const list = await api.tryCall('systems.list', {});
    if (mine !== generation.current) return;
    if (!list.ok) {
      setError(list.error.message);
      setLoading(false);
      return;
    }
    setSystems(list.value);
    const keep = list.value.find((s) => s.id === wanted.current) ?? list.value[list.value.length - 1] ?? null;
    wanted.current = keep?.id ?? null;
    setSystemId(keep?.id ?? null);
    if (!keep) {
      setIndicators([]);
      setLoading(false);
      return;
    }
    const tree = await api.tryCall('systems.tree', { systemId: keep.id });
    if (mine !== generation.current) return;
    if (tree.ok) {
      setIndicators(tree.value.indicators);
      setError(null);
    } else setError(tree.error.message);
    setLoading(false);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);
  useCoreEvent((event) => {
    if (event.type === 'project.changed') void reload();
  });

  const select = useCallback(
    (id: number) => {
      wanted.current = id;
      void reload();
    },
    [reload],
  );
  const replace = useCallback((node: IndicatorNode) => {
    setIndicators((list) => list.map((n) => (n.id === node.id ? node : n)));
  }, []);

  return {
    systems,
    systemId,
    system: systems.find((s) => s.id === systemId) ?? null,
    indicators,
    loading,
    error,
    select,
    reload,
    replace,
  };
}
