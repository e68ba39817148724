import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Empty, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { MethodOutput } from '../../../shared/ipc/contract';
import type { IndicatorNode, SystemSummary } from '../../../shared/systems/api-types';
import { api } from '../api';
import { errorText } from '../errors';

type Props = { open: boolean; systems: SystemSummary[]; onClose: () => void };
type Proposal = MethodOutput<'systems.editionMatch'>;
type Row = { oldId: number; by: 'code' | 'title' | null; score: number; links: number };
type Filter = 'all' | 'unmatched' | 'linked';

const label = (n: IndicatorNode | undefined) => (n ? `${n.code} ${n.title}` : '');
const systemLabel = (s: SystemSummary) => `${s.name}${s.edition ? `（${s.edition}）` : ''}`;
/** The value the 新版指标 select uses for "no counterpart" (ids are positive). */
const NONE = 0;

/** 新版对应: map the indicators of an old edition onto a new one and move material links. */
export function EditionMappingModal({ open, systems, onClose }: Props) {
  const { message } = App.useApp();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [choice, setChoice] = useState<Map<number, number>>(new Map());
  const [nodes, setNodes] = useState<Map<number, IndicatorNode>>(new Map());
  const [newNodes, setNewNodes] = useState<IndicatorNode[]>([]);
  const [filter, setFilter] = useState<Filter>('all');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    // The newest system is usually the new edition, the one before it the old.
    const sorted = [...systems].sort((a, b) => a.id - b.id);
    setFrom(sorted[sorted.length - 2]?.id ?? null);
    setTo(sorted[sorted.length - 1]?.id ?? null);
    setProposal(null);
    setError(null);
    setFilter('all');
  }, [open, systems]);

  const same = from !== null && from === to;

  const match = async () => {
    if (from === null || to === null || same) return;
    setBusy(true);
    setError(null);
    try {
      const [p, a, b] = await Promise.all([
        api.call('systems.editionMatch', { fromSystemId: from, toSystemId: to }),
        api.call('systems.tree', { systemId: from }),
        api.call('systems.tree', { systemId: to }),
      ]);
      setNodes(new Map([...a.indicators, ...b.indicators].map((n) => [n.id, n])));
      setNewNodes(b.indicators);
      setChoice(new Map(p.pairs.map((x) => [x.oldId, x.newId])));
      setProposal(p);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (from === null || to === null) return;
    setBusy(true);
    setError(null);
    try {
      const pairs = [...choice].filter(([, newId]) => newId !== NONE).map(([oldId, newId]) => ({ oldId, newId }));
      const r = await api.call('systems.editionApply', { fromSystemId: from, toSystemId: to, pairs });
      void message.success(`已迁移 ${r.movedLinks} 条关联`);
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const options = useMemo(
    () => [{ value: NONE, label: '不对应' }, ...newNodes.map((n) => ({ value: n.id, label: label(n) }))],
    [newNodes],
  );
  const rows: Row[] = useMemo(
    () =>
      proposal
        ? [
            ...proposal.pairs.map((p) => ({ oldId: p.oldId, by: p.by, score: p.score, links: p.links })),
            ...proposal.unmatchedOld.map((u) => ({ oldId: u.id, by: null, score: 0, links: u.links })),
          ]
        : [],
    [proposal],
  );
  const shown = rows.filter((r) =>
    filter === 'unmatched' ? (choice.get(r.oldId) ?? NONE) === NONE : filter === 'linked' ? r.links > 0 : true,
  );
  // New indicators nobody maps onto right now (the user's choices included), i.e. where material must be collected afresh.
  const unmatchedNew = useMemo(() => {
    const taken = new Set(choice.values());
    return newNodes.filter((n) => !taken.has(n.id));
  }, [choice, newNodes]);
  const unmatchedOld = rows.filter((r) => (choice.get(r.oldId) ?? NONE) === NONE);
  const strandedLinks = unmatchedOld.reduce((sum, r) => sum + r.links, 0);
  const systemOptions = systems.map((s) => ({ value: s.id, label: systemLabel(s) }));

  return (
    <Modal
      title="新版对应"
      open={open}
      width={1040}
      style={{ top: 24 }}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" disabled={!proposal} loading={busy} onClick={() => void apply()}>
            确认迁移
          </Button>
        </Space>
      }
    >
      <p className="tz-modal-lead">
        新版测评体系导入后，把旧版指标下已归好的材料移到对应的新版指标下（材料本身不复制、不删除）。系统按编码和名称给出建议，请逐条核对。
      </p>
      <div className="tz-edition-pick">
        <span>旧版</span>
        <Select
          value={from ?? undefined}
          onChange={(v: number) => {
            setFrom(v);
            setProposal(null);
          }}
          options={systemOptions}
          style={{ width: 300 }}
          aria-label="旧版"
        />
        <ArrowRightOutlined className="tz-muted" />
        <span>新版</span>
        <Select
          value={to ?? undefined}
          onChange={(v: number) => {
            setTo(v);
            setProposal(null);
          }}
          options={systemOptions}
          style={{ width: 300 }}
          aria-label="新版"
        />
        <Button
          type={proposal ? 'default' : 'primary'}
          onClick={() => void match()}
          loading={busy}
          disabled={from === null || to === null || same}
        >
          生成对应关系
        </Button>
      </div>
      {same && <Alert type="warning" showIcon title="旧版和新版是同一个测评体系，请选择两个不同的版本。" />}
      {error && <Alert type="error" showIcon title={error} className="tz-wizard-alert" />}
      {systems.length < 2 && <Empty description="需要先导入新版测评体系，才能做对应" />}
      {proposal && (
        <>
          <div className="tz-edition-summary">
            <span>
              已对应 <b>{rows.length - unmatchedOld.length}</b> 条
            </span>
            <span>
              旧版未对应 <b>{unmatchedOld.length}</b> 条
              {strandedLinks > 0 && <span className="tz-tone-warning">（其中 {strandedLinks} 件材料将留在旧版）</span>}
            </span>
            <span>
              新版无对应 <b>{unmatchedNew.length}</b> 条
            </span>
            <Segmented<Filter>
              size="small"
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: '全部' },
                { value: 'unmatched', label: '未对应' },
                { value: 'linked', label: '有材料的' },
              ]}
            />
          </div>
          <Table<Row>
            size="small"
            rowKey="oldId"
            pagination={false}
            virtual
            scroll={{ x: 960, y: 300 }}
            dataSource={shown}
            locale={{ emptyText: '没有符合条件的指标' }}
            columns={[
              {
                title: '旧版指标',
                width: 340,
                ellipsis: true,
                render: (_, r) => label(nodes.get(r.oldId)),
              },
              {
                title: '材料',
                dataIndex: 'links',
                width: 70,
                render: (n: number) => (n ? `${n} 件` : <span className="tz-muted">—</span>),
              },
              {
                title: '依据',
                width: 130,
                render: (_, r) =>
                  (choice.get(r.oldId) ?? NONE) === NONE ? (
                    <Tag color="orange">不对应</Tag>
                  ) : proposal.pairs.find((p) => p.oldId === r.oldId)?.newId !== choice.get(r.oldId) ? (
                    <Tag color="purple">手动指定</Tag>
                  ) : r.by === 'code' ? (
                    <Tag color="blue">编码相同</Tag>
                  ) : (
                    <Tag color="green">名称相似 {Math.round(r.score * 100)}%</Tag>
                  ),
              },
              {
                title: '新版指标',
                width: 420,
                render: (_, r) => (
                  <Select
                    size="small"
                    showSearch
                    optionFilterProp="label"
                    value={choice.get(r.oldId) ?? NONE}
                    options={options}
                    onChange={(v: number) => setChoice(new Map(choice).set(r.oldId, v))}
                    style={{ width: '100%' }}
                    aria-label={`${label(nodes.get(r.oldId))} 对应的新版指标`}
                  />
                ),
              },
            ]}
          />
          {unmatchedNew.length > 0 && (
            <Collapse
              size="small"
              className="tz-edition-new"
              items={[
                {
                  key: 'new',
                  label: `新版中没有旧版对应的指标 ${unmatchedNew.length} 条：这些指标需要新收集材料`,
                  children: (
                    <div className="tz-edition-new-list">
                      {unmatchedNew.map((n) => (
                        <Tag key={n.id}>{label(n)}</Tag>
                      ))}
                    </div>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
