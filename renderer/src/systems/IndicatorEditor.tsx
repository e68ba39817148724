import { CheckOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, InputNumber, Select, Switch, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GapIndicatorResult } from '../../../shared/gaps/model';
import type { Material } from '../../../shared/materials/api-types';
import type { IndicatorNode, IndicatorPatch, Person } from '../../../shared/systems/api-types';
import type { Rule } from '../../../shared/systems/model';
import { api } from '../api';
import { errorText } from '../errors';
import { GapPreview } from '../gaps/GapPreview';
import { ruleLabel } from './rule-label';
import { RuleForm } from './RuleForm';

type Props = {
  node: IndicatorNode | null;
  /** Only leaves are checked against their rules; a branch's result is its leaves' together. */
  isLeaf: boolean;
  /** The indicator's current 查漏补缺 result (of what is saved), and whether a check is running. */
  gap: GapIndicatorResult | undefined;
  checking: boolean;
  /** Its items as the centre pane has them, for the items shown on hovering a finding. */
  items: Material[];
  levelName: string;
  onSaved: (node: IndicatorNode) => void;
  /** The whole tree needs reloading (applicability changes a subtree). */
  onTreeChanged: () => void;
};

const METHODS = ['材料审核', '实地考察', '问卷调查', '网上申报'].map((m) => ({ value: m, label: m }));

type Draft = Omit<
  IndicatorNode,
  'id' | 'systemId' | 'parentId' | 'level' | 'sort' | 'sourceRow' | 'collector' | 'reviewer'
>;

const EDITABLE: (keyof Draft)[] = [
  'code',
  'title',
  'content',
  'methods',
  'score',
  'requirement',
  'rules',
  'applicable',
  'leadUnit',
  'respUnit',
  'collectorId',
  'reviewerId',
  'deadline',
];

/** The fields the gap checker reads: while one has unsaved changes, the result shown is of the saved ones. */
const CHECKED_FIELDS: (keyof Draft)[] = ['rules', 'methods', 'applicable', 'collectorId', 'reviewerId', 'deadline'];

function draftOf(node: IndicatorNode): Draft {
  const out = {} as Record<string, unknown>;
  for (const k of EDITABLE) out[k] = node[k];
  return out as Draft;
}

/** The changed fields only, so an edit never overwrites what someone else changed meanwhile. */
function patchOf(node: IndicatorNode, draft: Draft): IndicatorPatch {
  const patch: Record<string, unknown> = {};
  for (const k of EDITABLE) if (JSON.stringify(node[k]) !== JSON.stringify(draft[k])) patch[k] = draft[k];
  return patch as IndicatorPatch;
}

/** The right pane for an indicator: its texts, evidence rules (检查规则) and people. */
export function IndicatorEditor({ node, isLeaf, gap, checking, items, levelName, onSaved, onTreeChanged }: Props) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft | null>(node ? draftOf(node) : null);
  const [base, setBase] = useState<IndicatorNode | null>(node);
  const [people, setPeople] = useState<Person[]>([]);
  const [busy, setBusy] = useState(false);

  // The tree reloads whenever the project changes (another import, a settings edit …). Follow
  // the stored indicator then, but never throw away edits the user has not saved yet.
  if (node !== base) {
    setBase(node);
    const untouched = !draft || !base || Object.keys(patchOf(base, draft)).length === 0;
    if (untouched || node?.id !== base?.id) setDraft(node ? draftOf(node) : null);
  }

  const loadPeople = useCallback(() => {
    void api.tryCall('people.list', {}).then((r) => r.ok && setPeople(r.value));
  }, []);
  useEffect(loadPeople, [loadPeople]);

  const patch = useMemo(() => (node && draft ? patchOf(node, draft) : {}), [node, draft]);
  const dirty = Object.keys(patch).length > 0;
  const known = useMemo(() => new Map(items.map((m) => [m.id, m])), [items]);
  if (!node || !draft) {
    return (
      <Empty
        className="tz-empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="在左侧选择一个指标，查看和编辑它的材料要求"
      />
    );
  }
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const setRules = (rules: Rule[]) => set('rules', rules);
  const personOptions = people.map((p) => ({ value: p.id, label: p.unit ? `${p.name}（${p.unit}）` : p.name }));

  const save = async () => {
    setBusy(true);
    try {
      const { applicable, ...rest } = patch;
      // 适用 applies to the whole subtree (a parent that does not apply takes its children with it).
      if (applicable !== undefined) await api.call('indicators.setApplicable', { ids: [node.id], applicable });
      const saved = await api.call('indicators.update', { id: node.id, patch: rest });
      if (applicable !== undefined) onTreeChanged();
      else onSaved(saved);
      void message.success('已保存');
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tz-editor">
      <div className="tz-editor-scroll">
        <div className="tz-editor-head">
          <Tag>{levelName}</Tag>
          <span className="tz-muted">{node.sourceRow ? `来自表格第 ${node.sourceRow} 行` : ''}</span>
        </div>
        <Form layout="vertical" size="small" className="tz-editor-form">
          <div className="tz-editor-row">
            <Form.Item label="编码" style={{ width: 84 }}>
              <Input value={draft.code} onChange={(e) => set('code', e.target.value)} aria-label="编码" />
            </Form.Item>
            <Form.Item label="名称" style={{ flex: 1 }}>
              <Input value={draft.title} onChange={(e) => set('title', e.target.value)} aria-label="名称" />
            </Form.Item>
          </div>
          <Form.Item label="测评内容">
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 5 }}
              value={draft.content}
              onChange={(e) => set('content', e.target.value)}
              aria-label="测评内容"
            />
          </Form.Item>
          <div className="tz-editor-row">
            <Form.Item label="测评方法" style={{ flex: 1 }}>
              <Select
                mode="tags"
                value={draft.methods}
                options={METHODS}
                onChange={(v: string[]) => set('methods', v)}
                aria-label="测评方法"
              />
            </Form.Item>
            <Form.Item label="分值" style={{ width: 90 }}>
              <InputNumber
                min={0}
                max={1000}
                value={draft.score}
                onChange={(v) => set('score', v ?? null)}
                aria-label="分值"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </div>
          <Form.Item label="材料要求">
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              value={draft.requirement}
              onChange={(e) => set('requirement', e.target.value)}
              aria-label="材料要求"
            />
          </Form.Item>
          <Form.Item
            label="检查规则"
            extra={
              isLeaf
                ? '确认后的规则用于查漏补缺；“建议”是从材料要求中读出的，请确认或删除'
                : '检查规则写在末级指标上；这一级的结果由下级指标汇总而来'
            }
          >
            <RuleList rules={draft.rules} onChange={setRules} />
          </Form.Item>
          <Form.Item label="检查结果">
            <GapPreview
              gap={gap}
              isLeaf={isLeaf}
              checking={checking}
              pending={CHECKED_FIELDS.some((k) => k in patch)}
              known={known}
            />
          </Form.Item>
          <Form.Item label="本单位适用（个性指标）">
            <Switch
              checked={draft.applicable}
              onChange={(v) => set('applicable', v)}
              checkedChildren="适用"
              unCheckedChildren="不适用"
              aria-label="本单位适用"
            />
          </Form.Item>
          <div className="tz-editor-row">
            <Form.Item label="牵头单位" style={{ flex: 1 }}>
              <Input value={draft.leadUnit} onChange={(e) => set('leadUnit', e.target.value)} aria-label="牵头单位" />
            </Form.Item>
            <Form.Item label="责任单位" style={{ flex: 1 }}>
              <Input value={draft.respUnit} onChange={(e) => set('respUnit', e.target.value)} aria-label="责任单位" />
            </Form.Item>
          </div>
          <div className="tz-editor-row">
            <Form.Item label="收集人" style={{ flex: 1 }}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                value={draft.collectorId ?? undefined}
                options={personOptions}
                onChange={(v?: number) => set('collectorId', v ?? null)}
                aria-label="收集人"
                placeholder="未指定"
                onOpenChange={(open) => open && loadPeople()}
                notFoundContent="人员名单是空的，请先在“操作 → 人员名单”中添加"
              />
            </Form.Item>
            <Form.Item label="审核人" style={{ flex: 1 }}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                value={draft.reviewerId ?? undefined}
                options={personOptions}
                onChange={(v?: number) => set('reviewerId', v ?? null)}
                aria-label="审核人"
                placeholder="未指定"
                onOpenChange={(open) => open && loadPeople()}
                notFoundContent="人员名单是空的，请先在“操作 → 人员名单”中添加"
              />
            </Form.Item>
          </div>
          <Form.Item label="完成时限" extra="日期写成 2026-03-31，也可以写“长期坚持”">
            <Input value={draft.deadline} onChange={(e) => set('deadline', e.target.value)} aria-label="完成时限" />
          </Form.Item>
        </Form>
      </div>
      <div className="tz-editor-actions">
        {dirty && <span className="tz-editor-dirty">有未保存的修改</span>}
        <Button onClick={() => setDraft(draftOf(node))} disabled={!dirty || busy}>
          撤销修改
        </Button>
        <Button type="primary" onClick={() => void save()} disabled={!dirty} loading={busy}>
          保存
        </Button>
      </div>
    </div>
  );
}

type RuleListProps = {
  rules: Rule[];
  onChange: (rules: Rule[]) => void;
};

/** The indicator's 检查规则: suggestions to confirm, rules to change or delete, and a form to add one. */
function RuleList({ rules, onChange }: RuleListProps) {
  // The rule whose form is open: its index, 'new', or none.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const done = (rule: Rule) => {
    const at = typeof editing === 'number' && editing < rules.length ? editing : null;
    onChange(at === null ? [...rules, rule] : rules.map((r, i) => (i === at ? rule : r)));
    setEditing(null);
  };
  return (
    <div className="tz-rules">
      {rules.length === 0 && editing === null && <div className="tz-muted">还没有检查规则</div>}
      {rules.map((r, i) =>
        editing === i ? (
          <RuleForm key={`${i}-edit`} rule={r} onDone={done} onCancel={() => setEditing(null)} />
        ) : (
          <div key={`${i}-${r.type}`} className={r.confirmed ? 'tz-rule' : 'tz-rule tz-rule-suggested'}>
            {!r.confirmed && <Tag color="gold">建议</Tag>}
            <span className="tz-rule-label" title={ruleLabel(r)}>
              {ruleLabel(r)}
            </span>
            {/* The words the rule was read from, unless the label already says them ("需要：通知" from "通知"). */}
            {r.text && !ruleLabel(r).includes(r.text) && (
              <span className="tz-rule-text" title={r.text}>
                “{r.text}”
              </span>
            )}
            <span className="tz-rule-actions">
              {!r.confirmed && (
                <Button
                  size="small"
                  type="link"
                  icon={<CheckOutlined />}
                  disabled={editing !== null}
                  onClick={() => onChange(rules.map((x, j) => (j === i ? { ...x, confirmed: true } : x)))}
                >
                  确认
                </Button>
              )}
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                // One form at a time, so the rule a form was opened for stays where it was.
                disabled={editing !== null}
                onClick={() => setEditing(i)}
                aria-label="修改规则"
                title="修改规则"
              />
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined />}
                disabled={editing !== null}
                onClick={() => onChange(rules.filter((_, j) => j !== i))}
                aria-label="删除规则"
                title="删除规则"
              />
            </span>
          </div>
        ),
      )}
      {editing === 'new' ? (
        <RuleForm rule={null} onDone={done} onCancel={() => setEditing(null)} />
      ) : (
        <Button
          className="tz-rule-add"
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          disabled={editing !== null}
        >
          添加规则
        </Button>
      )}
    </div>
  );
}
