import { useMemo } from 'react';
import type { IndicatorNode } from '../../../shared/systems/api-types';

export type IndicatorOption = { value: number; title: string; children: IndicatorOption[] };

/** The tree as a TreeSelect's options ("A1.2 创建工作领导机构"), without indicators that do not apply. */
export function useIndicatorOptions(indicators: IndicatorNode[]): IndicatorOption[] {
  return useMemo(() => {
    const byParent = new Map<number | null, IndicatorNode[]>();
    for (const n of indicators) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
    const build = (parent: number | null): IndicatorOption[] =>
      (byParent.get(parent) ?? [])
        .filter((n) => n.applicable)
        .map((n) => ({ value: n.id, title: n.code ? `${n.code} ${n.title}` : n.title, children: build(n.id) }));
    return build(null);
  }, [indicators]);
}
