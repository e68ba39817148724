import { Popover, Spin, Tag } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { Material } from '../../../shared/materials/api-types';
import { STATUS_LABELS } from '../../../shared/materials/api-types';
import { api } from '../api';

/** Enough to recognise the items; a count rule met by hundreds lists the first ones and says how many more. */
const SHOWN = 20;

type Props = {
  itemIds: number[];
  /** Items already loaded (the centre pane's list): no call for those. */
  known?: ReadonlyMap<number, Material>;
  title: string;
  children: ReactNode;
};

/** Hovering a finding or a met rule shows the items that count toward it, with their dates. */
export function GapItems({ itemIds, known, title, children }: Props) {
  return (
    <Popover
      title={title}
      content={<ItemList itemIds={itemIds} known={known} />}
      mouseEnterDelay={0.25}
      placement="left"
      destroyOnHidden
    >
      {children}
    </Popover>
  );
}

function ItemList({ itemIds, known }: { itemIds: number[]; known?: ReadonlyMap<number, Material> }) {
  const ids = itemIds.slice(0, SHOWN);
  const [fetched, setFetched] = useState<Map<number, Material | null>>(new Map());
  const missing = ids.filter((id) => !known?.has(id) && !fetched.has(id));
  const key = missing.join(',');

  useEffect(() => {
    if (!key) return;
    let live = true;
    const wanted = key.split(',').map(Number);
    void Promise.all(wanted.map((id) => api.tryCall('materials.get', { id }))).then((results) => {
      if (!live) return;
      setFetched((prev) => {
        const next = new Map(prev);
        // An item gone since the check (trashed meanwhile) is shown as such rather than left spinning.
        results.forEach((r, i) => next.set(wanted[i]!, r.ok ? r.value : null));
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [key]);

  if (itemIds.length === 0) return <div className="tz-gap-items-none">还没有计入的材料</div>;
  return (
    <ul className="tz-gap-items" aria-label="计入的材料">
      {ids.map((id) => {
        const m = known?.get(id) ?? fetched.get(id);
        if (m === undefined)
          return (
            <li key={id}>
              <Spin size="small" />
            </li>
          );
        if (m === null)
          return (
            <li key={id} className="tz-muted">
              （这件材料已删除）
            </li>
          );
        return (
          <li key={id}>
            <span className="tz-gap-item-date">{m.date ?? '无日期'}</span>
            <span className="tz-gap-item-title">{m.title}</span>
            {m.type && (
              <Tag className="tz-inline-tag" bordered={false}>
                {m.type}
              </Tag>
            )}
            {(m.status === 'incomplete' || m.status === 'rejected') && (
              <Tag className="tz-inline-tag" color={m.status === 'rejected' ? 'red' : 'gold'} bordered={false}>
                {STATUS_LABELS[m.status]}
              </Tag>
            )}
          </li>
        );
      })}
      {itemIds.length > SHOWN && <li className="tz-muted">等共 {itemIds.length} 件</li>}
    </ul>
  );
}
