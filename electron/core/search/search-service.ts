import type { Database } from 'better-sqlite3';
import {
  searchQuerySchema,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../../../shared/ipc/contract-search';
import { indicatorIndex } from './indicator-index';
import { searchIndicators } from './indicator-search';
import { hasFilters } from './material-filters';
import { searchMaterials } from './material-search';
import { normalizeText } from './normalize';

/*
 * One search over indicators and materials (the search box, `taizhang search`). Each kind
 * is ranked on its own scale; the scales interleave (indicator code > indicator title >
 * material title > material field > indicator 内容/要求 … see the two modules) so the list
 * reads best-first across both. Ties keep indicators first, then each kind's own order.
 */

export function search(db: Database, input: SearchQuery): SearchResult {
  const started = performance.now();
  const q = searchQuerySchema.parse(input);
  const hits: SearchHit[] = [];
  // Filters describe materials: with any set, indicators are not what is asked for.
  if (q.kind !== 'material' && !hasFilters(q.filters)) {
    hits.push(...searchIndicators(db, { text: q.text, systemId: q.systemId, limit: q.limit }));
  }
  if (q.kind !== 'indicator') {
    hits.push(...searchMaterials(db, { text: q.text, filters: q.filters, limit: q.limit }));
  }
  // Array.prototype.sort is stable: equal scores keep the order above.
  hits.sort((a, b) => b.score - a.score);
  return { hits: hits.slice(0, q.limit), tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

/**
 * Gets search ready ahead of the first keystroke: the indicator index (pinyin, ~0.2–0.5 s
 * for 2,000 indicators) and the Traditional→Simplified tables. For the host to call when a
 * project opens; search works without it, the first query just waits that long.
 */
export function warmUpSearch(db: Database): void {
  indicatorIndex(db);
  normalizeText('預熱');
}
