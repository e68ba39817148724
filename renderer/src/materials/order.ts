/** An indicator's items in a new order, or null when the move would leave the order as it is. */
export type NewOrder = number[] | null;

const same = (a: number[], b: number[]) => a.every((id, i) => b[i] === id);

/** `id` taken out and put just before (or just after) `target`: what a drop onto a row means. */
export function placed(ids: number[], id: number, target: number, after: boolean): NewOrder {
  if (id === target || !ids.includes(id) || !ids.includes(target)) return null;
  const rest = ids.filter((x) => x !== id);
  const at = rest.indexOf(target) + (after ? 1 : 0);
  const next = [...rest.slice(0, at), id, ...rest.slice(at)];
  return same(next, ids) ? null : next;
}

/** `id` swapped with its neighbour above (-1) or below (1): 上移 / 下移. */
export function shifted(ids: number[], id: number, step: -1 | 1): NewOrder {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next[from] = ids[to];
  next[to] = id;
  return next;
}
