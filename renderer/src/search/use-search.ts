import { useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchQuery } from '../../../shared/ipc/contract-search';
import { api } from '../api';

/** Long enough to skip the keys of a word being typed, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 150;

export type SearchState = {
  hits: SearchHit[];
  /** A query is on its way (the last answer is still shown meanwhile). */
  searching: boolean;
  /** The text the shown hits answer, so "no match for X" names the right X. */
  answered: string;
  error: string | null;
};

const IDLE: SearchState = { hits: [], searching: false, answered: '', error: null };

/**
 * The hits for `query`, asked `SEARCH_DEBOUNCE_MS` after the last change. Typing never waits
 * for the core: each answer is taken only if no newer query has been asked since (an older
 * answer arriving late is dropped). `null` asks nothing and clears the hits.
 */
export function useSearch(query: SearchQuery | null): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  const asked = useRef(0);
  const key = query ? JSON.stringify(query) : null;

  useEffect(() => {
    const mine = ++asked.current;
    if (key === null) {
      setState(IDLE);
      return;
    }
    const input = JSON.parse(key) as SearchQuery;
    setState((s) => ({ ...s, searching: true }));
    const timer = window.setTimeout(() => {
      void api.tryCall('search.query', input).then((r) => {
        if (mine !== asked.current) return;
        setState(
          r.ok
            ? { hits: r.value.hits, searching: false, answered: input.text ?? '', error: null }
            : { hits: [], searching: false, answered: input.text ?? '', error: r.error.message },
        );
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [key]);

  return state;
}
