import { App, Button, Checkbox, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { api } from '../api';
import { useAction } from '../hooks/use-action';

type Suggestion = { materialId: number; indicatorId: number; by: 'code' | 'title'; matched: string };

type Props = {
  /** The items just added, by id, with the titles the report shows. */
  added: { id: number; title: string }[];
  indicators: IndicatorNode[];
  /** Links were made: lists and the gap check follow. */
  onLinked: () => void;
};

const keyOf = (s: Suggestion) => `${s.materialId}:${s.indicatorId}`;

/**
 * 建议关联 under 添加结果: folders and file names that carry an indicator's code or title
 * ("A2.3.2 道德讲堂/照片.jpg") suggest links; the user ticks which to make (all are ticked,
 * since a folder named after an indicator usually means it) and links them in one go.
 */
export function LinkSuggestions({ added, indicators, onLinked }: Props) {
  const { message } = App.useApp();
  const [list, setList] = useState<Suggestion[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [linked, setLinked] = useState<ReadonlySet<string>>(new Set());
  const { busy, run } = useAction();
  const ids = added.map((a) => a.id).join(',');

  useEffect(() => {
    let live = true;
    const wanted = ids ? ids.split(',').map(Number) : [];
    if (wanted.length === 0) return;
    void api.tryCall('materials.suggestLinks', { ids: wanted }).then((r) => {
      if (!live || !r.ok) return;
      // A later batch of the same add brings more: only its new suggestions start ticked, so
      // one the user unticked stays unticked.
      setList((before) => {
        const seen = new Set(before.map(keyOf));
        setChosen((prev) => new Set([...prev, ...r.value.map(keyOf).filter((k) => !seen.has(k))]));
        return r.value;
      });
    });
    return () => {
      live = false;
    };
  }, [ids]);

  const byId = useMemo(() => new Map(indicators.map((n) => [n.id, n])), [indicators]);
  const titles = useMemo(() => new Map(added.map((a) => [a.id, a.title])), [added]);
  const open = list.filter((s) => !linked.has(keyOf(s)) && byId.has(s.indicatorId));
  if (open.length === 0) return null;
  const picked = open.filter((s) => chosen.has(keyOf(s)));

  const linkPicked = () =>
    void run(async () => {
      // One call per indicator: materials.link takes many items for one indicator.
      const perIndicator = new Map<number, number[]>();
      for (const s of picked)
        perIndicator.set(s.indicatorId, [...(perIndicator.get(s.indicatorId) ?? []), s.materialId]);
      for (const [indicatorId, materialIds] of perIndicator)
        await api.call('materials.link', { ids: materialIds, indicatorId });
      setLinked((prev) => new Set([...prev, ...picked.map(keyOf)]));
      void message.success(`已关联 ${picked.length} 项`);
      onLinked();
    });

  const toggle = (key: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <section className="tz-link-suggestions" aria-label="建议关联">
      <div className="tz-link-suggestions-head">
        <strong>建议关联（{open.length}）</strong>
        <span className="tz-muted">文件夹或文件名里有指标编号或名称，勾选后一次关联</span>
        <span className="tz-spacer" />
        <Button type="primary" size="small" disabled={picked.length === 0} loading={busy} onClick={linkPicked}>
          关联选中的 {picked.length} 项
        </Button>
      </div>
      <Table
        size="small"
        rowKey={keyOf}
        pagination={{ pageSize: 6, hideOnSinglePage: true }}
        dataSource={open}
        columns={[
          {
            title: '',
            width: 36,
            render: (_: unknown, s: Suggestion) => (
              <Checkbox
                checked={chosen.has(keyOf(s))}
                onChange={(e) => toggle(keyOf(s), e.target.checked)}
                aria-label={`关联《${titles.get(s.materialId) ?? s.materialId}》`}
              />
            ),
          },
          {
            title: '材料',
            ellipsis: true,
            render: (_: unknown, s: Suggestion) => titles.get(s.materialId) ?? s.materialId,
          },
          {
            title: '建议关联到',
            ellipsis: true,
            render: (_: unknown, s: Suggestion) => {
              const n = byId.get(s.indicatorId)!;
              return `${n.code} ${n.title}`;
            },
          },
          {
            title: '依据',
            width: 170,
            ellipsis: true,
            render: (_: unknown, s: Suggestion) => `${s.by === 'code' ? '编号' : '名称'}：${s.matched}`,
          },
        ]}
      />
    </section>
  );
}
