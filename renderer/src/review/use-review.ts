import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewItem } from '../../../shared/ipc/contract-review';
import { api } from '../api';
import { useCoreEvent } from '../hooks/use-core-event';

export type ReviewState = {
  items: ReviewItem[];
  loading: boolean;
  error: string | null;
  /** Puts a marked item's new state in place at once (the reload after project.changed confirms it). */
  replace: (item: ReviewItem) => void;
};

/** The evidence of an indicator and its subtree in binding order, kept fresh while the screen is open. */
export function useReview(indicatorId: number | null, active: boolean): ReviewState {
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    if (indicatorId === null || !active) {
      setItems([]);
      return;
    }
    setLoading(true);
    const r = await api.tryCall('review.items', { indicatorId });
    if (mine !== generation.current) return;
    setLoading(false);
    if (r.ok) {
      setItems(r.value.items);
      setError(null);
    } else setError(r.error.message);
  }, [indicatorId, active]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useCoreEvent((event) => {
    if (event.type === 'project.changed') void reload();
  });

  const replace = useCallback((item: ReviewItem) => {
    setItems((list) => list.map((i) => (i.material.id === item.material.id ? item : i)));
  }, []);

  return { items, loading, error, replace };
}
