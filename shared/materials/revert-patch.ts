import type { Caption, Material, MaterialPatch } from './api-types';

/**
 * The edits that put items back as they were before `patch` was applied to all of them (the
 * 撤销 of a batch edit). Only the fields the patch touched are restored, and within 照片说明
 * only the parts it touched; items with the same earlier values share one edit.
 */
export function revertPatches(items: Material[], patch: MaterialPatch): { ids: number[]; patch: MaterialPatch }[] {
  const groups = new Map<string, { ids: number[]; patch: MaterialPatch }>();
  for (const item of items) {
    const before: MaterialPatch = {};
    for (const key of Object.keys(patch) as (keyof MaterialPatch)[]) {
      if (key === 'caption') {
        const parts = Object.keys(patch.caption ?? {}) as (keyof Caption)[];
        before.caption = Object.fromEntries(parts.map((p) => [p, item.caption[p]]));
      } else {
        (before as Record<string, unknown>)[key] = item[key];
      }
    }
    const id = JSON.stringify(before);
    const group = groups.get(id) ?? { ids: [], patch: before };
    group.ids.push(item.id);
    groups.set(id, group);
  }
  return [...groups.values()];
}
