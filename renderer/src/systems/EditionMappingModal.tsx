import { Alert, App, Button, Empty, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { MethodOutput } from '../../../shared/ipc/contract';
import type { IndicatorNode, SystemSummary } from '../../../shared/systems/api-types';
import { api } from '../api';
import { errorText } from '../errors';

type Props = { open: boolean; systems: SystemSummary[]; onClose: () => void };
type Proposal = MethodOutput<'systems.editionMatch'>;

const label = (n: IndicatorNode | undefined) => (n ? `${n.code} ${n.title}` : '');

/** 新版对应: map the indicators of an old edition onto a new one and move material links. */
export function EditionMappingModal({ open, systems, onClose }: Props) {
  const { message } = App.useApp();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [choice, setChoice] = useState<Map<number, number | null>>(new Map());
  const [nodes, setNodes] = useState<Map<number, IndicatorNode>>(new Map());
  const [newNodes, setNewNodes] = useState<IndicatorNode[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const sorted = [...systems].sort((a, b) => a.id - b.id);
    setFrom(sorted[sorted.length - 2]?.id ?? null);
    setTo(sorted[sorted.length - 1]?.id ?? null);
    setProposal(null);
    setError(null);
  }, [open, systems]);

  const match = async () => {
    if (from === null || to === null) return;
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
    try {
      const pairs = [...choice]
        .filter((e): e is [number, number] => e[1] !== null)
        .map(([oldId, newId]) => ({ oldId, newId }));
      const r = await api.call('systems.editionApply', { fromSystemId: from, toSystemId: to, pairs });
      void message.success(`已迁移 ${r.movedLinks} 条材料关联`);
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const options = useMemo(
    () => [{ value: 0, label: '不对应' }, ...newNodes.map((n) => ({ value: n.id, label: label(n) }))],
    [newNodes],
  );
  const rows = proposal
    ? [
        ...proposal.pairs.map((p) => ({ ...p, matched: true })),
        ...proposal.unmatchedOld.map((u) => ({
          oldId: u.id,
          newId: 0,
          by: null,
          score: 0,
          links: u.links,
          matched: false,
        })),
      ]
    : [];
  const systemOptions = systems.map((s) => ({ value: s.id, label: `${s.name}${s.edition ? `（${s.edition}）` : ''}` }));

  return (
    <Modal
      title="新版测评体系对应"
      open={open}
      width={1000}
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
      <p className="tz-muted">
        新版体系导入后，把旧版指标下已归好的材料按对应关系移到新版指标下。系统按编码和名称相似度给出建议，请逐条核对。
      </p>
      <Space wrap className="tz-edition-pick">
        旧版
        <Select
          value={from ?? undefined}
          onChange={setFrom}
          options={systemOptions}
          style={{ width: 280 }}
          aria-label="旧版"
        />
        新版
        <Select
          value={to ?? undefined}
          onChange={setTo}
          options={systemOptions}
          style={{ width: 280 }}
          aria-label="新版"
        />
        <Button onClick={() => void match()} loading={busy} disabled={from === null || to === null}>
          生成对应关系
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {systems.length < 2 && <Empty description="需要先导入新版测评体系，才能做对应" />}
      {proposal && (
        <>
          <Table
            size="small"
            rowKey="oldId"
            pagination={false}
            scroll={{ y: 340 }}
            dataSource={rows}
            columns={[
              { title: '旧版指标', render: (_, r) => label(nodes.get(r.oldId)) },
              { title: '材料', dataIndex: 'links', width: 60, render: (n: number) => (n ? `${n} 件` : '') },
              {
                title: '依据',
                width: 110,
                render: (_, r) =>
                  r.by === 'code' ? (
                    <Tag color="blue">编码相同</Tag>
                  ) : r.by === 'title' ? (
                    <Tag color="green">名称相似 {Math.round(r.score * 100)}%</Tag>
                  ) : (
                    <Tag>未找到</Tag>
                  ),
              },
              {
                title: '新版指标',
                width: 380,
                render: (_, r) => (
                  <Select
                    size="small"
                    showSearch
                    optionFilterProp="label"
                    value={choice.get(r.oldId) ?? 0}
                    options={options}
                    onChange={(v: number) => setChoice(new Map(choice).set(r.oldId, v || null))}
                    style={{ width: '100%' }}
                  />
                ),
              },
            ]}
          />
          <p className="tz-muted">
            新版中没有对应旧指标的：{proposal.unmatchedNew.length} 条
            {proposal.unmatchedNew.length > 0 &&
              `（如 ${proposal.unmatchedNew
                .slice(0, 3)
                .map((u) => label(nodes.get(u.id)))
                .join('、')}）`}
            ，这些指标需要新收集材料。
          </p>
        </>
      )}
    </Modal>
  );
}
