import { App } from 'antd';
import { useCallback, useRef } from 'react';
import type { SearchHit } from '../../../shared/ipc/contract-search';
import { api } from '../api';
import type { Selection } from '../components/IndicatorPane';
import { errorText } from '../errors';
import type { PageFocus } from '../materials/MaterialPages';
import type { SystemsState } from '../systems/use-systems';

/** What the main window does to show something found: select a place in the tree, open an item, at a page. */
export type ShowTarget = {
  selection: Selection;
  /** Open this item in the detail pane. */
  materialId?: number;
  /** And its large page view at this page. */
  page?: Omit<PageFocus, 'seq'>;
};

/**
 * Opens a search hit (or a notification's item) in place: an indicator is selected in the tree
 * (switching 测评体系 when it is another one's); an item is opened in the detail pane under
 * the indicator it is linked to (the shown system's first, else any), or under 待归类 /
 * 回收站, and at the page whose text matched.
 */
export function useOpenHit(systems: SystemsState, show: (target: ShowTarget) => void) {
  const { message } = App.useApp();
  // Which system each indicator of other systems belongs to, asked once per system.
  const trees = useRef(new Map<number, Set<number>>());

  const systemOf = useCallback(
    async (indicatorId: number): Promise<number | null> => {
      if (systems.indicators.some((n) => n.id === indicatorId)) return systems.systemId;
      for (const s of systems.systems) {
        if (s.id === systems.systemId) continue;
        let ids = trees.current.get(s.id);
        if (!ids) {
          const tree = await api.call('systems.tree', { systemId: s.id });
          ids = new Set(tree.indicators.map((n) => n.id));
          trees.current.set(s.id, ids);
        }
        if (ids.has(indicatorId)) return s.id;
      }
      return null;
    },
    [systems.indicators, systems.systems, systems.systemId],
  );

  const openIndicator = useCallback(
    (id: number, systemId: number | null | undefined) => {
      if (systemId && systemId !== systems.systemId) systems.select(systemId);
      show({ selection: { kind: 'indicator', id } });
    },
    [systems, show],
  );

  const openMaterial = useCallback(
    async (id: number, page?: Omit<PageFocus, 'seq'>) => {
      try {
        const m = await api.call('materials.get', { id });
        const focus = { materialId: m.id, page };
        if (m.deletedAt) return show({ selection: { kind: 'trash' }, ...focus });
        if (m.indicatorIds.length === 0) return show({ selection: { kind: 'unsorted' }, ...focus });
        const here = m.indicatorIds.find((i) => systems.indicators.some((n) => n.id === i));
        if (here !== undefined) return show({ selection: { kind: 'indicator', id: here }, ...focus });
        const first = m.indicatorIds[0]!;
        const systemId = await systemOf(first);
        if (systemId && systemId !== systems.systemId) systems.select(systemId);
        show({ selection: { kind: 'indicator', id: first }, ...focus });
      } catch (e) {
        void message.error(errorText(e));
      }
    },
    [systems, show, systemOf, message],
  );

  const openHit = useCallback(
    (hit: SearchHit) => {
      if (hit.kind === 'indicator') openIndicator(hit.id, hit.systemId);
      else void openMaterial(hit.id, hit.page !== undefined ? { fileId: hit.fileId, page: hit.page } : undefined);
    },
    [openIndicator, openMaterial],
  );

  return { openHit, openMaterial, openIndicator };
}
