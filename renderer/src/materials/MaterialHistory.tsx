import { Button, Collapse, Input, Timeline } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Material } from '../../../shared/materials/api-types';
import type { IndicatorNode } from '../../../shared/systems/api-types';
import { api } from '../api';
import { formatDateTime } from '../format';
import { useAction } from '../hooks/use-action';
import { historyLine, type HistoryEntry, type HistoryNames } from './history-text';

const DOT_COLORS = { comment: 'blue', status: 'green', change: 'gray' } as const;

/** The item's history, newest first; reloaded whenever the item itself was reloaded after an edit. */
function useHistory(material: Material): { entries: HistoryEntry[] | null; reload: () => Promise<void> } {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const r = await api.tryCall('materials.history', { id: material.id });
    if (mine === generation.current) setEntries(r.ok ? [...r.value].reverse() : []);
  }, [material]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { entries, reload };
}

type Props = { material: Material; indicators: IndicatorNode[] };

/** 意见与记录: who did what to this item and when, and a box for a reviewer's or collector's comment. */
export function MaterialHistory({ material, indicators }: Props) {
  const { entries, reload } = useHistory(material);
  const [text, setText] = useState('');
  const { busy, run } = useAction();
  const names = useMemo<HistoryNames>(() => {
    const byId = new Map(indicators.map((n) => [n.id, `${n.code} ${n.title}`]));
    const files = new Map(material.files.map((f) => [f.id, f.originalName]));
    return { indicator: (id) => byId.get(id) ?? null, file: (id) => files.get(id) ?? null };
  }, [indicators, material.files]);

  const post = () =>
    run(async () => {
      await api.call('materials.comment', { id: material.id, text });
      setText('');
      await reload();
    });

  const items = (entries ?? []).map((e, i) => {
    const line = historyLine(e, names);
    return {
      key: `${e.at}-${i}`,
      color: DOT_COLORS[line.kind],
      content: (
        <div className={`tz-history-line tz-history-${line.kind}`}>
          <div className="tz-history-meta">
            {e.userName} · {formatDateTime(e.at)}
          </div>
          <div className="tz-history-text">{line.text}</div>
        </div>
      ),
    };
  });

  return (
    <Collapse
      className="tz-history"
      size="small"
      ghost
      defaultActiveKey={['history']}
      items={[
        {
          key: 'history',
          label: `意见与记录${entries ? `（${entries.length}）` : ''}`,
          children: (
            <>
              <div className="tz-comment-box">
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  maxLength={1000}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder="写下审核意见或说明，例如：请补充签到表"
                  aria-label="意见内容"
                />
                <Button size="small" type="primary" disabled={!text.trim()} loading={busy} onClick={() => void post()}>
                  发表意见
                </Button>
              </div>
              {entries?.length === 0 ? (
                <div className="tz-muted">还没有记录</div>
              ) : (
                <Timeline className="tz-history-list" items={items} />
              )}
            </>
          ),
        },
      ]}
    />
  );
}
