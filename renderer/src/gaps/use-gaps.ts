import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GapIndicatorResult, GapResult } from '../../../shared/gaps/model';
import { api } from '../api';
import { useCoreEvent } from '../hooks/use-core-event';

export type GapsState = {
  /** The last answer for the shown system; kept while a fresh one is on its way, so badges never blink. */
  result: GapResult | null;
  byId: ReadonlyMap<number, GapIndicatorResult>;
  error: string | null;
  /** A check is running (the first one, or one after a change). */
  checking: boolean;
  /** Checks again soon; calls close together (an edit, then the core's change event) run one check. */
  reload: () => void;
};

/**
 * Edits come in bursts (a save, then the core's project.changed; an add job's many items):
 * wait this long for the burst to end. The check itself takes a fraction of a second.
 */
const SETTLE_MS = 120;

/** 查漏补缺 for the system on screen, checked again whenever the project or its evidence changes. */
export function useGaps(systemId: number | null): GapsState {
  const [result, setResult] = useState<GapResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const check = useCallback(async () => {
    const mine = ++generation.current;
    if (systemId === null) {
      setResult(null);
      setChecking(false);
      return;
    }
    setChecking(true);
    const r = await api.tryCall('gaps.check', { systemId });
    // A later check (or another system) has started: its answer is the one to show.
    if (mine !== generation.current) return;
    if (r.ok) {
      setResult(r.value);
      setError(null);
    } else setError(r.error.message);
    setChecking(false);
  }, [systemId]);

  const reload = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void check();
    }, SETTLE_MS);
  }, [check]);

  useEffect(() => {
    // Another system's results must not stay on this system's tree, not even for a moment.
    setResult(null);
    void check();
    return () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [check]);

  useCoreEvent((event) => {
    if (event.type === 'project.changed') reload();
  });

  const byId = useMemo(() => new Map((result?.indicators ?? []).map((r) => [r.id, r])), [result]);
  return { result, byId, error, checking, reload };
}
